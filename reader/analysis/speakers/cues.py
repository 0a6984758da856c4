"""Attribution cues in one parsed paragraph: who is said to say something, and what.

A cue is a reporting verb ("said", "told", "announced") or "according to",
with the words that name its speaker and, when the sentence has one, the
reported content (the clause after "said that", the object of "denied", the
text before a trailing "..., officials said"). With a dependency parse the
speaker is the verb's subject (climbing through "saying", "and said", "by
saying") and the content its clausal complement. Without one (the rules-only
fallback) both come from word forms and capitalised words next to the verb.
Spans here are offsets into the paragraph text; the layer adds the document
offset.
"""

from __future__ import annotations

import re
from typing import Any

from reader.analysis.quotation import CURLY_SINGLE_MARKS, DOUBLE_MARKS
from reader.analysis.speakers.absolute import absolute_subject
from reader.analysis.speakers.according import according_cue
from reader.analysis.speakers.characterised import characterisation_cue
from reader.analysis.speakers.cue import Cue, inside, speaker_like, speech_lemma, strip_span, verb_cue
from reader.analysis.speakers.cue_content import (
    as_reported,
    asked_question,
    content_of,
    cue_phrase,
    positional_content,
)
from reader.analysis.speakers.cue_subject import modified_name, subject_of
from reader.analysis.speakers.introducing import introducing_cues
from reader.analysis.speakers.issued import ISSUE_LEMMAS, issued_cue
from reader.analysis.speakers.passives import agent_content, group_agent, impersonal_cue
from reader.analysis.speakers.relays import fold_relays
from reader.analysis.speakers.rule_cues import rule_cues
from reader.analysis.speakers.speech_verbs import (
    APPOINTEES,
    APPROVAL_LEMMAS,
    AS_COMPLEMENT_LEMMAS,
    AS_QUOTED_LEMMAS,
    CLAUSE_LEMMAS,
    DOCUMENT_NOUNS,
    DOCUMENT_SUBJECT_ONLY,
    NEEDS_QUOTED_CONTENT,
    OBJECT_CONTENT_LEMMAS,
    OBJECT_ONLY_LEMMAS,
    PERSON_ROLE_NOUNS,
    REQUEST_LEMMAS,
    SPEAKER_SUBJECT_ONLY,
    SPEECH_LEMMAS,
)

FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

_QUOTE_MARKS = re.compile(f"[{re.escape(DOUBLE_MARKS + CURLY_SINGLE_MARKS)}]")


def find_cues(doc: Any, text: str, quoted: list[tuple[int, int]], has_parser: bool) -> list[Cue]:
    """Every cue in the paragraph (``text`` is ``doc.text``) outside quotation marks, in text order."""
    cues = fold_relays(_parse_cues(doc, text, quoted) if has_parser else rule_cues(doc, text, quoted), text)
    _cut_nested(cues, text, doc if has_parser else None)
    return sorted(cues, key=lambda cue: cue.verb_start)


def _parse_cues(doc: Any, text: str, quoted: list[tuple[int, int]]) -> list[Cue]:
    cues = []
    for i in _cue_candidates(doc):
        token = doc[i]
        if inside(token.idx, quoted):
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cue = according_cue(doc, text, token.sent, token)
        else:
            cue = (
                _verb_cue(doc, text, token, quoted)
                or issued_cue(text, token, quoted)
                or characterisation_cue(text, token, quoted)
            )
        if cue is not None:
            cues.append(cue)
    return introducing_cues(doc, text, quoted, cues)


# "make clear", "point out", "issued a statement:", 'referred to it as "a sham"'
_CANDIDATE_LEMMAS = SPEECH_LEMMAS | ISSUE_LEMMAS | AS_QUOTED_LEMMAS | {"point"}


_lemma_is_candidate: dict[int, bool] = {}  # lemma hash -> whether its lower case is a reporting verb


def _cue_candidates(doc: Any) -> list[int]:
    """Indexes of the tokens that may carry a cue: a reporting verb's lemma, or "according".

    Read from the doc's arrays, so the other nine words in ten never become Token objects.
    """
    strings = doc.vocab.strings
    according = strings["according"]
    lemmas = doc.to_array("LEMMA").tolist()
    lowers = doc.to_array("LOWER").tolist()
    for lemma in set(lemmas):
        if lemma not in _lemma_is_candidate:
            _lemma_is_candidate[lemma] = strings[lemma].lower() in _CANDIDATE_LEMMAS
    return [
        i
        for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True))
        if _lemma_is_candidate[lemma] or lower == according
    ]


