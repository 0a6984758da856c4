"""What a reporting verb reports: its clause or object, or the words before or after it, and the
cue's own words around it."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import comma_before, inside, person, speech_lemma, strip_span
from reader.analysis.speakers.speech_verbs import (
    AS_COMPLEMENT_LEMMAS,
    CLAUSE_LEMMAS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    OBJECT_CONTENT_LEMMAS,
    OBJECT_ONLY_LEMMAS,
    PERSON_OBJECT_LEMMAS,
    PREPOSITION_CONTENT,
    RELATIVE_CONTENT_LEMMAS,
    REQUEST_LEMMAS,
    RESEARCH_NOUNS,
)


def content_of(verb: Any, lemma: str, subject: Any, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The reported clause or object hanging from the verb, as paragraph offsets."""
    children = list(verb.children)
    interposed = interposed_content(verb, lemma, quoted)
    if interposed is not None:
        return interposed
    if lemma in RELATIVE_CONTENT_LEMMAS and (denied := _clause_before_which(verb)) is not None:
        return denied
    if lemma == "cite" and _cites_a_source(children):
        return None  # "Reuters, citing anonymous sources": who spoke, not what was said
    if lemma == "make clear":
        for child in children:
            if child.lower_ == "clear":
                clauses = [c for c in child.subtree if c.dep_ in ("ccomp", "advcl") and c is not child]
                if clauses:
                    return span_of(clauses[0])
        return None
    clauses = [
        c
        for c in children
        if (c.dep_ == "ccomp" and lemma not in OBJECT_ONLY_LEMMAS)
        or (
            c.dep_ == "xcomp"
            and lemma in CLAUSE_LEMMAS
            and (c.tag_ in _FINITE or any(t.dep_ == "nsubj" for t in c.subtree))
        )
        or (lemma in CLAUSE_LEMMAS and _unmarked_clause(verb, c))
    ]
    if lemma == "find" and any(_infinitive(c) for c in clauses):
        # "the clinic found her to be infected": the result of an examination, not words (PolNeAR train
        # 1-500 marks 1 of the 3 "found X to be", 23 of the 40 "found (X) that/to be" in all)
        return None
    right = [c for c in clauses if c.i > verb.i]
    if right:
        return span_of(right[0])
    if clauses and lemma in CLAUSE_LEMMAS:
        # "..., Klein said": a clause before the verb is its content only across a comma.
        clause = clauses[-1]
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        if any(t.text in (",", "—") for t in between) and not any(t.text == ":" for t in between):
            return _joined_start(clause), span_of(clause)[1]
    if lemma == "speak":
        # "spoke of an imminent attack", "spoke about how the plant would close" report what was said;
        # "spoke about the case" only names a topic, no words or views (PolNeAR, wider, marks both)
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("of", "about") and child.i > verb.i:
                topic = child.lower_ == "about" and not any(c.dep_ == "pcomp" for c in child.children)
                return None if topic else span_of(child)
        return None
    special = _lemma_content(verb, lemma, children)
    if special is not None:
        return special
    clause = _that_clause(verb, quoted)
    if clause is not None:
        return clause
    reported = as_reported(verb) if lemma in CLAUSE_LEMMAS and lemma != "continue" else None
    if reported is not None:
        return reported
    echo = _echoed(verb) if lemma in CLAUSE_LEMMAS else None
    if echo is not None:
        return echo
    if lemma in PREPOSITION_CONTENT and (governed := _governed(verb, PREPOSITION_CONTENT[lemma])):
        return governed
    if lemma == "find" and not {subject.lemma_.lower(), subject.lower_} & RESEARCH_NOUNS:
        return None  # "police found the car": not a report
    if lemma in PERSON_OBJECT_LEMMAS and not person(subject):
        return None
    # "pointed out the flaws": 5 of the 6 "point out" + noun object in PolNeAR train 1-500 are attributions
    if lemma in OBJECT_CONTENT_LEMMAS or lemma in ("make clear", "point out"):
        return _object_content(verb, lemma, children)
    return None


