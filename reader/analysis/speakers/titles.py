"""Quoted stretches that name something rather than report words (annotation guide, section 1: "a
quoted phrase that is a name, title or scare quote with no speaker is not a quote").

Two shapes read so in news copy: a title-case phrase right after a preposition or a possessive
('appeared on "Morning Report"', 'the show\'s "Night Desk"'), and a headline credited to its author
('"Ferry fares to rise in May," by Ana Ruiz').
"""

from __future__ import annotations

import re

from reader.analysis.speakers.quote_marks import Quoted

_BEFORE_NAME = re.compile(
    r"(?:\b(?:on|in|of|to|with|from|for|at|into|about|via)|['’]s|s['’])\s*$", re.IGNORECASE
)
_CREDITED = re.compile(r"[\s,.\"'“”‘’]*by\s+[A-Z]")
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from"})


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’\-]*", text)


def title_like(words: list[str]) -> bool:
    """Up to eight words, each capitalised, a figure or a small word: how a name or title is written."""
    return (
        all(w[:1].isupper() or w.lower() in _SMALL_WORDS or w[:1].isdigit() for w in words)
        and len(words) <= 8
    )


def names_a_title(text: str, quote: Quoted) -> bool:
    """The quoted stretch is the name of a programme, a work or a headline, not someone's words."""
    if quote.start < 0 or not quote.closed:
        return False
    inner = text[quote.inner_start : quote.inner_end]
    if _CREDITED.match(text, quote.end) and len(words_of(inner)) <= 20:
        return True
    return title_like(words_of(inner)) and bool(_BEFORE_NAME.search(text, 0, quote.start))
