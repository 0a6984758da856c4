"""The reader's words for the analysis contract's codes: what a person sees instead of ``vague_source``.

The JSON contract keeps its codes; everything shown to a reader (the exports, the CLI
summary, the TUI's panel and details line) goes through here. No
Textual, no Rich: plain strings.
"""

from __future__ import annotations

import bisect
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.analysis.model import Number, Speaker

CATEGORY_LABELS = {
    "unverifiable": "unverifiable",
    "hedge": "hedge",
    "vague_source": "vague source",
    "anonymous_source": "anonymous source",
    "single_source": "single source",
}
KIND_LABELS = {
    # quotes
    "direct": "direct quote",
    "indirect": "indirect quote",
    "according_to": "according to",
    "mixed": "partly quoted",
    # speakers
    "person": "person",
    "organisation": "organisation",
    "unnamed": "unnamed",
    # checks
    "name_variant": "name spelled two ways",
    "place_variant": "place spelled two ways",
    "number_conflict": "numbers that disagree",
}
_ORDINAL_DENOMINATORS = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
    5: ("fifth", "fifths"),
    6: ("sixth", "sixths"),
    8: ("eighth", "eighths"),
    10: ("tenth", "tenths"),
}
_SMALL = "zero one two three four five six seven eight nine ten".split()


def category_label(code: str) -> str:
    """``vague_source`` -> "vague source"; an unknown code loses its underscores."""
    return CATEGORY_LABELS.get(code, code.replace("_", " "))


def kind_label(code: str) -> str:
    """A quote, speaker, check or number kind in words: ``according_to`` -> "according to"."""
    return KIND_LABELS.get(code, code.replace("_", " "))


def sentence_place(start: int, paragraph_starts: list[int], sentence_starts: list[int]) -> str:
    """Where offset ``start`` sits, as a reader counts: "paragraph 3, sentence 2" (both from 1).

    Both lists are sorted start offsets (the caller keeps them, so a cursor move costs two bisections).
    """
    if not paragraph_starts:
        return "the text"
    para = max(bisect.bisect_right(paragraph_starts, start) - 1, 0)
    first = bisect.bisect_left(sentence_starts, paragraph_starts[para])
    number = bisect.bisect_right(sentence_starts, start) - first
    if number <= 0:
        return f"paragraph {para + 1}"
    return f"paragraph {para + 1}, sentence {number}"


def fraction_words(value: float) -> str:
    """A share in words: 1/3 -> "one third", 0.5 -> "one half", 0.75 -> "three quarters"; else a short number."""
    fraction = Fraction(value).limit_denominator(10)
    if (
        0 < value < 1
        and abs(float(fraction) - value) < 1e-6
        and fraction.denominator in _ORDINAL_DENOMINATORS
    ):
        one, many = _ORDINAL_DENOMINATORS[fraction.denominator]
        count = fraction.numerator
        return f"{_SMALL[count]} {one if count == 1 else many}"
    return number_words(value)


def number_words(value: float) -> str:
    """A figure as a person writes it: 3500000 -> "3,500,000", 2.345678 -> "2.35", never a float's tail."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.2g}"


def speaker_name(speaker: Speaker | None) -> str:
    """How the panel, the details line, the review queue and every export name a speaker: one name."""
    if speaker is None:
        return "unattributed"
    return speaker.name or speaker.label or "unnamed speaker"


def number_value(number: Number) -> str:
    """The normalised value a reader can compare: '40 %', '5,800,000 shells', '3–5 years'; dates as written."""
    if number.kind == "date":
        return number.text
    unit = f" {number.unit}" if number.unit else ""
    if number.low is not None and number.high is not None:
        return f"{_figure(number, number_words)}{unit}"
    if number.kind == "ratio" and number.value is not None:
        return f"{fraction_words(number.value)}{unit}"
    if number.value is not None:
        return f"{number_words(number.value)}{unit}"
    return number.text


def describe_number(number: Number) -> str:
    """``5.8 million → 5,800,000 (count)``: the words as printed and the value they normalise to."""
    value = _figure(number, _plain) or ""
    if value and number.unit:
        value = f"{value}{number.unit}" if number.unit == "%" else f"{value} {number.unit}"
    if value and number.qualifier:
        value = f"{number.qualifier} {value}"
    shown = f"{number.text} → {value}" if value and value != number.text else number.text
    return f"{shown} ({number.kind})"


def _figure(number: Number, write: Callable[[float], str]) -> str | None:
    """The range "low–high", else the value, each written by ``write``; None when it has neither."""
    if number.low is not None and number.high is not None:
        return f"{write(number.low)}–{write(number.high)}"
    if number.value is not None:
        return write(number.value)
    return None


def _plain(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
