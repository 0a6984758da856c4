"""Reports in the passive whose speaker is no name: 'It was reported that the mine would close' (nobody
named) and 'The suspect was described as "violent" by the police' (a group or channel as the agent).

PolNeAR's political articles rarely write either (4 "it was/is reported/revealed/said ..." in train
1-500, 3 of them marked as attributions, the fourth with no clause after it; no "described as ... by the
police" at all), but news reports of crimes and disasters do, and each reports words by the guide: an
impersonal report is a quote with no speaker, an agent like "the police" an unnamed one.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import Cue, verb_cue
from reader.analysis.speakers.cue_content import cue_phrase, span_of
from reader.analysis.speakers.speech_verbs import AS_COMPLEMENT_LEMMAS, CLAUSE_LEMMAS, GROUP_NOUNS

# Verbs whose passive with a "by" group reports that group's words about the subject: "was
# described as reckless by critics", "were reported by local media to have fled".
GROUP_AGENT_LEMMAS = AS_COMPLEMENT_LEMMAS | {"report"}


def impersonal_cue(text: str, verb: Any, lemma: str, quoted: list[tuple[int, int]]) -> Cue | None:
    """'It was reported on Monday (that) the mayor was taken to hospital', 'it is said the river once
    flooded': "it" as the passive subject of a reporting verb with a clause after it, and no agent."""
    children = list(verb.children)
    expletive = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ == "it"]
    clauses = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
    if lemma not in CLAUSE_LEMMAS or not expletive or not clauses or any(c.dep_ == "agent" for c in children):
        return None
    content = span_of(clauses[0])
    return verb_cue(
        verb, cue_phrase(text, verb, expletive[0], content, quoted), None, content, lemma, agentless=True
    )


def group_agent(verb: Any) -> Any | None:
    """The group in 'was described as "violent" by the police', 'were reported by local media to ...'.
    The parser may hang the "by" on the "as" phrase ('who was described as "violent" by the police'):
    any "by" after the verb whose nearest verb above it is this one."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in GROUP_AGENT_LEMMAS:
        return None
    for by in verb.subtree:
        if (
            by.i > verb.i
            and by.lower_ == "by"
            and by.dep_ in ("agent", "prep")
            and nearest_verb(by).i == verb.i
        ):
            for name in by.children:
                if name.dep_ == "pobj" and name.lemma_.lower() in GROUP_NOUNS:
                    return name
    return None


def nearest_verb(token: Any) -> Any:
    """The first verb above a token (the sentence's root when none is)."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head
    return head


def agent_content(verb: Any, agent: Any) -> tuple[int, int] | None:
    """What a passive with a group agent reports about its subject: the "as" phrase ('described as
    "violent"') or the infinitive ('reported ... to have fled'), not the subject, often a relative word,
    nor the "by" phrase the parser may have hung inside it."""
    by = agent.head
    for child in verb.children:
        if child.i > verb.i and (
            (child.dep_ == "prep" and child.lower_ == "as")
            or (child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))
        ):
            start, end = span_of(child)
            if start < by.idx < end:
                end = len(verb.doc.text[: by.idx].rstrip(" ,"))
            return start, end
    return None
