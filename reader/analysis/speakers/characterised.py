"""Words reported as a characterisation: 'referred to the vote as "a sham"', 'dismissed the report as
"nonsense"'. The verb says nothing of speech by itself ("attacked the base", "praised the staff");
only the quoted "as" phrase makes it a report of someone's words."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import Cue, inside, verb_cue
from reader.analysis.speakers.cue_content import cue_phrase, span_of
from reader.analysis.speakers.cue_subject import subject_of
from reader.analysis.speakers.passives import nearest_verb
from reader.analysis.speakers.speech_verbs import AS_QUOTED_LEMMAS


def characterisation_cue(text: str, verb: Any, quoted: list[tuple[int, int]]) -> Cue | None:
    """An active verb of AS_QUOTED_LEMMAS with an "as" phrase after its object that holds a quotation:
    the subject speaks, and what it said runs from the object to the end of the "as" phrase."""
    lemma = verb.lemma_.lower()
    if lemma not in AS_QUOTED_LEMMAS or verb.pos_ != "VERB" or inside(verb.idx, quoted):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "was hailed as ...": by whom the passive does not say
    phrase = next(
        (
            t
            for t in verb.subtree
            if t.i > verb.i and t.lower_ == "as" and t.dep_ == "prep" and nearest_verb(t).i == verb.i
        ),
        None,
    )
    if phrase is None:
        return None
    start, end = span_of(phrase)
    if not any(start <= q_start < end for q_start, _ in quoted):
        return None
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "pobj") and c.i < phrase.i]
    objects += [
        c
        for p in verb.children
        if p.dep_ == "prep" and verb.i < p.i < phrase.i
        for c in p.children
        if c.dep_ == "pobj"
    ]
    if objects:
        start = min(span_of(c)[0] for c in objects)  # "referred to the vote as": from "the vote"
    subject = subject_of(verb, quoted)
    if subject is None:
        return None
    content = (start, end)
    return verb_cue(verb, cue_phrase(text, verb, subject, content, quoted), subject, content, lemma)
