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
from dataclasses import dataclass
from typing import Any

from reader.analysis.speakers.speech_verbs import (
    CLAUSE_LEMMAS,
    DOCUMENT_NOUNS,
    DOCUMENT_SUBJECT_ONLY,
    GROUP_NOUNS,
    NEEDS_QUOTED_CONTENT,
    OBJECT_CONTENT_LEMMAS,
    ORG_ROLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
    REQUEST_LEMMAS,
    RESEARCH_NOUNS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
    THING_PRONOUNS,
    TITLES,
)

_CLAUSE_LINKS = ("advcl", "conj", "xcomp", "acl", "pcomp", "prep", "pobj", "dobj")
_RELATIVE_START = re.compile(
    r"(?:(?:\w+ )?(?:of|to|in|for|by|with) )?(?:which|who|whom|whose)\b", re.IGNORECASE
)
FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
_QUOTE_MARKS = re.compile(r"[\"“”‘’«»„]")
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
_RULE_STOPWORDS = frozenset(
    "the a an in on at after before but and or so if when while as this that these those it its "
    "his her their our my your with from by for of to also then however meanwhile yesterday today".split()
)


@dataclass
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
    lemma: str = ""


def find_cues(doc: Any, text: str, quoted: list[tuple[int, int]], has_parser: bool) -> list[Cue]:
    """Every cue in the paragraph (``text`` is ``doc.text``) outside quotation marks, in text order."""
    cues = _parse_cues(doc, text, quoted) if has_parser else _rule_cues(doc, text, quoted)
    _cut_nested(cues, text)
    return sorted(cues, key=lambda cue: cue.verb_start)


def _inside(position: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in quoted)


# --------------------------------------------------------------------------
# With a dependency parse


def _parse_cues(doc: Any, text: str, quoted: list[tuple[int, int]]) -> list[Cue]:
    cues = []
    for i in _cue_candidates(doc):
        token = doc[i]
        if _inside(token.idx, quoted):
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cue = _according_cue(doc, text, token.sent, token)
        else:
            cue = _verb_cue(doc, text, token, quoted)
        if cue is not None:
            cues.append(cue)
    return cues


_CANDIDATE_LEMMAS = SPEECH_LEMMAS | {"make", "point"}  # "make clear", "point out"
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


