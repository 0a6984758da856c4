"""The phrases whose meaning is more than their digits, as a table of trigger and finder.

"all but one" is a count, "tens of thousands" a range, "two-thirds" and "one in
five" ratios, "twice as many" a ratio, "half a million" a count, "a year and a
half" a quantity. Each entry of ``PHRASES`` pairs a cheap test on the lowered
text (is its key word there at all?) with the finder that runs its regex and
reads the figures; ``parse.scan`` runs the table after the dates and before the
plain figures, so a phrase claims its text first. A new phrase is a new finder
and a new line in the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reader.analysis.numbers.figure import DIGITS, WORD_NUM_RE, Figure, longest_first, number_value
from reader.analysis.numbers.units import MEASURES
from reader.analysis.numbers.words import FRACTIONS, SCALES, SMALL, TENS, fraction_value

Finder = Callable[[str, str], Iterator[Figure]]  # (text, its lowered copy) -> the figures, in match order

_ALL_BUT = re.compile(rf"\ball\s+but\s+(?:{DIGITS}|{WORD_NUM_RE})\b", re.IGNORECASE)
_ORDERS = re.compile(
    r"\b(?P<order>tens|hundreds)\s+of\s+(?P<scale>thousands|millions|billions)\b", re.IGNORECASE
)
_FRACTION_NUMERATOR = (
    rf"(?:a|an|one|{'|'.join(sorted((w for w in SMALL if SMALL[w] > 1), key=len, reverse=True))})"
)
_FRACTION = re.compile(
    rf"\b(?P<num>{_FRACTION_NUMERATOR})[- ](?P<den>{'|'.join(sorted(FRACTIONS, key=len, reverse=True))})\b"
    r"(?P<scale>\s+(?:of\s+a\s+)?(?:million|billion|trillion|thousand)\b)?",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"\d\s*(?:to|-|–|—)\s*$")
# "(fell) by (nearly) a fifth": a change by a fraction, ending just before the fraction.
_BY_BEFORE = re.compile(
    r"\bby\s+(?:(?:nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than|just\s+over|"
    r"just\s+under)\s+)?$",
    re.IGNORECASE,
)
# Words that may follow such a fraction without making it an ordinal ("by a third in 2024").
_AFTER_CHANGE = re.compile(
    r"\s+(?:in|on|at|since|from|to|over|during|after|before|between|compared|this|last|and|or|but|than|while)\b"
)
_HALF = re.compile(
    r"(?<![\w-])(?P<half>half)(?:\s+an?\s+(?P<scale>million|billion|trillion|thousand|dozen)\b"
    r"|(?=\s+(?:of|the|its|their|his|her|our|all|those|these)\b))",
    re.IGNORECASE,
)
_TIMES = re.compile(
    rf"\b(?P<n>twice|thrice|(?:{DIGITS}|{WORD_NUM_RE})\s+times)(?=\s+(?:as|more|less|fewer|higher|lower|larger|"
    r"smaller|bigger|greater|the|that|what|over)\b)",
    re.IGNORECASE,
)
_ONE_WORD = "(?:" + "|".join(sorted([*SMALL, *TENS, "hundred", "thousand"], key=len, reverse=True)) + ")"
_IN_EVERY = re.compile(
    rf"\b(?P<a>\d+|{_ONE_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d+|{_ONE_WORD})\b(?!\s*(?:%|per))",
    re.IGNORECASE,
)
_IN_EVERY_HINGE = re.compile(r"\s(?:in|out of)\s")
_UNIT_AND_A_HALF = re.compile(
    r"\b(?:(?:a|an|one)\s+)?(?P<unit>year|month|week|day|hour|decade|century)\s+and\s+a\s+half\b",
    re.IGNORECASE,
)


_SINGULAR_DENOMINATORS = frozenset(
    ("half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
)


def _all_but(text: str, lower: str) -> Iterator[Figure]:
    for match in _ALL_BUT.finditer(text):
        yield Figure(match.start(), match.end(), "count", core_end=match.end())


def _orders(text: str, lower: str) -> Iterator[Figure]:
    for match in _ORDERS.finditer(text):
        scale = SCALES[match["scale"].lower().rstrip("s")]
        low = scale * (10 if match["order"].lower() == "tens" else 100)
        yield Figure(match.start(), match.end(), "count", low=low, high=low * 10, core_end=match.end())


def _fractions(text: str, lower: str) -> Iterator[Figure]:
    for match in _FRACTION.finditer(text):
        numerator, denominator = match["num"], match["den"]
        if re.search(r"\band[- ]$", text[max(0, match.start() - 4) : match.start()], re.IGNORECASE):
            continue  # the tail of "three-and-a-half million", read with its whole number
        singular = denominator.lower() in _SINGULAR_DENOMINATORS
        if singular and _is_ordinal(text, match):
            continue
        if not singular and numerator.lower() in ("a", "an", "one"):
            continue
        value = fraction_value(numerator, denominator)
        if value is None:
            continue
        if match["scale"]:
            scale = SCALES[match["scale"].split()[-1].lower()]
            yield Figure(match.start(), match.end(), "count", value=value * scale, core_end=match.end())
        else:
            yield Figure(match.start(), match.end(), "ratio", value=value, core_end=match.end())


def _is_ordinal(text: str, match: re.Match[str]) -> bool:
    """ "a third officer" is an ordinal; "a third of", "one-third", "two thirds", "a quarter million",
    "cut by a third" (a change by a fraction, no noun after it) are fractions."""
    after = text[match.end() : match.end() + 4]
    hyphenated = match.group(0)[len(match["num"])] == "-"
    by_fraction = bool(_BY_BEFORE.search(text, max(0, match.start() - 24), match.start())) and (
        not re.match(r"\s+[a-z]", text[match.end() : match.end() + 2])
        or bool(_AFTER_CHANGE.match(text, match.end()))
    )
    return not match["scale"] and not hyphenated and not re.match(r"\s+of\b", after) and not by_fraction


def _halves(text: str, lower: str) -> Iterator[Figure]:
    for match in _HALF.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(?:first|second|last|other|and a|in)\s+$", before):
            continue
        if match["scale"]:
            scale = 12.0 if match["scale"].lower() == "dozen" else SCALES[match["scale"].lower()]
            yield Figure(match.start(), match.end(), "count", value=scale / 2, core_end=match.end())
        else:
            yield Figure(match.start(), match.end(), "ratio", value=0.5, core_end=match.end())


def _times(text: str, lower: str) -> Iterator[Figure]:
    for match in _TIMES.finditer(text):
        word = match["n"].lower()
        value = 2.0 if word == "twice" else 3.0 if word == "thrice" else number_value(word.rsplit(None, 1)[0])
        if value is not None:
            yield Figure(match.start(), match.end(), "ratio", value=value, core_end=match.end())


def _one_in_every(text: str, lower: str) -> Iterator[Figure]:
    for match in in_every(text, lower):
        if _RANGE_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # "aged 13 to 17 in 48 schools": the end of a range, then where
        top, bottom = number_value(match["a"]), number_value(match["b"])
        if top is not None and bottom and 0 < top < bottom <= 1000:
            yield Figure(match.start(), match.end(), "ratio", value=top / bottom, core_end=match.end())


def in_every(text: str, lower: str) -> list[re.Match[str]]:
    """ "one in five", "3 out of 10": the full pattern is tried only around each "in" / "out of"."""
    matches = []
    for hinge in _IN_EVERY_HINGE.finditer(lower):
        match = _IN_EVERY.search(text, max(0, hinge.start() - 10), min(len(text), hinge.end() + 20))
        if match and match.start() < hinge.start() and (not matches or match.start() >= matches[-1].end()):
            matches.append(match)
    return matches


def _unit_and_a_half(text: str, lower: str) -> Iterator[Figure]:
    for match in _UNIT_AND_A_HALF.finditer(text):
        unit = MEASURES[match["unit"].lower()]
        yield Figure(match.start(), match.end(), "quantity", value=1.5, unit=unit, core_end=match.end())


# (trigger on the lowered text, finder), in the order the scanner has always tried them.
PHRASES: tuple[tuple[Callable[[str], bool], Finder], ...] = (
    (lambda lower: "all but" in lower, _all_but),
    (lambda lower: " of " in lower, _orders),
    (lambda lower: any(word in lower for word in FRACTIONS), _fractions),
    (lambda lower: "half" in lower, _halves),
    (lambda lower: "twice" in lower or "thrice" in lower or " times" in lower, _times),
    (lambda lower: True, _one_in_every),  # in_every looks for its own hinge words
    (lambda lower: "and a half" in lower, _unit_and_a_half),
)


def phrases(text: str, lower: str) -> list[Figure]:
    """Every phrase figure in ``text``; a finder runs only when its trigger says its key word is there."""
    found = [figure for trigger, finder in PHRASES if trigger(lower) for figure in finder(text, lower)]
    return longest_first(found)