def _verb_cue(doc: Any, text: str, token: Any, quoted: list[tuple[int, int]]) -> Cue | None:
    lemma = speech_lemma(token)
    if lemma is None or token.dep_ in ("auxpass", "aux"):
        return None
    if token.dep_ in ("amod", "compound") and modified_name(token) is None:
        return None
    question = _question_cue(token, lemma) if lemma in REQUEST_LEMMAS and _put_to_someone(token) else None
    if question is not None:
        return question
    agent = _named_agent(token)
    if agent is not None:
        return _passive_cue(text, token, lemma, agent, quoted)
    group = group_agent(token)
    if group is not None and (reported := agent_content(token, group)) is not None:
        return verb_cue(token, cue_phrase(text, token, group, reported, quoted), group, reported, lemma)
    if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "advcl") and not _perfect_with_clause(token):
        return None  # "the withdrawal first announced on October 6": a modifier, no speaker
    if lemma == "suggest" and token.tag_ == "VBG":
        return None  # "..., suggesting that the virus spreads": a finding's implication, nobody's words
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "without":
        return None  # "buried relatives without reporting the deaths": nothing was said
    children = list(token.children)
    relations = {child.dep_ for child in children}
    if lemma == "add" and "dobj" in relations:
        return None  # "the company added 1.1m subscribers": a gain, not words
    if lemma in APPROVAL_LEMMAS and any(c.dep_ == "dobj" and _appointee(c) for c in children):
        return None  # "the Senate confirmed him": a vote to appoint, not words
    if "ccomp" not in relations and any(
        c.dep_ == "dobj" and c.ent_type_ in FIGURE_ENTITIES for c in children
    ):
        return None  # "costing EU states an estimated €11 million": an amount is nobody's words
    if relations & {"auxpass", "nsubjpass"} and not _contracted_has(children):
        # "was condemned by", "were called to join": no speaker speaks here, unless the passive
        # reports with no one named ("it was reported that ...")
        return impersonal_cue(text, token, lemma, quoted)
    subject = absolute_subject(token) or modified_name(token) or subject_of(token, quoted)
    if subject is None:
        return None
    if lemma in DOCUMENT_SUBJECT_ONLY and subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    if lemma in SPEAKER_SUBJECT_ONLY and not speaker_like(subject):
        return None  # "lower fares would encourage commuters to ...": a cause, no speaker
    content = content_of(token, lemma, subject, quoted)
    if content is not None and content[0] < subject.idx < content[1] <= token.idx:
        # '"...," Ana Ruiz, 58, said': a misparse hung the speaker on the quoted clause before the
        # verb; the reported words end where the speaker's name begins.
        content = strip_span(text, content[0], subject.left_edge.idx)
    opening = _opening_subject(token, subject) if content is not None and subject.i > token.i else None
    if opening is not None:
        content = opening.left_edge.idx, content[1]
    if lemma in OBJECT_ONLY_LEMMAS and content is None:
        return None  # 'the four "loopholes" he cited': no words of its own, so no quote beside it either
    if lemma == "add" and content is not None and text[content[0] : content[0] + 1].isdigit():
        return None  # "added 1.1m paid subscribers" (a clause only to the parser): a gain, not words
    interposed = content is not None and content[0] < token.idx < content[1]
    start, end = cue_phrase(text, token, subject, None if interposed else content, quoted)
    if opening is not None:
        start = token.idx  # the clause's own subject before the verb is reported, not the cue's
    if content is None and lemma in CLAUSE_LEMMAS:
        content = positional_content(text, token.sent, start, end)
        if content is not None and _fronted_modifier(token, content):
            content = None
    return verb_cue(
        token,
        (start, end),
        subject,
        content,
        lemma,
        needs_quote=lemma in NEEDS_QUOTED_CONTENT and not _characterised(token, lemma),
        interposed=interposed,
        clause_after=content is not None and _clause_after(token, subject, content),
    )


def _clause_after(verb: Any, subject: Any, content: tuple[int, int]) -> bool:
    """Whether the content is a whole clause the verb governs after itself, with its own subject, "that"
    or "to" ('denied it happened', 'claiming that ...', 'promised to ...'): not words found by position,
    an object, a bare participle, nor what follows an inverted speaker ('said Ana Ruiz, who ...')."""
    first = next((t for t in verb.doc[verb.i :] if t.idx >= content[0]), None)
    if content[0] <= subject.idx < content[1] or first is None or first.lower_ in _RELATIVES:
        return False
    return any(
        child.dep_ in ("ccomp", "xcomp")
        and child.i > verb.i
        and content[0] <= child.idx < content[1]
        and any(c.dep_ in _CLAUSE_OPENERS and c.i < child.i for c in child.children)
        for child in verb.children
    )


