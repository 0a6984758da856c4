"""Dates, and the spans that only look like numbers: the scanner's first two passes.

Times ("8.30pm", "14:05"), day-and-month ("31 July"), "9/11", version strings,
list markers, codes with a leading zero and copyright years are ``BLOCKS``: the
scanner claims them first so none of their digits become a figure. Whole dates
("July 1, 2020", "mid-2019", "2019/20") come next as date figures. Each regex is a
``Pattern`` tried only where a match can start (a digit, a month name), which
``Scanned`` finds once per text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.analysis.numbers.figure import Figure, longest_first

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A scanner regex, tried only where its matches can start.

    A full pass of a regex over a paragraph costs far more than trying it at the
    few places a match could begin, and most of these can only begin at a
    number's first digit or at a month name. ``needs`` lists text (lower case)
    that every match contains; without any of it, the pattern is not tried.
    """

    regex: re.Pattern[str]
    starts: str = ""  # "digit", "month", or "" (anywhere)
    needs: tuple[str, ...] = ()


_STARTS = {
    # Every pattern marked "digit" begins with \b\d or a stricter lookbehind: a number's first digit.
    "digit": re.compile(r"(?<!\w)\d"),
    "month": re.compile(rf"\b{MONTH}"),
}


class Scanned:
    """One text under scan, with the start positions of each kind found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self._starts: dict[str, list[int]] = {}

    def finditer(self, pattern: Pattern) -> Iterator[re.Match[str]]:
        """What ``pattern.regex.finditer(text)`` finds (no pattern here matches empty text)."""
        if pattern.needs and not any(word in self.lower for word in pattern.needs):
            return
        if not pattern.starts:
            yield from pattern.regex.finditer(self.text)
            return
        if pattern.starts not in self._starts:
            self._starts[pattern.starts] = [m.start() for m in _STARTS[pattern.starts].finditer(self.text)]
        end = 0
        for start in self._starts[pattern.starts]:
            if start >= end and (match := pattern.regex.match(self.text, start)):
                yield match
                end = match.end()


BLOCKS = [
    Pattern(
        re.compile(r"\b(?:https?://|www\.)[^\s)\]>]+", re.IGNORECASE), "", ("http", "www.")
    ),  # a link's digits are its address
    Pattern(re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)"), "digit"),  # 8.30pm
    Pattern(re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"), "digit"),  # 0:40, 14:05
    Pattern(re.compile(r"\b\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)"), "digit"),  # 9am
    Pattern(re.compile(r"\b\d{3,4}\s?(?:UTC|GMT|CET|EST|hrs)\b"), "digit"),  # 0100 UTC
    # 007, 0100: codes and clock times, not amounts
    Pattern(re.compile(r"(?<![\w,.\u066c])0\d+\b(?!\.\d)"), "digit"),
    Pattern(re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"), "digit"),  # 9/11, 24/7, 12/25/2020
    Pattern(re.compile(r"\b\d+(?:\.\d+){2,}\b"), "digit"),  # 3.2.1, 10.0.0.1
    # July 31, 31 July
    Pattern(re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\d)"), "month"),
    Pattern(re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![\w])(?!,?\s+\d{{4}})"), "digit"),
    Pattern(re.compile(r"(?m)^\s*\(?\d{1,2}[.)](?=\s)")),  # list markers "1." "2)"
    # page furniture: © 2024
    Pattern(
        re.compile(r"(?:©|\([cC]\)|[Cc]opyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?"),
        needs=("©", "(c)", "copyright"),
    ),
]
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATES = [
    Pattern(re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"), "month"),  # July 1, 2020
    # 1 July 2020
    Pattern(re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+{_YEAR}\b"), "digit"),
    Pattern(re.compile(rf"\b{MONTH},?\s+{_YEAR}\b"), "month"),  # June 2015, March, 2018
    Pattern(re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "digit"),  # 2020-07-01
    # mid-2019, early 2020
    Pattern(re.compile(rf"\b(?:[Mm]id|[Ee]arly|[Ll]ate)[- ]{_YEAR}s?\b"), needs=("mid", "early", "late")),
    Pattern(re.compile(r"\b(?:1[89]|20)\d0s\b"), "digit"),  # the 1990s
    Pattern(re.compile(rf"\bQ[1-4]\s+{_YEAR}\b"), needs=("q",)),  # Q3 2024
]
# 2019/20, 1939–45
YEAR_SPAN = Pattern(re.compile(rf"\b(?P<a>{_YEAR})\s?[/–—-]\s?(?P<b>\d{{4}}|\d{{2}})\b"), "digit")


def dates(scanned: Scanned) -> list[Figure]:
    found = []
    for pattern in DATES:
        for match in scanned.finditer(pattern):
            found.append(Figure(match.start(), match.end(), "date", core_end=match.end()))
    for match in scanned.finditer(YEAR_SPAN):
        first = int(match["a"])
        tail = match["b"]
        second = int(tail) if len(tail) == 4 else first - first % 100 + int(tail)
        if first < second <= first + 100:
            found.append(
                Figure(match.start(), match.end(), "date", low=first, high=second, core_end=match.end())
            )
    return longest_first(found)
