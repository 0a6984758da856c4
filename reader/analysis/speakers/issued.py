"""A statement issued, then quoted: 'The council issued a statement: "..."' speaks for the issuer.

"issued a statement", "made the following announcement", "released the following statement" name
no speech verb, yet the colon hands the quotation that follows to whoever issued it (PolNeAR marks
"released the following statement:" so, with its subject as the source), and so does "issued a
statement that an inmate was hurt:", the colon after the clause. Without the colon ('The
firm issued a statement.') the words may be anywhere, so the phrase is no cue.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import Cue, verb_cue
from reader.analysis.speakers.cue_content import cue_phrase, span_of
from reader.analysis.speakers.cue_subject import subject_of
from reader.analysis.speakers.speech_verbs import ISSUED_NOUNS

# Verbs that put out a document rather than say something.
ISSUE_LEMMAS = frozenset({"issue", "release", "make", "publish", "send", "put", "circulate", "give"})

_MAX_GAP_TOKENS = 6  # "a statement on its website on Friday:" at most


def issued_cue(text: str, verb: Any, quoted: list[tuple[int, int]]) -> Cue | None:
    """'X issued a statement:' right before a quotation: a cue with X as subject and no content of its own."""
    if verb.lemma_.lower() not in ISSUE_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
        return None
    documents = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_NOUNS]
    if not documents:
        return None
    clause = _that_clause(documents[0])
    if clause is not None and (subject := subject_of(verb, quoted)) is not None:
        content = span_of(clause)
        return verb_cue(verb, cue_phrase(text, verb, subject, content, quoted), subject, content, "issue")
    after = clause.right_edge.i + 1 if clause is not None else documents[0].i + 1
    colon = next(
        (t for t in verb.doc[after : min(after + _MAX_GAP_TOKENS, verb.sent.end)] if t.text == ":"), None
    )
    if colon is None or not _opens_quote(text, colon.idx + 1, quoted):
        return None
    if any(t.is_quote for t in verb.doc[verb.i : colon.i]):
        return None
    subject = subject_of(verb, quoted)
    if subject is None:
        return None
    return verb_cue(verb, cue_phrase(text, verb, subject, None, quoted), subject, None, "issue")


def _that_clause(document: Any) -> Any | None:
    """ "a statement that an inmate had been hurt:": the colon comes after what the statement said."""
    return next(
        (
            child
            for child in document.children
            if child.dep_ in ("acl", "ccomp")
            and any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children)
        ),
        None,
    )


def _opens_quote(text: str, after: int, quoted: list[tuple[int, int]]) -> bool:
    """A quotation begins after the colon, past white space only, or the paragraph ends there and
    the quotation opens the next one."""
    start = len(text) - len(text[after:].lstrip())
    return start == len(text) or any(q_start == start for q_start, _ in quoted)