def _object_content(verb: Any, lemma: str, children: list[Any]) -> tuple[int, int] | None:
    """The object that is itself the words ("denied the charges"), with what follows it ("warned the
    board not to act"); "which she described as fragile": the "as" phrase of a fronted object."""
    objects = [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > verb.i]
    if lemma in AS_COMPLEMENT_LEMMAS and not objects:
        objects = [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if not objects:
        return None
    first = objects[0]
    tail = [
        c
        for c in children
        if c.i > first.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "prep", "advcl", "dative")
    ]
    last = max([first, *tail], key=lambda c: c.right_edge.i)
    start, _ = span_of(first)
    _, end = span_of(last)
    return start, end


def _unmarked_clause(verb: Any, clause: Any) -> bool:
    """'said as a teenager she was forced to marry': a clause right after the verb, with a subject and a
    tense of its own and no subordinator, that the parser hung as an adverbial clause because a
    phrase opens it. With "because", "when", "as" ... it is a real adverbial clause, not the words, and
    so it is after an object ("said nothing ...")."""
    relations = {c.dep_ for c in clause.children}
    tensed = clause.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in (*_FINITE, "MD") for c in clause.children
    )
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return (
        clause.dep_ == "advcl"
        and clause.i > verb.i
        and tensed
        and bool(relations & {"nsubj", "nsubjpass"})
        and "mark" not in relations
        and not any(c.tag_ == "WRB" for c in clause.children)  # "when the vote was lost"
        and not any(t.is_punct or (t.dep_ == "dobj" and t.head.i == verb.i) for t in between)
        and not any(t.is_punct for t in verb.doc[clause.left_edge.i : clause.i])
    )


def _cites_a_source(children: list[Any]) -> bool:
    """'citing officials', 'cited a report by the agency': an object that is itself a source."""
    return any(
        c.dep_ == "dobj"
        and (c.lemma_.lower() in GROUP_NOUNS | DOCUMENT_NOUNS or c.ent_type_ in ("PERSON", "ORG", "NORP"))
        for c in children
    )


def _clause_before_which(verb: Any) -> tuple[int, int] | None:
    """'Ali was accused of taking bribes, which he denied': a ", which" object of a relative clause
    stands for the sentence's clause before it, from its top verb (not its subject) to the comma."""
    which = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "which" and c.i < verb.i), None
    )
    if verb.dep_ != "relcl" or which is None or which.i == 0 or verb.doc[which.i - 1].text != ",":
        return None
    top = verb.head
    while top.head.i != top.i:
        top = top.head
    if top.pos_ not in ("VERB", "AUX") or top.i >= which.i:
        return None
    return strip_span(verb.doc.text, top.idx, verb.doc[which.i - 1].idx)


def _lemma_content(verb: Any, lemma: str, children: list[Any]) -> tuple[int, int] | None:
    """What the verbs with a construction of their own report: a request, a proposal, a call."""
    if lemma in REQUEST_LEMMAS:
        requested = _requested(verb, children)
        if requested is not None:
            return requested
    if lemma == "suggest":
        # "suggested rallying the allies": an action proposed, as a gerund ("suggested rising
        # prices", a finding, has a noun object and reports nothing here)
        proposed = [c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i]
        if proposed:
            return span_of(proposed[0])
    if lemma == "call":
        return _called_for(verb, children)
    return None


def _requested(verb: Any, children: list[Any]) -> tuple[int, int] | None:
    """What a request or an order reports: the one asked and the act ("asked the board to delay the
    vote", "told the crew not to sail"), or the question put ("asked the staff if they would stay").
    The act wanted is an infinitive, not a quotation the parser hung as a complement ('telling me,
    "Vote for Lee"')."""
    objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    wanted = [
        c
        for c in children
        if c.dep_ == "xcomp"
        and c.i > verb.i
        and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)
    ]
    if wanted:
        return span_of(objects[0])[0] if objects else span_of(wanted[0])[0], span_of(wanted[-1])[1]
    return asked_question(verb)


def asked_question(verb: Any) -> tuple[int, int] | None:
    """The question after "asked": 'asked the staff if they would stay', 'was asked whether ...',
    'asked what went wrong'. The parser hangs an "if"/"whether" clause as an adverbial clause as
    often as a complement; an adverbial clause with any other opening ('asked to leave when the
    bus stopped') is no question."""
    for child in verb.rights:
        if child.dep_ not in ("ccomp", "advcl"):
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if marks & _YES_NO or (child.dep_ == "ccomp" and child.left_edge.lower_ in _WH_WORDS):
            return span_of(child)
    return None


