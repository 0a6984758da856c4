"""Compound measures: "six feet five inches", "2 hours 30 minutes", "3 pounds 4 ounces".

English writes one length, duration or weight in two (or three) units, largest first.
The scanner reads each part as its own figure; this pass joins adjacent parts into one
quantity whose value is counted in the smallest unit written (6 ft 5 in = 77 inches), so
a height is one figure, comparable with the same height written "77 inches". The hyphened
"a 6-foot-5 forward" drops the second unit word: inches are meant.
"""

from __future__ import annotations

import re

from reader.analysis.numbers.figure import Figure

# (larger unit, smaller unit) -> how many of the smaller make one of the larger. "pounds" is
# read as money by the scanner (GBP): before ounces it can only be a weight.
PARTS = {
    ("feet", "inches"): 12,
    ("hours", "minutes"): 60,
    ("minutes", "seconds"): 60,
    ("pounds", "ounces"): 16,
}
# What may stand between two parts: a space, a comma, "and".
_GAP = re.compile(r"\s+|\s*,\s*(?:and\s+)?|\s+and\s+")
_POUNDS = re.compile(r"pounds?$", re.IGNORECASE)
_FOOT_HYPHEN = re.compile(r"-foot$", re.IGNORECASE)


def _unit(text: str, figure: Figure) -> str | None:
    """The measure a part is written in; "3 pounds" (money to the scanner) as a weight."""
    if figure.kind == "money" and _POUNDS.search(text[figure.start : figure.end]):
        return "pounds"
    return figure.unit if figure.kind == "quantity" else None


def _joined(text: str, first: Figure, second: Figure) -> Figure | None:
    """The two figures as one measure in the smaller unit, or None when they are not one."""
    if first.value is None or second.value is None:
        return None
    gap = text[first.end : second.start]
    larger = _unit(text, first)
    if gap == "-" and _FOOT_HYPHEN.search(text[first.start : first.end]) and second.kind == "count":
        smaller = "inches"  # "6-foot-5"
        if second.unit is not None:
            return None
    elif _GAP.fullmatch(gap):
        smaller = _unit(text, second)
    else:
        return None
    factor = PARTS.get((larger or "", smaller or ""))
    if factor is None or not 0 <= second.value < factor:
        return None
    value = first.value * factor + second.value
    return Figure(first.start, second.end, "quantity", value=value, unit=smaller, core_end=second.end)


def join_measures(text: str, atoms: list[Figure]) -> list[Figure]:
    """Adjacent parts of one compound measure joined, largest unit first ("2 hours, 1 minute and
    9 seconds" is 7,269 seconds); other figures pass through unchanged."""
    out: list[Figure] = []
    for atom in atoms:
        joined = _joined(text, out[-1], atom) if out else None  # a chain joins on the joined value
        if joined is not None:
            out[-1] = joined
        else:
            out.append(atom)
    return out
