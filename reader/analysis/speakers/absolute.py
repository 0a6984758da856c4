"""The absolute construction: in '..., with the ministry saying that ...' the noun after "with" speaks.

"with NP VERB-ing" is a clause of its own whose subject is the noun phrase: "with officials warning
that ...", "with three in ten voters saying ...". The parser often hangs the participle on the noun
as a modifier, and climbing from there would reach the main clause's subject instead (PolNeAR marks
the noun: "with Gorka noting ...", "with three in 10 saying ...").
"""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.speech_verbs import SPEECH_LEMMAS


def absolute_subject(verb: Any) -> Any | None:
    """The noun a participle after "with" belongs to, when the parser made the participle its modifier."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or any(c.dep_ == "nsubj" for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.i > verb.i or not _sets_off(noun.head):
        return None
    # "ended with a reference to the film, remarking ...": set off by a comma, the participle is the
    # main clause's subject's, hung on the noun by a misparse
    return None if any(t.text == "," for t in verb.doc[noun.i : verb.i]) else noun


def speaking(child: Any) -> bool:
    """A participle reporting what its noun says ('voters saying ...'): the speech, never part of the
    noun's description, so a speaker's label stops before it."""
    return child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_LEMMAS


def _sets_off(with_: Any) -> bool:
    """ "with" opening the sentence or set off by a comma or a dash: a clause of its own, not the
    object of a verb ("replaced it with softer language calling for ..." describes the language)."""
    doc = with_.doc
    return with_.i == with_.sent.start or doc[with_.i - 1].text in (",", "—", "–", "-", "--", ";")
