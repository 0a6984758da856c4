"""One attribution cue, and the token and span tests every way of finding cues shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.analysis.speakers.speech_verbs import (
    CLAUSE_LEMMAS,
    GROUP_NOUNS,
    ORG_ROLE_NOUNS,
    PERSON_ROLE_NOUNS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
)

RELATIVE_START = re.compile(
    r"(?:(?:\w+ )?(?:of|to|in|for|by|with) )?(?:which|who|whom|whose)\b", re.IGNORECASE
)


@dataclass(slots=True)
class Cue:
    """One attribution cue in a paragraph (paragraph-relative offsets)."""

    verb_start: int
    verb_end: int
    phrase_start: int  # the cue's own words: subject, verb, objects, "on Twitter" ...
    phrase_end: int
    sentence_start: int
    sentence_end: int
    subject: Any  # the subject's head token (parse), or a (start, end, form) triple (rules), or None
    content: tuple[int, int] | None
    according: bool = False
    needs_quote: bool = False  # "described him as ...": a cue only when its content quotes
    interposed: bool = False  # "The plan, she said, is doomed": the content holds the cue's own words
    agentless: bool = False  # "When asked whether ...": a question put by someone the article never names
    clause_after: bool = False  # the content is a clause the verb governs after itself ("denied it happened")
    lemma: str = ""


def verb_cue(
    verb: Any,
    phrase: tuple[int, int],
    subject: Any,
    content: tuple[int, int] | None,
    lemma: str,
    **flags: bool,
) -> Cue:
    """A cue whose verb is one token of the parse: the verb's and its sentence's offsets come from it."""
    sent = verb.sent
    return Cue(
        verb_start=verb.idx,
        verb_end=verb.idx + len(verb.text),
        phrase_start=phrase[0],
        phrase_end=phrase[1],
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        subject=subject,
        content=content,
        lemma=lemma,
        **flags,
    )


def inside(position: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in quoted)


def speech_lemma(token: Any) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        if not _verb_tagged_noun(token):
            return None
    if lemma == "make" and any(child.lower_ == "clear" for child in token.children):
        return "make clear"
    if lemma == "point" and any(child.dep_ == "prt" and child.lower_ == "out" for child in token.children):
        return "point out"
    if lemma in SPEECH_LEMMAS:
        return lemma
    return None


def _verb_tagged_noun(token: Any) -> bool:
    """'But Trump claims that he ...': a verb form the tagger read as a plural noun, though the parser
    gave it a subject and a reported clause, as only a verb has. So too a cue set off inside the
    clause it reports with a pronoun for subject ('The dam, they reason, will hold'), which no noun
    phrase has."""
    if token.tag_ not in ("NNS", "NN"):
        return False
    relations = {child.dep_ for child in token.children}
    if token.lower_ in SPEECH_FORMS:
        return "nsubj" in relations and "ccomp" in relations
    return (
        token.dep_ == "parataxis"
        and token.lemma_.lower() in CLAUSE_LEMMAS
        and any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.i == token.i - 1 for c in token.children)
    )


def speaker_like(subject: Any) -> bool:
    """A subject that can speak: a person, a group or an organisation, not a thing or an event
    ("the exchange would encourage others to try")."""
    lemma = subject.lemma_.lower()
    return (
        person(subject)
        or subject.lower_ in ("they", "you")
        or subject.ent_type_ in ("ORG", "NORP", "GPE")
        or subject.pos_ == "PROPN"
        or lemma in GROUP_NOUNS | PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS
    )


def person(subject: Any) -> bool:
    """A subject that is a person: a personal pronoun, or a name the parser marks as one in the
    subject or set beside it ("the miner Ana Pires")."""
    if subject is None:
        return False
    named = [subject, *subject.lefts, *(c for c in subject.rights if c.dep_ == "appos")]
    return subject.lower_ in _PERSONAL or any(t.ent_type_ == "PERSON" for t in named)


_PERSONAL = frozenset("i he she we".split())


def unmarked_name(word: Any) -> bool:
    """A proper noun NER gave no type (nor a place's or a body's): most often a person's name."""
    return word.pos_ == "PROPN" and not word.ent_type_


def entity_last(first: Any, limit: int) -> Any:
    """The last token, before position ``limit``, of the entity that begins at ``first``."""
    doc = first.doc
    last = first
    while last.i + 1 < limit and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",;:—–)"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return (start, end) if end - start >= 3 else None


def comma_before(verb: Any) -> int:
    """The index of the last comma or dash between the sentence start and the verb (-1 if none)."""
    doc = verb.doc
    return max((t.i for t in doc[verb.sent.start : verb.i] if t.text in (",", "—", "–")), default=-1)
