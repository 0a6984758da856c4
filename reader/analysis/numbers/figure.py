"""The record of one figure found in a text, and the pieces of number grammar every pass shares.

``parse.scan`` runs its passes (blocked look-alikes, dates, phrases, plain figures
and their ranges) over one text; each pass returns ``Figure`` records with offsets
local to that text, which the numbers layer then places in the document. The
digit pattern and the reading of a number written in digits or words live here
so the phrase table (``phrases.py``) and the scanner read numbers the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.numbers.words import WORD_NUMBER, words_value

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\u066c\d{3})+|\d+(?:\.\d+)?|\.\d+)"
WORD_NUM_RE = rf"(?:{WORD_NUMBER})"


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in the scanned text; offsets are local to that text."""

    start: int
    end: int
    kind: str  # count | percent | money | quantity | date | range | ratio
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    # Where the figure itself ends (before a trailing unit word): the layer looks
    # for the counted noun after it.
    core_end: int = 0


def number_value(text: str) -> float | None:
    cleaned = text.replace(",", "").replace("\u066c", "")
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", cleaned):
        return float(cleaned)
    return words_value(text)


def longest_first(found: list[Figure]) -> list[Figure]:
    return sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
