"""Consistency checks: names spelt two ways, place spellings that differ, figures that conflict.

``places`` lists the place spellings that vary; ``layer`` compares the
speakers' aliases, the text's place names and the number groups.
"""

from reader.analysis.checks.layer import ChecksLayer

__all__ = ["ChecksLayer"]
