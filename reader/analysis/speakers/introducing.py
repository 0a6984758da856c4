"""A clause that introduces a quotation, whatever its verb: 'Jing Wang recounted, "..."'.

News sets a direct quotation after its speaker's clause with a comma or a colon ("Ruiz recalled:
"..."", "The minister sighed, "...""). The speech-verb list cannot hold every verb a writer uses
there, and a quotation with no cue beside it falls to the previous speaker, which is then wrong.
The layout itself says who speaks: a finite verb with a subject, then the comma or colon, then the
opening mark, the verb right before the comma (so "scored a goal, "..."" is none).

The clause may also run on past its verb to the mark ("Ana Ruiz described the town to the BBC in
2009: "..."", "Tom Berg reacted on Twitter, "..."", "Lee, who cited his years at sea: "...""). Then
the verb's cue, or a new one when the verb is no speech verb and its subject a person, reaches to the
mark. Counted on PolNeAR train 1-500: of the 25 quotations after such a clause that had no cue before,
20 now go to PolNeAR's source, 1 to someone else ('wore a hat reading, "..."') and 4 are names,
titles or a word PolNeAR does not mark; two that had a cue stay with the same person by another cue.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.analysis.speakers.cue import Cue, inside, person, unmarked_name, verb_cue
from reader.analysis.speakers.cue_content import cue_phrase
from reader.analysis.speakers.cue_subject import subject_of
from reader.analysis.speakers.quotes import MIN_FRAGMENT_WORDS
from reader.analysis.speakers.speech_verbs import SPEECH_LEMMAS
from reader.analysis.speakers.titles import title_like, words_of

_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def introducing_cues(doc: Any, text: str, quoted: list[tuple[int, int]], cues: list[Cue]) -> list[Cue]:
    """The paragraph's cues, each reaching to the comma or colon of a quotation its clause introduces,
    with new cues for verbs right before ", "" or ": "" that are no speech verb and for clauses of
    other verbs with a person for subject."""
    cues = list(cues)
    by_verb = {cue.verb_start: number for number, cue in enumerate(cues)}
    for start, end in quoted:
        mark = _introducing_mark(doc, text, start, quoted)
        if mark is None:
            continue
        verb = _clause_verb(mark, quoted)
        if verb is None:
            continue
        ruling = _ruling_cue(verb, mark, by_verb)
        if ruling is _ELSEWHERE:
            continue
        if ruling is not None:
            cue = cues[ruling]
            if cue.phrase_end <= mark.idx and not _reports_up_to(cue, mark):
                cues[ruling] = replace(cue, phrase_end=mark.idx)
            continue
        subject = _speaker(verb, mark, quoted)
        if subject is None or (verb.i < mark.i - 1 and not _reads_as_words(text, start, end)):
            continue
        start_at, _ = cue_phrase(text, verb, subject, None, quoted)
        cues.append(verb_cue(verb, (start_at, mark.idx), subject, None, verb.lemma_.lower()))
        by_verb[verb.idx] = len(cues) - 1
    return cues


def _reads_as_words(text: str, start: int, end: int) -> bool:
    """A quotation someone's words could fill: not a name or a title ('sat for an interview on the
    show, "Politicking."'), which a clause of a verb that is no speech verb never introduces as words."""
    words = words_of(text[start + 1 : end - 1])
    return len(words) >= MIN_FRAGMENT_WORDS and not title_like(words)


def _introducing_mark(doc: Any, text: str, start: int, quoted: list[tuple[int, int]]) -> Any | None:
    """The comma or colon right before the opening mark at ``start``, outside any quotation."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] not in ",:" or inside(end - 1, quoted):
        return None
    mark = doc.char_span(end - 1, end)
    return None if mark is None or mark.start == 0 else doc[mark.start]


def _clause_verb(mark: Any, quoted: list[tuple[int, int]]) -> Any | None:
    """The verb whose clause ends at the mark: the nearest verb above the word before it, with every
    word between the verb and the mark its own, and no quotation among them."""
    doc = mark.doc
    word = doc[mark.i - 1]
    verb = word
    while verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
        if verb.head.i == verb.i or verb.head.i > mark.i:
            return None
        verb = verb.head
    between = doc[verb.i + 1 : mark.i]
    if verb.i > word.i or any(not _under(token, verb) for token in between):
        return None
    if any(inside(token.idx, quoted) for token in between):
        return None
    return verb


_ELSEWHERE = -1


def _reports_up_to(cue: Cue, mark: Any) -> bool:
    """Whether the words the cue reports run to the mark and would be lost to the quotation after it:
    a quotation inside them ('said the deal, "..."' read as one clause), or an object or a phrase that
    is no clause of its own ('called for an inquiry into the shooting, chanting, "..."'). A clause
    ('said that she wrote to them:') is reported beside the quotation; "described the town to the BBC:"
    reports only the quotation."""
    if cue.content is None:
        return False
    start, end = cue.content
    if start <= mark.idx < end:
        return True
    return cue.verb_start < start < mark.idx and not cue.clause_after and not cue.needs_quote


def _ruling_cue(verb: Any, mark: Any, by_verb: dict[int, int]) -> int | None:
    """The cue of the verb or of the nearest verb above it before the mark ('Lee said in May that she
    sent them a note: "..."' is Lee's cue), or of the verb the parser hangs the mark on. ``_ELSEWHERE``
    when that cue's words stop before the mark: whose the quotation is, the layout does not say."""
    doc = mark.doc
    heads = [verb, *verb.ancestors]
    if mark.head in heads and mark.head.idx in by_verb:
        heads = [mark.head]  # 'Lee tweeted at a mayor who vowed to ...: "..."': Lee's, as the parser says
    for head in heads:
        if head.idx in by_verb and head.i < mark.i:
            if all(_under(token, head) for token in doc[head.i + 1 : mark.i]):
                return by_verb[head.idx]
            return _ELSEWHERE
    return None


def _under(token: Any, verb: Any) -> bool:
    return token.i == verb.i or verb in token.ancestors


def _speaker(verb: Any, mark: Any, quoted: list[tuple[int, int]]) -> Any | None:
    """Who speaks in a clause of a verb that is no speech verb: right before the mark, the verb's own
    subject; further, the subject when it is a person or an untyped name (a relative "who" stands for
    its antecedent)."""
    if verb.pos_ != "VERB" or verb.tag_ not in _FINITE or verb.lemma_.lower() in SPEECH_LEMMAS:
        return None
    relations = {child.dep_ for child in verb.children}
    if "nsubj" not in relations or relations & {"neg", "nsubjpass", "auxpass"}:
        return None
    if verb.i == mark.i - 1:
        return next(child for child in verb.children if child.dep_ == "nsubj")
    subject = subject_of(verb, quoted)
    return subject if subject is not None and (person(subject) or unmarked_name(subject)) else None
