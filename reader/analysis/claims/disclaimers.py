"""Disclaimers: sentences that declare other sentences' facts unverifiable.

"However, these figures cannot be independently verified." has an anaphoric
subject and nothing else to say, so it points back at the sentence before it;
"... based on unconfirmed reports" points forward at later sentences citing
reports. ``disclaimer_kind`` tells which (the layer links them once the whole
article is read).
"""

from __future__ import annotations

from typing import Any

from reader.analysis.claims.vocabulary import AUXILIARIES
from reader.analysis.model import Sentence

# Words that open a sentence without carrying content: "However, these figures ...".
CONNECTIVES = frozenset("however but yet still and so though also meanwhile again even then".split())
# Openings that point back at something already said: "these figures", "the claims", "it".
BACK_REFERENCES = frozenset("these this those that the such neither none it they both all each".split())
RELATIVES = frozenset("which who that".split())
CLAUSE_OPENERS = frozenset("whether if that how what who when where why".split())
FIGURE_NOUNS = frozenset("figures figure numbers number statistics tolls toll totals estimates data".split())
REPORT_NOUNS = frozenset("reports report claims accounts rumours rumors information allegations".split())
MAX_DISCLAIMER_SUBJECT = 5
MAX_DISCLAIMER_TAIL = 6
PARTY_QUANTIFIERS = frozenset({"neither", "both", "all", "none"})


def disclaimer_kind(
    doc: Any, start: int, end: int, opens_reports: bool, offset: int, sentence: Sentence
) -> tuple[str | None, bool]:
    """Whether an unverifiable cue is a disclaimer about other sentences, and about figures.

    "back": the thing declared unverifiable is anaphoric and the sentence says nothing else
    ("However, these figures cannot be independently verified.", "Reuters could not verify
    the claims."). "forward": an attributive "unconfirmed reports" that later sentences may cite.
    """
    first, last = start, end
    while first > 0 and offset + doc[first - 1].idx >= sentence.start:
        first -= 1
    while last < len(doc) and offset + doc[last].idx < sentence.end:
        last += 1
    before = [t for t in doc[first:start] if not t.is_punct]
    while before and before[0].lower_ in CONNECTIVES:
        before.pop(0)
    while before and before[-1].lower_ in AUXILIARIES:
        before.pop()
    after = [t for t in doc[end:last] if not t.is_punct]
    if before and before[-1].lower_ in RELATIVES and after:
        return None, False  # "The letters, which could not be verified, show ...": about its own subject
    nxt = doc[end] if end < len(doc) else None
    if opens_reports and nxt is not None and nxt.lower_ in REPORT_NOUNS:
        return "forward", False
    if any(t.like_num for t in before + after):
        return None, False
    if not before and doc[start].lower_ in PARTY_QUANTIFIERS and len(after) <= MAX_DISCLAIMER_TAIL:
        # the cue holds its own subject: "Neither side's figures could be independently verified"
        return "back", any(t.lower_ in FIGURE_NOUNS for t in doc[start:end])
    if (
        before
        and len(before) <= MAX_DISCLAIMER_SUBJECT
        and (before[0].lower_ in BACK_REFERENCES or bare_figures(before))
        and len(after) <= MAX_DISCLAIMER_TAIL
        and not (after and after[0].lower_ in CLAUSE_OPENERS)
    ):
        return "back", any(t.lower_ in FIGURE_NOUNS for t in before)
    if (
        after
        and after[0].lower_ in BACK_REFERENCES
        and len(after) <= MAX_DISCLAIMER_SUBJECT
        and len(before) <= 6
    ):
        return "back", any(t.lower_ in FIGURE_NOUNS for t in after)
    return None, False


def bare_figures(subject: list[Any]) -> bool:
    """A short subject naming figures or reports with no determiner: "Casualty figures could not ..."."""
    return len(subject) <= 3 and subject[-1].lower_ in FIGURE_NOUNS | REPORT_NOUNS