_CLAUSE_OPENERS = frozenset({"nsubj", "nsubjpass", "expl", "mark", "aux"})
_RELATIVES = frozenset({"who", "whom", "whose", "which"})


def _opening_subject(verb: Any, speaker: Any) -> Any | None:
    """'The cost of the line, said Tom Berg, an aide, will double': the subject the parser gave the verb
    opens the reported clause when the speaker after the verb is the subject of that clause."""
    if speaker.head.dep_ != "ccomp" or speaker.head.head.i != verb.i:
        return None
    return next((c for c in verb.lefts if c.dep_ == "nsubj"), None)


def _contracted_has(children: list[Any]) -> bool:
    """'he's predicted a win', 'who's argued for years that ...': the parser takes the "'s" of "has"
    for the passive "is", yet the verb keeps its active subject, which a passive never has."""
    passive = [c for c in children if c.dep_ in ("auxpass", "nsubjpass")]
    return any(c.dep_ == "nsubj" for c in children) and all(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in passive
    )


def _characterised(verb: Any, lemma: str) -> bool:
    """'described the plan as reckless': a characterisation in an "as" phrase, someone's words."""
    return lemma in AS_COMPLEMENT_LEMMAS and any(
        c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children
    )


def _appointee(word: Any) -> bool:
    """A person as the object ("confirmed him", "confirm the nominees", "confirmed two judges"): a vote
    to appoint them. The claims layer reads "confirm" the same way, with the same words."""
    return word.lower_ in APPOINTEES or word.ent_type_ == "PERSON" or word.lemma_.lower() in PERSON_ROLE_NOUNS


def _fronted_modifier(verb: Any, span: tuple[int, int]) -> bool:
    """'In a speech, Lee told the story of ...', 'Asked if he would run, Lee said no', 'When the
    debate ended, Lee said ...': words set off before the cue that say when, where or on what
    prompt it spoke (a preposition, a subordinator or a participle opening a modifier the parser
    hangs on the reporting verb itself) are never what it reports."""
    words = [t for t in verb.doc[verb.sent.start : verb.i] if span[0] <= t.idx < span[1]]
    if not words or not (words[0].pos_ in ("ADP", "SCONJ") or words[0].tag_ in ("WRB", "VBN", "VBG")):
        return False
    tops = [t for t in words if not t.is_punct and not span[0] <= t.head.idx < span[1]]
    return bool(tops) and all(t.head.i == verb.i and t.dep_ in _MODIFIERS for t in tops)


_MODIFIERS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


def _put_to_someone(verb: Any) -> bool:
    """'Lee was asked ...', 'When asked ...', 'Asked ..., Lee said': "asked" in the passive or as a
    bare participle clause, whose subject (if any) is the one asked, never the asker."""
    if verb.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in verb.children):
        return False
    relations = {c.dep_ for c in verb.children}
    return "auxpass" in relations or (verb.dep_ in ("advcl", "ROOT") and "aux" not in relations)


def _question_cue(verb: Any, lemma: str) -> Cue | None:
    """A question put to someone ('When asked whether the mill would close, Lee said ...'): the
    question is reported words, asked by whoever a "by" phrase names, else by someone unnamed
    (PolNeAR marks these with no source), so the quote stands without a speaker."""
    question = asked_question(verb)
    if question is None:
        return None
    agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    own = [
        c
        for c in verb.children
        if c.dep_ in ("advmod", "mark", "aux", "auxpass", "agent", "npadvmod")
        and c.right_edge.idx < question[0]
    ]
    start = min([verb.idx] + [c.left_edge.idx for c in own])
    end = max([verb.idx + len(verb.text)] + [c.right_edge.idx + len(c.right_edge.text) for c in own])
    return verb_cue(verb, (start, end), agents[0] if agents else None, question, lemma, agentless=True)


def _named_agent(verb: Any) -> Any | None:
    """The name in 'was first reported by the Daily Ledger', 'as first reported by ...': a passive
    reporting verb whose "by" names a person or an organisation."""
    if verb.tag_ != "VBN":
        return None
    for child in verb.children:
        if child.dep_ == "agent" and child.i > verb.i:
            for name in child.children:
                if name.dep_ == "pobj" and name.ent_type_ in ("PERSON", "ORG") and name.pos_ == "PROPN":
                    return name
    return None


