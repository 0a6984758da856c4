"""Who speaks at a reporting verb: its subject, or the name the parser hung elsewhere."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.absolute import speaking
from reader.analysis.speakers.cue import comma_before, entity_last, inside, speaker_like
from reader.analysis.speakers.speech_verbs import (
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    PERSON_ROLE_NOUNS,
    SPEECH_LEMMAS,
)

_CLAUSE_LINKS = ("advcl", "conj", "xcomp", "acl", "pcomp", "prep", "pobj", "dobj")

_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})

_TIME_ENTITIES = frozenset({"DATE", "TIME"})  # '"...," said Tuesday' is no one's name


def subject_of(verb: Any, quoted: list[tuple[int, int]]) -> Any | None:
    """The speaker's head: the verb's subject, or that of the clause it hangs from.

    Climbing covers "..., saying", "and said", "went on to say", "by saying";
    a name right before a coordinated verb wins over the first verb's subject
    ("the company invested ..., but Gazeta Prawna reports ..."); clauses inside
    quotation marks are the quoted speaker's words, never where the subject is.
    """
    current = verb
    coordinated = False  # whether ``current`` was reached from a verb coordinated with it
    for _ in range(5):
        # So are the words another verb reports: in "Starr said the case reminds him of X, explaining
        # ...", the one explaining is Starr, not "the case".
        quoted_clause = current is not verb and (inside(current.idx, quoted) or _reported_clause(current))
        subjects = [] if quoted_clause else [child for child in current.children if child.dep_ == "nsubj"]
        # Someone's quoted words never hold the subject of the verb that reports them
        # ('"... the plan ...," said a person close to her'), nor does a name before a quotation the
        # verb follows when the phrase after the verb is a subject too.
        subjects = [s for s in subjects if not inside(s.idx, quoted)]
        if current is verb and _after_quote(verb):
            subjects = [s for s in subjects if s.i > verb.i] or subjects
        if current is verb and subjects:
            subjects = [_inverted_speaker(verb, subjects[0]) or subjects[0], *subjects[1:]]
        if not subjects and current is not verb and (current.lemma_ == "quote" or coordinated):
            # "Mendes was quoted by the newspaper as saying ...": the one quoted speaks; so does the
            # one who was questioned in "Lee was pressed on the tax and said ...".
            subjects = [child for child in current.children if child.dep_ == "nsubjpass"]
        if len(subjects) > 1 and current is verb:
            # "Prices, says one economist, will ...", "Lee, an aide said, is confident": the parser gives
            # the set-off verb both subjects; the speaker is the one after the comma.
            subjects = [s for s in subjects if s.i > comma_before(verb)] or subjects
        if len(subjects) > 1 and subjects[-1].i - subjects[0].i == len(subjects) - 1:
            # "Another co-author, professor Ana Ruiz, said": the parser gives each piece of a
            # hyphenated noun ("co", "-", "author") as a subject; the last piece is the noun.
            subjects = subjects[-1:]
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
            swallowed = _swallowed_subject(verb)
            if swallowed is not None:
                return swallowed
        if current is verb and (_misparsed_modifier(verb) or _modified_speaker(verb)):
            return verb.head
        if finite:
            # "..., the prime minister of Spain, Jose Luis Rodriguez Zapatero, has stated that": a long
            # subject the parser hung elsewhere; the name opening the sentence, or else the one set off
            # right before the verb, speaks (not "the Senate" in "Ana Ruiz, ... unconfirmed by the
            # Senate, has said").
            set_off = _opening_name(verb) or _name_before(verb, comma=True)
            if set_off is not None:
                return set_off
        if (current.dep_ not in _CLAUSE_LINKS and not quoted_clause) or current.head is current:
            return None
        if current.dep_ == "advcl" and current.tag_ != "VBG":
            return None
        coordinated = current.dep_ == "conj"
        current = current.head
    return None


def _inverted_speaker(verb: Any, subject: Any) -> Any | None:
    """'The cost of the line, said Tom Berg, an aide, will double': a verb set off by a comma after the
    clause's subject, with the speaker right after it, its description closed by a comma; the parser
    makes the clause's subject the verb's and the speaker the subject of the clause it reports."""
    doc = verb.doc
    if subject.i > verb.i or subject.right_edge.i < verb.i - 2 or doc[verb.i - 1].text != ",":
        return None
    for clause in verb.rights:
        if clause.dep_ != "ccomp":
            continue
        for speaker in clause.children:
            last = speaker.right_edge.i
            if speaker.dep_ == "nsubj" and speaker.left_edge.i == verb.i + 1 and last < clause.i:
                if "," in (doc[last].text, doc[last + 1].text) and _speaker_like(speaker):
                    return speaker
    return None


def _speaker_like(head: Any) -> bool:
    """A name, or a noun for people who speak ("experts", "an aide"): not "their plans"."""
    nouns = GROUP_NOUNS | PERSON_ROLE_NOUNS
    return head.ent_type_ in ("PERSON", "ORG") or head.pos_ == "PROPN" or head.lemma_.lower() in nouns


def _swallowed_subject(verb: Any) -> Any | None:
    """A subject the parser hung away from a finite reporting verb that has none of its own.

    'About 4 in 10 say ...': the share as the verb's number; 'Activists clamoring to stop the road
    say ...', 'Voters going to the polls said ...': a participle or adjective after the noun taken for
    the clause head, with the reporting verb hung under it (or it under the verb); the noun speaks.
    """
    for child in verb.lefts:
        if child.dep_ == "nummod" and any(t.lower_ == "in" for t in child.subtree):
            return child
        if child.dep_ == "csubj" and child.tag_ in _MODIFIER_TAGS:
            return _subject_of_modifier(child)
    head = verb.head
    if verb.dep_ == "dep" and head.i < verb.i and head.tag_ in _MODIFIER_TAGS:
        return _subject_of_modifier(head)
    return None


_MODIFIER_TAGS = frozenset({"VBG", "VBN", "JJ"})


def _subject_of_modifier(modifier: Any) -> Any | None:
    """The noun a participle or adjective describes: its parsed subject, or the noun it modifies."""
    subjects = [c for c in modifier.children if c.dep_ == "nsubj" and c.i < modifier.i]
    if subjects:
        return subjects[0]
    if modifier.dep_ in ("acl", "amod") and modifier.head.pos_ in ("NOUN", "PROPN"):
        return modifier.head
    return None


def _apposed_before(subject: Any, verb: Any) -> Any | None:
    """'north of the capital, Dorozh, the Seismic Institute said': the parser makes the place the
    subject and the speaker its apposition; the phrase right before the verb is who speaks. So too
    after a dateline: in 'LIMA, May 3 (AP) — Minister Ana Ruiz said' the place opens the story and the
    parser hangs the speaker on it across the dash."""
    doc = verb.doc
    after_comma = subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == ","
    # 'Lee, a top aide said, "is confident"': a verb set off before the rest of the sentence reports
    # about the name; the phrase right before it speaks.
    interposed = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    for child in subject.children:
        if child.dep_ == "appos" and child.i > subject.i and child.right_edge.i == verb.i - 1:
            if after_comma or interposed or doc[child.left_edge.i - 1].text in _DASHES:
                return child
    return None


_DASHES = frozenset({"—", "–", "--"})


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


def _modified_speaker(verb: Any) -> bool:
    """'Several unions claiming the vote was rigged marched ...': a participle of speech modifying the
    subject, a noun for people or a body, says what they say, so that noun speaks. A document noun
    ("a headline pointing out ...") stands for whoever issued it, and a noun after a preposition is
    where or how ("posted on Twitter blaming ..."): the climb goes on to the clause's subject. In
    PolNeAR train 1-500, about 12 of the 20 speech participles right after a plural noun ("voters
    saying", "detractors calling for") are attributions with that noun for source."""
    head = verb.head
    return (
        speaking(verb)
        and head.i < verb.i
        and head.dep_ in ("nsubj", "nsubjpass", "ROOT")
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in DOCUMENT_NOUNS
        and speaker_like(head)
    )


def _reported_clause(clause: Any) -> bool:
    """A clause that a reporting verb right before it reports, with no comma between ('said the case
    reminds him'); not '... cannot say that "...," Ana added', where the parser made the cue a clause."""
    head = clause.head
    return (
        clause.dep_ == "ccomp"
        and head.i < clause.i
        and head.lemma_.lower() in SPEECH_LEMMAS
        and not any(t.text == "," for t in clause.doc[head.i : clause.i])
    )


def _after_quote(verb: Any) -> bool:
    return verb.i > 0 and verb.doc[verb.i - 1].is_quote


def _name_after_quote(verb: Any) -> Any | None:
    """'"Why now?" asked captain Eva Lund': after a closing quote the parser may take the speaker for an
    object, or hang the name on a later verb ('said Ana Ruiz, who ... yet endorsed'), or tag a surname
    as an adverb ('said Kelly'): the capitalised run right after the verb is the speaker."""
    doc = verb.doc
    if not _after_quote(verb):
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod") and (
            child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"
        ):
            return child
    last = None
    for token in doc[verb.i + 1 : verb.i + 8]:
        if not (token.is_alpha and token.text[:1].isupper()) or token.ent_type_ in _TIME_ENTITIES:
            break
        last = token
    return last