def _speech_lemma(token: Any) -> str | None:
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
    gave it a subject and a reported clause, as only a verb has."""
    if token.tag_ not in ("NNS", "NN") or token.lower_ not in SPEECH_FORMS:
        return False
    relations = {child.dep_ for child in token.children}
    return "nsubj" in relations and "ccomp" in relations


def _verb_cue(doc: Any, text: str, token: Any, quoted: list[tuple[int, int]]) -> Cue | None:
    lemma = _speech_lemma(token)
    if lemma is None or token.dep_ in ("amod", "compound", "auxpass", "aux"):
        return None
    if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "advcl"):
        return None  # "the withdrawal first announced on October 6": a modifier, no speaker
    if lemma == "suggest" and token.tag_ == "VBG":
        return None  # "..., suggesting that the virus spreads": a finding's implication, nobody's words
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "without":
        return None  # "buried relatives without reporting the deaths": nothing was said
    children = list(token.children)
    relations = {child.dep_ for child in children}
    if lemma == "add" and "dobj" in relations:
        return None  # "the company added 1.1m subscribers": a gain, not words
    if "ccomp" not in relations and any(
        c.dep_ == "dobj" and c.ent_type_ in FIGURE_ENTITIES for c in children
    ):
        return None  # "costing EU states an estimated €11 million": an amount is nobody's words
    if relations & {"auxpass", "nsubjpass"}:
        return None  # "was condemned by", "were called to join": no speaker speaks here
    subject = _subject(token, quoted)
    if subject is None:
        return None
    if lemma in DOCUMENT_SUBJECT_ONLY and subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    content = _content(token, lemma, subject, quoted)
    if lemma == "add" and content is not None and text[content[0] : content[0] + 1].isdigit():
        return None  # "added 1.1m paid subscribers" (a clause only to the parser): a gain, not words
    start, end = _phrase(text, token, subject, content, quoted)
    sent = token.sent
    if content is None and lemma in CLAUSE_LEMMAS:
        content = _positional_content(text, sent, start, end)
    return Cue(
        verb_start=token.idx,
        verb_end=token.idx + len(token.text),
        phrase_start=start,
        phrase_end=end,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        subject=subject,
        content=content,
        needs_quote=lemma in NEEDS_QUOTED_CONTENT,
        lemma=lemma,
    )


def _subject(verb: Any, quoted: list[tuple[int, int]]) -> Any | None:
    """The speaker's head: the verb's subject, or that of the clause it hangs from.

    Climbing covers "..., saying", "and said", "went on to say", "by saying";
    a name right before a coordinated verb wins over the first verb's subject
    ("the company invested ..., but Gazeta Prawna reports ..."); clauses inside
    quotation marks are the quoted speaker's words, never where the subject is.
    """
    current = verb
    for _ in range(5):
        quoted_clause = current is not verb and _inside(current.idx, quoted)
        subjects = [] if quoted_clause else [child for child in current.children if child.dep_ == "nsubj"]
        if not subjects and current is not verb and current.lemma_ == "quote":
            # "Mendes was quoted by the newspaper as saying ...": the one quoted speaks
            subjects = [child for child in current.children if child.dep_ == "nsubjpass"]
        if subjects:
            # Two subjects ("Niger's president Mahamadou Issoufou said"): the name.
            named = [s for s in subjects if s.ent_type_ in ("PERSON", "ORG") or s.pos_ == "PROPN"]
            subject = (named or subjects)[-1 if named else 0]
            if subject.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head  # "the Foundation, which said ...": the antecedent speaks
            apposed = _apposed_before(subject, verb) if current is verb else None
            if apposed is not None:
                return apposed
            adjacent = _name_before(verb) if current is verb else None
            if adjacent is not None and any(
                t.lower_ in ("but", ";") for t in verb.doc[subject.i : adjacent.i]
            ):
                return adjacent  # "the company invested ..., but Gazeta Prawna reports": a misparse
            return subject
        finite = current is verb and _finite(verb)
        if finite:
            adjacent = _name_before(verb)
            if adjacent is not None:
                return adjacent
            inverted = _name_after_quote(verb)
            if inverted is not None:
                return inverted
        if current is verb and _misparsed_modifier(verb):
            return verb.head
        if finite:
            # "..., the prime minister of Spain, Jose Luis Rodriguez Zapatero, has stated that": a long
            # subject the parser hung elsewhere; the name set off right before the verb, or opening the
            # sentence, speaks.
            set_off = _name_before(verb, comma=True) or _opening_name(verb)
            if set_off is not None:
                return set_off
        if (current.dep_ not in _CLAUSE_LINKS and not quoted_clause) or current.head is current:
            return None
        if current.dep_ == "advcl" and current.tag_ != "VBG":
            return None
        current = current.head
    return None


def _apposed_before(subject: Any, verb: Any) -> Any | None:
    """'north of the capital, Dorozh, the Seismic Institute said': the parser makes the place the
    subject and the speaker its apposition; the phrase right before the verb is who speaks."""
    doc = verb.doc
    if subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.i > subject.i and child.right_edge.i == verb.i - 1:
            return child
    return None


def _misparsed_modifier(verb: Any) -> bool:
    """'The envoy, Marta Lindqvist, called on ...': a finite verb the parser hung on a root noun."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBD"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and not any(t.dep_ == "nsubj" for t in head.subtree)
    )


