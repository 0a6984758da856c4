"""Quoted stretches that name something rather than report words (annotation guide, section 1: "a
quoted phrase that is a name, title or scare quote with no speaker is not a quote").

Two shapes read so in news copy: a title-case phrase right after a preposition or a possessive
('appeared on "Morning Report"', 'the show\'s "Night Desk"'), and a headline credited to its author
('"Ferry fares to rise in May," by Ana Ruiz').
"""

from __future__ import annotations

import re

from reader.analysis.speakers.quote_marks import Quoted
from reader.analysis.speakers.quotes import _title_like, _words

_BEFORE_NAME = re.compile(
    r"(?:\b(?:on|in|of|to|with|from|for|at|into|about|via)|['’]s|s['’])\s*$", re.IGNORECASE
)
_CREDITED = re.compile(r"[\s,.\"'“”‘’]*by\s+[A-Z]")


def names_a_title(text: str, quote: Quoted) -> bool:
    """The quoted stretch is the name of a programme, a work or a headline, not someone's words."""
    if quote.start < 0 or not quote.closed:
        return False
    inner = text[quote.inner_start : quote.inner_end]
    if _CREDITED.match(text, quote.end) and len(_words(inner)) <= 20:
        return True
    return _title_like(_words(inner)) and bool(_BEFORE_NAME.search(text, 0, quote.start))
