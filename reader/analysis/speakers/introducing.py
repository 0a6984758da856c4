"""A verb that introduces a quotation, whatever the verb: 'Jing Wang recounted, "..."'.

News sets a direct quotation after its speaker's clause with a comma or a colon ("Ruiz recalled:
"..."", "The minister sighed, "...""). The speech-verb list cannot hold every verb a writer uses
there, and a quotation with no cue beside it falls to the previous speaker, which is then wrong.
The layout itself says who speaks: a finite verb with a subject, then the comma or colon, then the
opening mark, the verb right before the comma (so "scored a goal, "..."" is none). Verbs of the list
are left to the ordinary cues.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import Cue, verb_cue
from reader.analysis.speakers.cue_content import cue_phrase
from reader.analysis.speakers.speech_verbs import SPEECH_LEMMAS

_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def introducing_cues(doc: Any, text: str, quoted: list[tuple[int, int]], taken: set[int]) -> list[Cue]:
    """Cues for verbs right before ", "" or ": "" that are no speech verb; ``taken`` holds verb starts
    already cued."""
    cues = []
    for start, _ in quoted:
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] not in ",:":
            continue
        mark = doc.char_span(end - 1, end)
        if mark is None or mark.start == 0:
            continue
        verb = doc[mark.start - 1]
        if verb.idx in taken or not _introduces(verb):
            continue
        subject = next(child for child in verb.children if child.dep_ == "nsubj")
        phrase = cue_phrase(text, verb, subject, None, quoted)
        cues.append(verb_cue(verb, phrase, subject, None, verb.lemma_.lower()))
        taken.add(verb.idx)
    return cues


def _introduces(verb: Any) -> bool:
    """A finite verb, no speech verb, affirmative, with a subject of its own."""
    if verb.pos_ != "VERB" or verb.tag_ not in _FINITE or verb.lemma_.lower() in SPEECH_LEMMAS:
        return False
    relations = {child.dep_ for child in verb.children}
    return "nsubj" in relations and not relations & {"neg", "nsubjpass", "auxpass"}