def _name_after_quote(verb: Any) -> Any | None:
    """'"Why now?" asked captain Eva Lund': after a closing quote the parser may take the speaker for an object."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_quote:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod") and (
            child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"
        ):
            return child
    return None


def _entity_last(first: Any, limit: int) -> Any:
    """The last token, before position ``limit``, of the entity that begins at ``first``."""
    doc = first.doc
    last = first
    while last.i + 1 < limit and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last


def _left_of_modifiers(verb: Any, floor: int) -> int:
    """The first position left of the verb, above ``floor``, that is neither an adverb nor its auxiliary."""
    doc = verb.doc
    position = verb.i - 1
    while position > floor and (
        doc[position].pos_ == "ADV" or (doc[position].dep_ == "aux" and doc[position].head.i == verb.i)
    ):
        position -= 1
    return position


def _finite(verb: Any) -> bool:
    """A verb that carries tense itself ("said") or through an auxiliary ("has said", "will say")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.i < verb.i for c in verb.children)


def _opening_name(verb: Any) -> Any | None:
    """'Kristin Hrafnsson, who became ..., also told RT:': the parser loses a subject across the clause
    between; a sentence that opens with a name and a comma, with a comma again right before the
    verb, is that name's."""
    doc = verb.doc
    first = doc[verb.sent.start]
    if first.ent_type_ not in ("PERSON", "ORG") or first.ent_iob_ != "B" or first.pos_ != "PROPN":
        return None
    last = _entity_last(first, verb.i)
    if last.i + 1 >= verb.i or doc[last.i + 1].text != ",":
        return None
    position = _left_of_modifiers(verb, last.i)
    return last if position > last.i + 1 and doc[position].text == "," else None


def _name_before(verb: Any, comma: bool = False) -> Any | None:
    """A name right before the verb, past adverbs and the verb's own auxiliaries (and a comma if asked)."""
    doc = verb.doc
    position = _left_of_modifiers(verb, -1)
    if comma:
        if position < 0 or doc[position].text != ",":
            return None
        position -= 1
    if position >= 0 and doc[position].ent_type_ in ("PERSON", "ORG") and doc[position].pos_ == "PROPN":
        return doc[position]
    return None


