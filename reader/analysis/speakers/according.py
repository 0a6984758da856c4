"""'according to X' with a dependency parse: X is the source, the rest of the sentence the content."""

from __future__ import annotations

import re
from typing import Any

from reader.analysis.speakers.cue import RELATIVE_START, Cue, entity_last, strip_span


def according_cue(doc: Any, text: str, sent: Any, token: Any) -> Cue | None:
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
    subject = objects[0] if objects else (doc[to.i + 1] if to.i + 1 < sent.end else None)
    if subject is None:
        return None
    if subject.dep_ == "pcomp" and subject.tag_.startswith("VB"):
        # "according to show insiders": the parser read the noun "show" as a verb taking "insiders"
        nouns = [c for c in subject.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if nouns:
            subject = nouns[0]
    phrase_end = subject.right_edge.idx + len(subject.right_edge.text)
    # "according to officials, some of whom ...": the source is the noun phrase, not its clauses.
    for child in subject.children:
        if child.dep_ in ("relcl", "punct") and child.i > subject.i:
            phrase_end = min(phrase_end, child.left_edge.idx)
            break
    phrase_end = len(text[:phrase_end].rstrip(" ,"))
    named = _apposed_name(doc, text, phrase_end, sent.end)
    if named is not None and subject.ent_type_ != "PERSON":
        subject, phrase_end = named  # "according to the mission's chief observer, Ivan Stefanec, ..."
    sent_start, sent_end = sent.start_char, sent.end_char
    while sent_end > sent_start and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    before = strip_span(text, sent_start, token.idx)
    relative = any(child.dep_ == "relcl" for child in subject.children)
    after_start = subject.right_edge.idx + len(subject.right_edge.text) if relative else phrase_end
    after = strip_span(text, after_start, sent_end)
    if after and RELATIVE_START.match(text, after[0]):
        after = None  # "according to officials, some of whom ...": about the source, not the content
    if (
        after
        and (before is None or len(text[after[0] : after[1]].split()) >= 3)
        and not (_finite_clause(sent, before) and not _CONJUNCTION_END.search(text, 0, token.idx))
    ):
        content = after
    else:
        content = before
    return Cue(
        verb_start=token.idx,
        verb_end=to.idx + len(to.text),
        phrase_start=token.idx,
        phrase_end=phrase_end,
        sentence_start=sent_start,
        sentence_end=sent.end_char,
        subject=subject,
        content=content,
        according=True,
        lemma="according to",
    )


# "..., largely Kurdish and, according to Turkey, supportive of ...": the content goes on after the source.
_CONJUNCTION_END = re.compile(r"\b(?:and|but|or|yet|nor)\W*$")


def _finite_clause(sent: Any, span: tuple[int, int] | None) -> bool:
    """The words before 'according to' hold a tensed verb: they are the reported clause, and what follows
    the source ('..., head of the centre') says more about the source ("Sales fell, according to X, ...")."""
    if span is None:
        return False
    return any(span[0] <= t.idx < span[1] and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)


def _apposed_name(doc: Any, text: str, after: int, limit: int) -> tuple[Any, int] | None:
    """A person's name set off by commas right after a role: ", Ivan Stefanec," -> (its last token, its end)."""
    if not text.startswith(",", after):
        return None
    first = next((t for t in doc if t.idx > after), None)
    if first is None or first.i >= limit or first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return None
    last = entity_last(first, limit)
    end = last.idx + len(last.text)
    if not text.startswith(",", end):
        return None
    return last, end