def _passive_cue(text: str, verb: Any, lemma: str, agent: Any, quoted: list[tuple[int, int]]) -> Cue | None:
    """'News of the merger was first reported by the Daily Ledger', 'Her death was confirmed by the
    family': what the passive's subject names is what the agent said; after "as" ("..., as first
    reported by the Ledger") it is the clause the "as" clause hangs from. Not a relative pronoun
    ("which was reported by"): its words are elsewhere."""
    if lemma not in CLAUSE_LEMMAS | OBJECT_CONTENT_LEMMAS:
        return None
    passive = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if passive and any(child.dep_ == "auxpass" for child in verb.children):
        if passive[0].pos_ == "PRON" or inside(passive[0].idx, quoted):
            return None
        first_aux = min(child.idx for child in verb.children if child.dep_ in ("auxpass", "aux"))
        content = strip_span(text, passive[0].left_edge.idx, first_aux)
    elif verb.dep_ == "advcl" and any(
        child.lower_ == "as" and child.dep_ == "mark" for child in verb.children
    ):
        content = as_reported(verb)
    else:
        return None
    if content is None:
        return None
    return verb_cue(verb, cue_phrase(text, verb, agent, content, quoted), agent, content, lemma)


def _perfect_with_clause(verb: Any) -> bool:
    """'who have argued that ...', 'Although Kell has admitted the plan was late': a participle with
    its own "have" is a finite verb in a relative or adverbial clause, and its subject speaks. Only
    with a reported clause: "a firm that had declared bankruptcy", "who has pledged to ..." in a
    description of someone are deeds, not words (PolNeAR's dev half left such phrases unmarked).
    After "as" the clause reported is the one the "as" clause hangs from ('as police have said')."""
    children = list(verb.children)
    has_aux = any(child.dep_ == "aux" and child.lemma_ == "have" and child.i < verb.i for child in children)
    return has_aux and any(
        (child.dep_ == "ccomp" and child.i > verb.i) or (child.dep_ == "mark" and child.lower_ == "as")
        for child in children
    )


def _cut_nested(cues: list[Cue], text: str, doc: Any | None) -> None:
    """A content span stops before another cue's own clause set off by a comma, a dash or a
    coordinating word ("what Trump says his plan would do and how experts say ..."), and never
    holds its own verb (a clause the parser rooted before it). A comma that only closes an opening
    phrase of the reported clause ('revealed that in May, the chief resigned but did not say why')
    cuts nothing: what is kept must hold more than a phrase hanging from a word after the cut."""
    for cue in cues:
        if cue.content is None:
            continue
        start, end = cue.content
        if start < cue.verb_start < end and not cue.interposed:
            start = cue.verb_end + 1
        for other in cues:
            if other is cue or not (start < other.phrase_start < end):
                continue
            # 'Too often, she said, the debate is what he called tribalism': the commas around an
            # interposed cue set off the cue, not a clause of its own, so they cut nothing.
            floor = cue.phrase_end if cue.interposed and cue.phrase_end < other.phrase_start else start
            text_cut = _last_boundary_before(text, other.phrase_start, floor)
            if text_cut is not None and (doc is None or _keeps_a_top(doc, start, end, text_cut)):
                end = min(end, text_cut)
            conjunct = _own_conjunct(text, start, other)
            if conjunct is not None:
                end = min(end, conjunct)
        cue.content = (start, end) if end - start >= 3 else None


def _keeps_a_top(doc: Any, start: int, end: int, cut: int) -> bool:
    """Whether the content kept before a cut holds a word of its top level (the sentence's root, or one
    whose head lies outside it: an object, a verb), not only an opening phrase hanging from a verb
    after the cut."""
    return any(
        start <= token.idx < cut
        and not token.is_punct
        and (token.head.i == token.i or not start <= token.head.idx < end)
        for token in doc
    )


def _own_conjunct(text: str, floor: int, other: Cue) -> int | None:
    """Where "... and how experts say" begins: the last " and "/" but " before another cue, when that
    cue's own subject opens the conjunct (at most two words after it, no quotation mark)."""
    subject = other.subject
    if subject is None or isinstance(subject, tuple):
        return None
    at, word = max((text.rfind(word, floor, other.phrase_start), word) for word in (" and ", " but "))
    if at <= floor or subject.idx <= at:
        return None
    opening = text[at + len(word) : subject.left_edge.idx]
    return at if len(opening.split()) <= 2 and not _QUOTE_MARKS.search(opening) else None


def _last_boundary_before(text: str, position: int, floor: int) -> int | None:
    index = max(text.rfind(mark, floor, position) for mark in (",", "—", "–", ";"))
    if index <= floor:
        return None
    return len(text[:index].rstrip())
