"""Numbers: every figure worth checking, normalised to value, range, unit, kind and qualifier.

``words`` reads number words ("nearly five thousand", "a dozen"), ``units``
names units and currencies, ``parse`` scans a paragraph for figures, and
``layer`` publishes ``results.numbers`` with same-figure groups.
"""

from reader.analysis.numbers.layer import NumbersLayer

__all__ = ["NumbersLayer"]
