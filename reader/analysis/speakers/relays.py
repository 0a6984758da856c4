"""A relay is not the speaker: 'Lee said — as reported by the Ledger — "..."' quotes Lee.

An "as reported by X" (quoted by, cited by, relayed by, told to) set off right after a cue names
who passed the words on, not who spoke them; the words stay with the cue's subject. PolNeAR marks
it so: in "..., Carson noted in an interview, as reported by BuzzFeed News" the source is Carson
alone. Set off after a clause with no cue ("The firm cut jobs, as first reported by X") the relay
is the only source and keeps its own cue.
"""

from __future__ import annotations

import re
from typing import Any

from reader.analysis.speakers.cue import Cue, person, strip_span, unmarked_name

_RELAY = re.compile(
    r"\s*[,—–]\s*as\s+(?:\w+ly\s+|first\s+)?(?:reported|quoted|cited|relayed|told)\s+(?:by|to|in)\s+"
    r"[^,;:—–()\"“”«»]{1,80}?\s*(?=[,—–])"
)


def fold_relays(cues: list[Cue], text: str) -> list[Cue]:
    """The cues with each relay phrase folded into the cue it follows (its words become the cue's
    own, and what it said to report is the cue's content), and any cue found inside it dropped."""
    relays: list[tuple[int, int]] = []
    for cue in cues:
        match = _RELAY.match(text, cue.phrase_end)
        if match is None:
            continue
        end = match.end()
        relays.append((cue.phrase_end, end))
        cue.phrase_end = end
        if cue.content is not None and cue.content[0] < end < cue.content[1]:
            cue.content = strip_span(text, end, cue.content[1])
    kept = [cue for cue in cues if not any(start <= cue.verb_start < end for start, end in relays)]
    return [cue for cue in kept if not _relays_a_cue(cue, kept, text)]


def _relays_a_cue(cue: Cue, cues: list[Cue], text: str) -> bool:
    """An "according to X" after a cue of its own sentence ('Lee said the deal was "dead," according to
    the Ledger'): X passed the words on, which stay with the cue's subject and end before the relay."""
    if not cue.according or cue.content is None or cue.content[1] > cue.verb_start:
        return False
    if isinstance(cue.subject, tuple) or cue.subject is None or cue.subject.ent_type_ != "ORG":
        return False  # "according to an account she gave", "according to officials": a source of its own
    for other in cues:
        if (
            other.according
            or not _a_person(other.subject)
            or not cue.content[0] <= other.verb_start < cue.content[1]
        ):
            continue  # "Bloomberg reports that ..., according to the Roper Center": the poll is the source
        if other.content is not None and other.content[1] > cue.verb_start:
            other.content = strip_span(text, other.content[0], cue.verb_start)
        return True
    return False


def _a_person(subject: Any) -> bool:
    """A person by the parse ("she", "Ana Pires") or a name NER left untyped ("Pelosi said")."""
    return (
        subject is not None and not isinstance(subject, tuple) and (person(subject) or unmarked_name(subject))
    )