_YES_NO = frozenset({"if", "whether"})
_WH_WORDS = frozenset("what who whom whose which why how when where whether".split())


# A tensed verb the parser hung as an open complement ("the budget, which she argued protects
# the poor"): a reported clause whose subject is the relative word, not an infinitive.
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def _governed(verb: Any, prepositions: frozenset[str]) -> tuple[int, int] | None:
    """'argued for a new name', 'warned of the risks': the object of the verb's own preposition,
    not a time ("argued for hours")."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
                return span_of(objects[0])
    return None


def _called_for(verb: Any, children: list[Any]) -> tuple[int, int] | None:
    """'called for a ban', 'called on the council to delay the vote': what the speaker asked for
    follows the verb (a fronted 'On Monday,' is only when), and a call on someone runs to the act
    asked of them."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ in ("for", "on") and child.i > verb.i:
            start, end = span_of(child)
            wanted = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > child.i]
            return start, span_of(wanted[0])[1] if wanted else end
        if child.dep_ in ("advcl", "ccomp") and child.i > verb.i and _for_infinitive(child):
            # "called for the members to raise their budgets": the parser makes "for" the mark of an
            # infinitive clause with its own subject, the act asked of them
            start, end = span_of(child)
            return verb.doc[child.left_edge.i + 1].idx, end
    return None