def _content(verb: Any, lemma: str, subject: Any, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The reported clause or object hanging from the verb, as paragraph offsets."""
    children = list(verb.children)
    if lemma == "make clear":
        for child in children:
            if child.lower_ == "clear":
                clauses = [c for c in child.subtree if c.dep_ in ("ccomp", "advcl") and c is not child]
                if clauses:
                    return _span(clauses[0])
        return None
    clauses = [
        c
        for c in children
        if c.dep_ == "ccomp"
        or (c.dep_ == "xcomp" and lemma in CLAUSE_LEMMAS and any(t.dep_ == "nsubj" for t in c.subtree))
    ]
    right = [c for c in clauses if c.i > verb.i]
    if right:
        return _span(right[0])
    if clauses and lemma in CLAUSE_LEMMAS:
        # "..., Klein said": a clause before the verb is its content only across a comma.
        clause = clauses[-1]
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        if any(t.text in (",", "—") for t in between) and not any(t.text == ":" for t in between):
            return _span(clause)
    if lemma == "speak":
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("of", "about"):
                return _span(child)
        return None
    if lemma in REQUEST_LEMMAS:
        objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        wanted = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if wanted:
            return _span(objects[0])[0] if objects else _span(wanted[0])[0], _span(wanted[-1])[1]
    if lemma == "call":
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                return _span(child)
    clause = _that_clause(verb, quoted)
    if clause is not None:
        return clause
    if lemma == "find" and not {subject.lemma_.lower(), subject.lower_} & RESEARCH_NOUNS:
        return None  # "police found the car": not a report
    if lemma in OBJECT_CONTENT_LEMMAS or lemma == "make clear":
        objects = [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > verb.i]
        if objects:
            first = objects[0]
            tail = [
                c
                for c in children
                if c.i > first.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "prep", "advcl", "dative")
            ]
            last = max([first, *tail], key=lambda c: c.right_edge.i)
            start, _ = _span(first)
            _, end = _span(last)
            return start, end
    return None


def _that_clause(verb: Any, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A 'that' clause the parser hung elsewhere ("told DW in an interview that ...")."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.dep_ != "mark":
            continue
        if _inside(token.idx, quoted) or any(verb.idx < start < token.idx for start, _ in quoted):
            return None
        clause = token.head
        if clause.pos_ in ("VERB", "AUX") and not _speech_lemma(clause):
            left, right = _span(clause)
            return max(left, token.idx + len(token.text) + 1), right
        return None
    return None


def _span(token: Any) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    doc = token.doc
    while right.i > left.i and (
        (right.is_punct and right.text not in ('"', "”", "’", "»", ")", "]")) or right.dep_ == "cc"
    ):
        right = doc[right.i - 1]  # a closing comma, or the "and" that leads to the next clause
    while left.i < right.i and left.is_punct and left.text in (",", ":", ";", "—", "–"):
        left = doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def _phrase(
    text: str, verb: Any, subject: Any, content: tuple[int, int] | None, quoted: list[tuple[int, int]]
) -> tuple[int, int]:
    """The cue's own words: verb, a subject next to it, and its non-content dependents."""
    start, end = verb.idx, verb.idx + len(verb.text)
    parts = []
    if subject.head is verb or abs(subject.i - verb.i) <= 3:
        parts.append(subject)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep", "advmod", "npadvmod", "prt", "agent", "nsubj", "acomp"):
            parts.append(child)
    for part in parts:
        left, right = _span(part)
        if content and content[0] < right and left < content[1]:
            continue
        for q_start, q_end in quoted:
            if q_start < right and left < q_end:
                right = q_start if left < q_start else left
        right = len(text[:right].rstrip(' ,:;"“”'))
        if right <= left or (right <= verb.idx and part is not subject and part.dep_ != "nsubj"):
            continue
        start, end = min(start, left), max(end, right)
    return start, end


def _positional_content(text: str, sent: Any, start: int, end: int) -> tuple[int, int] | None:
    """Content by position: '..., officials said.' (before) or ', the statement said,' (after)."""
    sent_start, sent_end = sent.start_char, sent.end_char
    while sent_end > sent_start and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    before = text[sent_start:start].rstrip()
    after = text[end:sent_end].strip()
    if not before:
        if after.startswith(",") and len(after.split()) >= 4:
            content_start = end + text[end:sent_end].index(",") + 1
            return _strip(text, content_start, sent_end)
    elif before.endswith(",") or before.endswith("—"):
        if after.startswith(",") and len(after.split()) >= 4:
            content_start = end + text[end:sent_end].index(",") + 1
            return _strip(text, content_start, sent_end)
        if (not after or len(after.split()) <= 6 and not after.startswith(",")) and len(before.split()) >= 4:
            return _strip(text, sent_start, sent_start + len(before) - 1)
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",;:—–)"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return (start, end) if end - start >= 3 else None


def _according_cue(doc: Any, text: str, sent: Any, token: Any) -> Cue | None:
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
    before = _strip(text, sent_start, token.idx)
    relative = any(child.dep_ == "relcl" for child in subject.children)
    after_start = subject.right_edge.idx + len(subject.right_edge.text) if relative else phrase_end
    after = _strip(text, after_start, sent_end)
    if after and _RELATIVE_START.match(text, after[0]):
        after = None  # "according to officials, some of whom ...": about the source, not the content
    if after and (before is None or len(text[after[0] : after[1]].split()) >= 3):
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


def _apposed_name(doc: Any, text: str, after: int, limit: int) -> tuple[Any, int] | None:
    """A person's name set off by commas right after a role: ", Ivan Stefanec," -> (its last token, its end)."""
    if not text.startswith(",", after):
        return None
    first = next((t for t in doc if t.idx > after), None)
    if first is None or first.i >= limit or first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return None
    last = _entity_last(first, limit)
    end = last.idx + len(last.text)
    if not text.startswith(",", end):
        return None
    return last, end


def _cut_nested(cues: list[Cue], text: str) -> None:
    """A content span stops before another cue's own clause set off by a comma, a dash or a
    coordinating word ("what Trump says his plan would do and how experts say ..."), and never
    holds its own verb (a clause the parser rooted before it)."""
    for cue in cues:
        if cue.content is None:
            continue
        start, end = cue.content
        if start < cue.verb_start < end:
            start = cue.verb_end + 1
        for other in cues:
            if other is cue or not (start < other.phrase_start < end):
                continue
            text_cut = _last_boundary_before(text, other.phrase_start, start)
            if text_cut is not None:
                end = min(end, text_cut)
            conjunct = _own_conjunct(text, start, other)
            if conjunct is not None:
                end = min(end, conjunct)
        cue.content = (start, end) if end - start >= 3 else None


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


# --------------------------------------------------------------------------
# Rules only: word forms and capitalised words


def _rule_cues(doc: Any, text: str, quoted: list[tuple[int, int]]) -> list[Cue]:
    cues = []
    for sent in doc.sents:
        tokens = list(sent)
        for position, token in enumerate(tokens):
            if _inside(token.idx, quoted):
                continue
            lower = token.lower_
            if lower == "according" and position + 1 < len(tokens) and tokens[position + 1].lower_ == "to":
                cue = _rule_according(text, sent, tokens, position)
            elif lower in SPEECH_FORMS:
                cue = _rule_verb(text, sent, tokens, position)
            else:
                cue = None
            if cue is not None:
                cues.append(cue)
    return cues


def _rule_according(text: str, sent: Any, tokens: list[Any], position: int) -> Cue | None:
    """'according to X': X is the first capitalised run before a comma, else the words up to it."""
    first = position + 2
    last = first
    while last < len(tokens) and tokens[last].text not in (",", ";", ".") and last - first < 16:
        last += 1
    words = tokens[first:last]
    run = None
    if words and words[0].text[:1].isupper() and words[0].lower_ not in _RULE_STOPWORDS:
        run = _name_run(
            words[: next((i for i, t in enumerate(words) if t.text[:1].islower()), len(words))], first=True
        )
    else:
        by = next((i for i, t in enumerate(words) if t.lower_ == "by"), None)
        if by is not None and by + 1 < len(words) and words[by + 1].text[:1].isupper():
            run = _name_run(words[by + 1 :], first=True)
    form = "name"
    if run is None:
        if last == first:
            return None
        run = (tokens[first].idx, tokens[last - 1].idx + len(tokens[last - 1].text))
        form = "group"
    source_end = tokens[last - 1].idx + len(tokens[last - 1].text)
    sent_end = sent.end_char
    while sent_end > sent.start_char and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    before = _strip(text, sent.start_char, tokens[position].idx)
    after = _strip(text, source_end, sent_end)
    if after and _RELATIVE_START.match(text, after[0]):
        after = None
    content = after if after and (before is None or len(text[after[0] : after[1]].split()) >= 3) else before
    return Cue(
        tokens[position].idx,
        tokens[position + 1].idx + 2,
        tokens[position].idx,
        source_end,
        sent.start_char,
        sent.end_char,
        (run[0], run[1], form),
        content,
        True,
        lemma="according to",
    )


def _rule_verb(text: str, sent: Any, tokens: list[Any], position: int) -> Cue | None:
    token = tokens[position]
    subject = _rule_subject(tokens, position)
    if subject is None:
        return None
    start = min(token.idx, subject[0])
    end = max(token.idx + len(token.text), subject[1])
    return Cue(
        token.idx,
        token.idx + len(token.text),
        start,
        end,
        sent.start_char,
        sent.end_char,
        subject,
        _rule_content(text, sent, tokens, start, end),
        lemma=token.lower_,
    )


def _rule_content(text: str, sent: Any, tokens: list[Any], start: int, end: int) -> tuple[int, int] | None:
    """Reported words by position: 'said (that) ...' to the sentence end, or '..., X said.' before it."""
    sent_end = sent.end_char
    while sent_end > sent.start_char and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    after = [t for t in tokens if t.idx >= end]
    if after and not after[0].is_punct:
        first = after[1] if after[0].lower_ == "that" and len(after) > 1 else after[0]
        if len(text[first.idx : sent_end].split()) >= 4:
            return _strip(text, first.idx, sent_end)
    before = text[sent.start_char : start].rstrip()
    if (
        before.endswith(",")
        and not text[end:sent_end].strip()
        and len(before.split()) >= 4
        and '"' not in before
    ):
        return _strip(text, sent.start_char, sent.start_char + len(before) - 1)
    return None


def _rule_subject(tokens: list[Any], position: int) -> tuple[int, int, str] | None:
    """The speaker words beside a reporting verb: 'Klein said', 'he said', '..." said Klein', 'a spokesman said'."""
    before = tokens[position - 1] if position > 0 else None
    if before is not None and before.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return before.idx, before.idx + len(before.text), "pronoun"
    inverted = before is None or before.is_punct
    if inverted:
        end = position + 1
        while end < len(tokens) and not tokens[end].is_punct and end - position <= 6:
            if (
                tokens[end].text[:1].islower()
                and tokens[end].lower_ not in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS
            ):
                break
            end += 1
        run = _name_run(tokens[position + 1 : end])
        if run is not None:
            return run[0], run[1], "name"
    first = position
    while (
        first > 0
        and not tokens[first - 1].is_punct
        and position - first < 6
        and (
            tokens[first - 1].text[:1].isupper()
            or tokens[first - 1].lower_ in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS
        )
    ):
        first -= 1
    run = _name_run(tokens[first:position])
    if run is not None and before is not None and before.text[:1].isupper():
        return run[0], run[1], "name"
    if before is not None and before.lower_ in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS and position >= 2:
        first = position - 2
        while first > 0 and position - first < 4 and tokens[first].lower_ not in ("the", "a", "an"):
            first -= 1
        if tokens[first].lower_ == "the":
            return tokens[first].idx, before.idx + len(before.text), "role"
    if before is not None and before.lower_ in GROUP_NOUNS:
        first = position - 1
        while (
            first > 0
            and tokens[first - 1].is_alpha
            and position - first < 4
            and (tokens[first - 1].text[:1].islower() or tokens[first - 1].lower_ in ("a", "an", "the"))
        ):
            first -= 1
        return tokens[first].idx, before.idx + len(before.text), "group"
    return None


def _name_run(tokens: list[Any], first: bool = False) -> tuple[int, int] | None:
    """The last (or first) run of capitalised words that reads as a name.

    Not a name: all titles, sentence-initial function words, or one capitalised
    modifier before a lowercase noun ("Western intelligence services").
    """
    runs: list[list[Any]] = []
    for token in tokens:
        capital = token.text[:1].isupper() and (token.is_alpha or "-" in token.text or "." in token.text)
        if capital and token.lower_ not in _RULE_STOPWORDS:
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
    doc = tokens[0].doc if tokens else None
    good = []
    for run in runs:
        if not any(t.text.lower().rstrip(".") not in TITLES for t in run):
            continue
        following = doc[run[-1].i + 1] if doc is not None and run[-1].i + 1 < len(doc) else None
        if len(run) == 1 and following is not None and following.text[:1].islower() and following.is_alpha:
            if following.lower_ not in ("said", "says", "told", "added", "in", "of", "on", "at"):
                continue
        good.append(run)
    if not good:
        return None
    run = (next((r for r in good if len(r) >= 2), good[0])) if first else good[-1]
    return run[0].idx, run[-1].idx + len(run[-1].text)
