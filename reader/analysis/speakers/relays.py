"""A relay is not the speaker: 'Lee said — as reported by the Ledger — "..."' quotes Lee.

An "as reported by X" (quoted by, cited by, relayed by, told to) set off right after a cue names
who passed the words on, not who spoke them; the words stay with the cue's subject. PolNeAR marks
it so: in "..., Carson noted in an interview, as reported by BuzzFeed News" the source is Carson
alone. Set off after a clause with no cue ("The firm cut jobs, as first reported by X") the relay
is the only source and keeps its own cue.
"""

from __future__ import annotations

import re

from reader.analysis.speakers.cue import Cue, strip_span

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
    if not relays:
        return cues
    return [cue for cue in cues if not any(start <= cue.verb_start < end for start, end in relays)]