def _infinitive(clause: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _for_infinitive(clause: Any) -> bool:
    """A clause opened by "for" whose verb is an infinitive with a subject ("for the rules to change")."""
    relations = {(c.dep_, c.lower_) for c in clause.children}
    return (
        clause.left_edge.lower_ == "for"
        and ("mark", "for") in relations
        and ("aux", "to") in relations
        and any(dep in ("nsubj", "nsubjpass") for dep, _ in relations)
    )


def as_reported(verb: Any) -> tuple[int, int] | None:
    """'As the paper first reported, the mayor backed the plan', 'the rules are strict, as the judge
    noted': a reporting verb in an "as" clause reports the clause it hangs from, on the far side of
    the "as" clause. Not "as the talks continue", which only says when."""
    head = verb.head
    relations = {child.dep_ for child in verb.children}
    clause = head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT"  # a sentence the parser rooted on a noun
    if verb.dep_ != "advcl" or not clause or relations & {"dobj", "xcomp", "ccomp"}:
        return None  # "as the board announced its plans": the words are the object, not the clause
    if not any(child.dep_ == "mark" and child.lower_ == "as" and child.i < verb.i for child in verb.children):
        return None
    doc = verb.doc
    left, right = span_of(head)
    if verb.i < head.i:
        after = doc[verb.right_edge.i + 1]
        return strip_span(doc.text, max(left, after.idx), right)
    return strip_span(doc.text, left, verb.left_edge.idx)


def _echoed(verb: Any) -> tuple[int, int] | None:
    """'said the same (thing) of Trump', 'said as much': words reported by pointing back at
    other words. PolNeAR's training half marks these as content (13 of 4,197 indirect ones)."""
    for child in verb.rights:
        same = child.lower_ == "same" or any(c.lower_ == "same" for c in child.children)
        if child.dep_ == "dobj" and same:
            tail = [
                c
                for c in (*child.rights, *verb.rights)
                if c.i > child.i and c.dep_ == "prep" and c.lower_ == "of"
            ]
            end = span_of(tail[0])[1] if tail else child.idx + len(child.text)
            return child.left_edge.idx, end  # "the same thing", not ", including ..." after it
        if (
            child.lower_ == "much"
            and child.dep_ == "advmod"
            and any(c.lower_ == "as" for c in child.children)
        ):
            return child.left_edge.idx, child.idx + len(child.text)  # not "in an interview" after it
    return None


def _joined_start(clause: Any) -> int:
    """Where a clause reported by a cue after it starts: '..., but the city overruled it, the aide
    added' reports the clauses before the coordinator too, so the content starts with the sentence."""
    doc = clause.doc
    first = clause.left_edge.i
    if first - 2 >= clause.sent.start and doc[first - 1].dep_ == "cc" and doc[first - 2].text == ",":
        return doc[clause.sent.start].idx
    return span_of(clause)[0]


def interposed_content(verb: Any, lemma: str, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'The plan, she said, is doomed': a reporting verb set off inside the clause it reports (the
    parser's parataxis) reports that whole clause, its own words inside it. Not when the clause
    holds a quotation: then the quote's marks place the words."""
    head = verb.head
    if verb.dep_ != "parataxis" or lemma not in CLAUSE_LEMMAS or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    start, end = span_of(head)
    if not start < verb.idx < end or any(start < q_end and q_start < end for q_start, q_end in quoted):
        return None
    opening = [t for t in verb.doc[head.left_edge.i : comma_before(verb)] if not t.is_punct]
    if all(t.lower_ in _LINK_WORDS for t in opening):
        return None  # "which, the statement said, European nations ...": the clause starts after the cue
    return start, end


_LINK_WORDS = frozenset("which who whom that and but or so yet".split())


def _that_clause(verb: Any, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A 'that' clause the parser hung elsewhere ("told DW in an interview that ...")."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.dep_ != "mark":
            continue
        if inside(token.idx, quoted) or any(verb.idx < start < token.idx for start, _ in quoted):
            return None
        clause = token.head
        if clause.pos_ in ("VERB", "AUX") and not speech_lemma(clause):
            left, right = span_of(clause)
            return max(left, token.idx + len(token.text) + 1), right
        return None
    return None


def span_of(token: Any) -> tuple[int, int]:
    """A token's phrase as paragraph offsets, without a closing comma or the "and" after it."""
    left, right = token.left_edge, token.right_edge
    doc = token.doc
    while right.i > left.i and (
        (right.is_punct and right.text not in ('"', "”", "’", "»", ")", "]")) or right.dep_ == "cc"
    ):
        right = doc[right.i - 1]  # a closing comma, or the "and" that leads to the next clause
    while left.i < right.i and left.is_punct and left.text in (",", ":", ";", "—", "–"):
        left = doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def cue_phrase(
    text: str, verb: Any, subject: Any, content: tuple[int, int] | None, quoted: list[tuple[int, int]]
) -> tuple[int, int]:
    """The cue's own words: verb, a subject next to it, and its non-content dependents."""
    start, end = verb.idx, verb.idx + len(verb.text)
    parts = []
    if subject.head is verb or abs(subject.i - verb.i) <= 3 or _set_off_name(subject, verb):
        parts.append(subject)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep", "advmod", "npadvmod", "prt", "agent", "nsubj", "acomp"):
            parts.append(child)
    for part in parts:
        left, right = span_of(part)
        first = part.left_edge
        while first.i < part.i and (first.is_quote or first.is_punct):
            first = part.doc[first.i + 1]  # '," Ruiz, 58, said': the comma and closing mark are the quote's
        left = max(left, first.idx)
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


def _set_off_name(subject: Any, verb: Any) -> bool:
    """A speaker written right after a quotation and before the verb, with an aside between
    ('"...," Ana Ruiz, wearing a campaign pin, said'): the cue's words run from the name to the verb."""
    doc = verb.doc
    if subject.i > verb.i or subject.head is verb:
        return False
    at = subject.i - 1
    while at > verb.sent.start and doc[at].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and not doc[at].is_quote:
        at -= 1  # role words before the name: '," Texas delegate Ana Ruiz'
    return doc[at].is_quote and at > 0 and doc[at - 1].text in (",", "?", "!")


def positional_content(text: str, sent: Any, start: int, end: int) -> tuple[int, int] | None:
    """Content by position: '..., officials said.' (before) or ', the statement said,' (after)."""
    sent_start, sent_end = sent.start_char, sent.end_char
    while sent_end > sent_start and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    before = text[sent_start:start].rstrip()
    after = text[end:sent_end].strip()
    if not before:
        if after.startswith(",") and len(after.split()) >= 4:
            content_start = end + text[end:sent_end].index(",") + 1
            return strip_span(text, content_start, sent_end)
    elif before.endswith(",") or before.endswith("—"):
        if after.startswith(",") and len(after.split()) >= 4:
            content_start = end + text[end:sent_end].index(",") + 1
            return strip_span(text, content_start, sent_end)
        if (not after or len(after.split()) <= 6 and not after.startswith(",")) and len(before.split()) >= 4:
            return strip_span(text, sent_start, sent_start + len(before) - 1)
    return None