def modified_name(verb: Any) -> Any | None:
    """'"..." tweeted Governor of Ohio Ana Ruiz': right after a closing quote the parser may read the
    verb as a modifier of the title and name that follow it (an adjective, a compound); the name at
    the end of that run of proper nouns speaks."""
    if verb.dep_ not in ("amod", "compound") or not _after_quote(verb) or verb.head.i != verb.i + 1:
        return None
    name = None
    for token in verb.doc[verb.i + 1 : verb.i + 9]:
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            name = token
        elif token.lower_ != "of" or name is None:
            break
    return name


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
    verb, is that name's. A quotation closing with a comma opens the cue's words the same way:
    '"...," Ana Ruiz, wearing a campaign pin, said'."""
    doc = verb.doc
    starts = [verb.sent.start] + [
        t.i + 1
        for t in doc[verb.sent.start : verb.i]
        if t.is_quote and t.i > 0 and doc[t.i - 1].text in (",", "?", "!")
    ]
    for start in reversed(starts):
        first = _past_role_words(doc, start, verb.i)
        if first.ent_type_ not in ("PERSON", "ORG") or first.ent_iob_ != "B" or first.pos_ != "PROPN":
            continue
        last = entity_last(first, verb.i)
        while last.dep_ == "compound" and last.head.i == last.i + 1 and last.head.pos_ == "PROPN":
            last = last.head  # a surname NER left out: "Wanda Vázquez" + "Garced"
        if last.i + 1 >= verb.i or doc[last.i + 1].text != ",":
            continue
        position = _left_of_modifiers(verb, last.i)
        return last if position > last.i + 1 and doc[position].text == "," else None
    return None


def _past_role_words(doc: Any, start: int, limit: int) -> Any:
    """The first name token from ``start`` past a few role words ('delegate Ana Ruiz', 'Former
    Minister Ana Ruiz', 'Secretary of Justice Ana Ruiz'); the token at ``start`` when no name follows so."""
    for token in doc[start : min(start + 4, limit)]:
        if token.ent_iob_ == "B" and token.i > start:
            return token
        if token.is_punct or (token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET") and token.lower_ != "of"):
            break  # "of" stays inside a title: "Secretary of Justice Ana Ruiz"
    return doc[start]


def _name_before(verb: Any, comma: bool = False) -> Any | None:
    """A name right before the verb, past adverbs and the verb's own auxiliaries (and a comma if asked);
    not the object of a preposition that modifies a verb ("and on Twitter said ...": where, not who)."""
    doc = verb.doc
    position = _left_of_modifiers(verb, -1)
    if comma:
        if position < 0 or doc[position].text != ",":
            return None
        position -= 1
    name = doc[position] if position >= 0 else None
    if name is None or name.ent_type_ not in ("PERSON", "ORG") or name.pos_ != "PROPN":
        return None
    return None if name.dep_ == "pobj" and name.head.head.pos_ in ("VERB", "AUX") else name
