"""Name mentions: registering entities and proper-noun runs, with the roles written around them."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import inside
from reader.analysis.speakers.gender import FEMALE_NAMES, MALE_NAMES, gender_of
from reader.analysis.speakers.names import (
    Mention,
    clean_bounds,
    fold,
    is_acronym,
    is_title,
    looks_like_org,
    near_spelling,
    split_title,
)
from reader.analysis.speakers.refs import HEADLINE_VERBS, MAX_LABEL_WORDS, NAME_LABELS, Ref, SpeakerState
from reader.analysis.speakers.speech_verbs import DOCUMENT_NOUNS, GROUP_NOUNS, ORG_WORDS
from reader.analysis.speakers.wording import (
    bare,
    person_like,
    reads_as_role,
    with_acronym,
    without_honorifics,
)


class Mentions(SpeakerState):
    """Registers every name mention of the article and the role words beside it."""

    def _register_entities(self, doc: Any, base: int) -> None:
        for ent in self.ents:
            if ent.label_ in NAME_LABELS:
                self._add_mention(doc, ent.start, ent.end, ent.label_, base)

    def _add_mention(self, doc: Any, first: int, last: int, label: str, base: int) -> int | None:
        """Register tokens [first, last) as a name; titles inside it go to the role."""
        text = self.chunk_text
        first, last, label = _name_tokens(doc, first, last, label)
        span = doc[first:last]
        start, end = clean_bounds(text, span.start_char, span.end_char)
        words = text[start:end].split()
        while len(words) >= 2 and fold(words[-1]) in HEADLINE_VERBS:
            # A headline's "Obama Says Police ...": NER takes the verb into the name.
            end = start + len(text[start:end].rstrip()[: -len(words[-1])].rstrip())
            words.pop()
        if not words or (label == "PERSON" and all(map(is_title, words))):
            return None  # NER's "PERSON" over a bare "Assemblywoman" or "Senator" is a role, not a name
        titles = split_title(words) if label != "ORG" else 0
        title_start = start
        if titles:
            start += len(" ".join(words[:titles])) + 1
        if len(words) - titles == 1 and len(words[-1].strip(".")) == 1:
            return None  # a lone letter ("said X", "Plan B") is never a speaker's name
        if (base + start, base + end) in self._by_span:
            return self._by_span[(base + start, base + end)]
        if label == "ORG" and len(words) == 1 and first > 0 and doc[first - 1].text in ("the", "The"):
            named_before = self.org_heads.get(bare(words[0]))
            if named_before is not None:
                # "The Department said" after "the California Department of Corrections": that one.
                self._by_span[(base + start, base + end)] = named_before
                return named_before
        lead_start, lead, appositions = self._role(doc, span, start, title_start)
        role = "; ".join(part for part in (lead, *appositions) if part) or None
        end, acronym = with_acronym(text, start, end)
        hint = bool(lead) and reads_as_role(lead.split()[-1])
        full = text[lead_start:end] if lead else None
        mention = Mention(
            base + start, base + end, text[start:end], label, self.paragraph, role, full, hint, acronym
        )
        if doc.has_annotation("SENT_START"):
            mention.sentence = base + doc[first].sent.start_char
        self.mentions.append(mention)
        number = len(self.mentions) - 1
        self._by_span[(base + start, base + end)] = number
        if inside(start, self.reported):
            self.reported_mentions.add(number)
        self._note_gender(mention, text[:start])
        if label != "NAME":
            self.entity_labels.setdefault(fold(mention.text), label)
        name = mention.text.split()
        if len(name) >= 2 and (label == "PERSON" or (label == "ORG" and person_like(name))):
            self.person_words.add(fold(name[-1]))
        for word in (role or "").split() + (name if label == "ORG" else []):
            self.roles[bare(word)] = number
        if label == "ORG" and len(name) >= 2:
            self.org_heads[bare(_head_noun(name))] = number
        return number

    def _note_gender(self, mention: Mention, before: str) -> None:
        """The gender the article gives a person's name, kept for every later form of its surname.

        A known first name also makes a person of a name NER called a place or an organisation
        ("Samantha Okafor" as GPE) when nothing in it reads as an organisation.
        """
        words = mention.text.split()
        given = words[0] in MALE_NAMES or words[0] in FEMALE_NAMES
        if mention.label in ("GPE", "ORG") and given and person_like(words):
            mention.person_hint = True
            self.person_words.add(fold(words[-1]))
        elif mention.label not in ("PERSON", "NAME") or looks_like_org(mention.text):
            return
        mention.gender = gender_of(mention.text, mention.role, before)
        if mention.gender is not None:
            self.genders[fold(words[-1])] = mention.gender

    def _role(self, doc: Any, span: Any, name_start: int, title_start: int) -> tuple[int, str, list[str]]:
        """Where the words before the name start, the role they give, and appositions after it.

        "German Foreign Minister Johann Wadephul" -> "German Foreign Minister";
        "Klein, head of the research group," -> "head of the research group"; titles NER took into
        the name (from ``title_start``) are role words too: "Crown Prince".
        """
        text = self.chunk_text
        root = span.root
        lead_start = title_start
        left = [
            c
            for c in root.lefts
            if c.i < span.start and c.dep_ not in ("det", "punct", "cc", "prep", "nummod", "advmod", "neg")
        ]
        if left:
            first = min(c.left_edge.i for c in left)
            while first < span.start and doc[first].dep_ == "det":
                first += 1
            if not any(t.ent_type_ == "PERSON" for t in doc[first : span.start]):
                lead_start = min(lead_start, doc[first].idx)
        lead = without_honorifics(text[lead_start:name_start].strip(" ,"))
        appositions = []
        if not lead and root.dep_ == "appos" and root.head.i < span.start:
            role = self._role_apposed_to(doc, root.head, span.start)  # "Minister of Culture, Lai Mohammed,"
            if role:
                appositions.append(role)
        for child in root.rights:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                appos = text[child.left_edge.idx : child.right_edge.idx + len(child.right_edge.text)].strip(
                    " ,"
                )
                if len(appos.split()) <= MAX_LABEL_WORDS * 2:
                    appositions.append(appos)
        return lead_start, lead, appositions

    def _role_apposed_to(self, doc: Any, head: Any, name_first: int) -> str | None:
        """The role noun phrase a name stands in apposition to, when it reads as a title or a person's role."""
        if head.pos_ not in ("NOUN", "PROPN") or not reads_as_role(head.text):
            return None
        first = head.left_edge.i
        while first < head.i and doc[first].dep_ == "det":
            first += 1
        last = name_first - 1
        while last > first and doc[last].is_punct:
            last -= 1
        if last < head.i:
            return None
        role = self.chunk_text[doc[first].idx : doc[last].idx + len(doc[last].text)]
        return role if len(role.split()) <= MAX_LABEL_WORDS else None

    def _subjects(self, doc: Any, base: int) -> list[tuple[int, Ref]]:
        """Grammatical subjects a later pronoun or nominal may mean: named people, groups for 'they',
        organisations for 'it' and 'the company'.

        "Mayor Ana Lopez toured the harbour. ... she said": Lopez is a candidate
        for "she" although no reporting verb bound her yet. So is a person named as a passive subject
        ("Lopez was asked about the fees. She said"); a passive organisation is not ("The index was
        held back by Novapharm. The company said" means Novapharm).
        """
        found = []
        nsubj, passive = doc.vocab.strings["nsubj"], doc.vocab.strings["nsubjpass"]
        for i, dep in enumerate(doc.to_array("DEP").tolist()):
            if dep != nsubj and dep != passive:
                continue  # most tokens: never made into Token objects
            token = doc[i]
            if dep == passive and token.ent_type_ != "PERSON":
                continue
            count = len(found)
            known = fold(token.text) in self.person_words
            if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and (not token.ent_type_ or known)):
                # A lone capitalised subject counts only as a surname already seen in a full name:
                # NER calls "Turnout was 61%" a person and "Horák conceded" an organisation.
                full = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
                ref = self._named(token, doc, base) if known or full else None
                if ref is not None and self._traits(ref)[0]:
                    found.append((token.idx, ref))
            elif token.ent_type_ == "ORG" and token.pos_ == "PROPN":
                ref = self._organisation(token, doc, base)
                if ref is not None:
                    found.append((token.idx, ref))
            elif token.tag_ == "NNS" and {token.lemma_.lower(), token.lower_} & GROUP_NOUNS:
                found.append((token.idx, self._unnamed(token, doc, base)))
            else:
                # "The UN envoy, Marta Lindqvist, ...": the apposed name is who a later "she" means.
                for child in token.children:
                    if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                        ref = self._named(child, doc, base)
                        if ref is not None:
                            found.append((child.idx, ref))
                        break
            if len(found) > count:
                self._note_issued(token.head, found[-1][1])
        return found

    def _note_issued(self, verb: Any, ref: Ref) -> None:
        """'The institute published a report': a later 'the report said' is the institute's."""
        for child in verb.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in DOCUMENT_NOUNS:
                self.documents[child.lemma_.lower()] = ref

    def _organisation(self, token: Any, doc: Any, base: int) -> Ref | None:
        """The organisation entity this token is part of, unless its name reads as a person's."""
        for ent in self.ents:
            if ent.start <= token.i < ent.end:
                number = self._add_mention(doc, ent.start, ent.end, ent.label_, base)
                if number is None or self.mentions[number].person_hint:
                    return None
                ref = Ref(named=number)
                return None if self._traits(ref)[0] else ref
        return None

    def _named(self, head: Any, doc: Any, base: int) -> Ref | None:
        """The name at this token: an entity, or a run of proper nouns NER missed."""
        for ent in self.ents:
            if ent.start <= head.i < ent.end:
                if ent.label_ not in NAME_LABELS and ent.label_ not in (
                    "LOC",
                    "FAC",
                    "WORK_OF_ART",
                    "PRODUCT",
                ):
                    return None
                if ent.label_ == "NORP" and (head.pos_ != "PROPN" or head.tag_ == "NNPS"):
                    return None  # "Republicans said": a group of people, described, not named
                end = _before_affiliation(ent, head)
                label = "PERSON" if end < ent.end else ent.label_
                number = self._add_mention(doc, ent.start, end, label, base)
                if number is None:
                    return None
                self._rescue(number, head)
                return Ref(named=number)
        known_surname = head.text[:1].isupper() and fold(head.text) in self.person_words
        # "Wikileaks says", written once as the entity "WikiLeaks": a name the tagger took for a noun.
        known_label = self.entity_labels.get(fold(head.text)) if head.text[:1].isupper() else None
        if (head.pos_ != "PROPN" and not known_surname and not known_label) or (
            not head.text[:1].isupper() or is_title(head.text)
        ):
            return None  # a known surname the tagger read as a common noun ("Farrow claimed") still names
        if known_label and head.pos_ != "PROPN" and not known_surname:
            number = self._add_mention(doc, head.i, head.i + 1, known_label, base)
            return None if number is None else Ref(named=number)
        first = head.i
        while (
            first > 0
            and doc[first - 1].dep_ in ("compound", "amod")
            and doc[first - 1].text[:1].isupper()
            and (doc[first - 1].pos_ in ("PROPN", "ADJ"))
        ):
            first -= 1
        number = self._add_mention(doc, first, head.i + 1, "NAME", base)
        if number is None:
            return None
        self._rescue(number, head)
        return Ref(named=number)

    def _rescue(self, number: int, head: Any) -> None:
        """A speech verb binds this name: a person if it looks like one, whatever NER said."""
        mention = self.mentions[number]
        if mention.label == "PERSON":
            return
        words = mention.text.split()
        surname = fold(words[-1])
        if (
            surname in self.person_words
            or mention.person_hint
            or (
                len(words) == 1
                and any(
                    near_spelling(surname, known) for known in self.person_words if known[:2] == surname[:2]
                )
            )
        ):
            mention.person_hint = True
            return
        if (
            mention.label in ("GPE", "NORP", "ORG")
            or any(fold(w) in ORG_WORDS for w in words)
            or is_acronym(mention.text)
        ):
            return
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            mention.person_hint = True

    @staticmethod
    def _name_inside(head: Any, doc: Any) -> Any | None:
        """The name inside a subject headed by a title or a coordination.

        "Former US Ambassador to the United Nations Nikki Haley": the name ends
        the phrase; "Tesco and Salling Group": the first of joint speakers. Not a coordination inside
        a title (a title word between the "and" and the head): "Road Transport and Bridges Minister Ana
        Ruiz" is Ruiz.
        """
        tokens = [t for t in head.subtree if t.i <= head.i]
        joined = any(
            t.dep_ == "cc"
            and not any(is_title(title.text) for title in doc[t.i + 1 : head.i])
            and t.i > 0
            and doc[t.i - 1].ent_type_ in ("PERSON", "ORG")
            and doc[t.i - 1].ent_iob_ != "O"
            for t in tokens
        )
        if joined:
            for token in tokens:
                if token.ent_type_ in ("PERSON", "ORG") and token.pos_ == "PROPN":
                    return token
        if head.ent_type_ == "PERSON":
            return None
        last = head.right_edge
        while last.i > head.i and last.is_punct:
            last = doc[last.i - 1]
        if (
            last.i > head.i
            and last.pos_ == "PROPN"
            and (
                last.ent_type_ == "PERSON"
                or (last.ent_type_ == "ORG" and not head.ent_type_ and is_title(head.text))
            )
        ):
            start = last.i
            while start > head.i and doc[start].ent_iob_ == "I":
                start -= 1
            if not any(t.text in (",", "(") for t in doc[head.i : start]) and not _for_someone(head, last):
                return last
        return None


def _name_tokens(doc: Any, first: int, last: int, label: str) -> tuple[int, int, str]:
    """The tokens of a name NER cut short or ran long, and its label.

    A person's name goes on over the proper nouns it is a compound of: NER may stop before the last
    surname ("Ana Lucía Pérez Soto" as "Ana Lucía Pérez"); not back over the words before it, which
    are mostly a role NER rightly left out ("House Speaker Ana Ruiz"). The place after a title's "of"
    belongs to the title, not to the name after it: in "Prime Minister of Norland Eva Lund" NER may
    take "Norland Eva Lund" for one organisation or person; the rest, after a title, is a person.
    """
    if label == "PERSON":
        while (
            last < len(doc)
            and doc[last - 1].dep_ == "compound"
            and doc[last - 1].head.i >= last
            and _bare_proper(doc[last])
        ):
            last += 1
        first = _given_names_after_place(doc, first, last)
    if first < 2 or doc[first - 1].lower_ != "of" or not is_title(doc[first - 2].text):
        return first, last, label
    place = doc[first]
    while place.dep_ == "compound" and first < place.head.i < last:
        place = place.head
    # Where the place ends: where the parse ends the title's object, else before a known first name.
    given = [t.i for t in doc[first + 1 : last - 1] if t.text in MALE_NAMES or t.text in FEMALE_NAMES]
    name = place.i + 1 if place.dep_ == "pobj" and place.i + 2 < last else (given or [last])[0]
    if name < last - 1 and all(t.pos_ == "PROPN" for t in doc[name:last]):
        return name, last, "PERSON"
    return first, last, label


def _before_affiliation(ent: Any, head: Any) -> int:
    """Where the name ends in an entity that runs on past its head into an "of" phrase: 'Ana Ruiz of
    the Harbour Trust' read as one person or work of art names Ana Ruiz; the "of" phrase says where
    she belongs. Not an organisation's own "of" ("Islamic Society of Boston", "Bank of America")."""
    doc = head.doc
    after = head.i + 1
    if (
        ent.label_ not in ("PERSON", "WORK_OF_ART", "PRODUCT")
        or after >= ent.end
        or doc[after].lower_ != "of"
        or doc[after].head.i != head.i
        or head.i == ent.start
        or not all(t.pos_ == "PROPN" for t in doc[ent.start : after])
    ):
        return ent.end
    return after


def _given_names_after_place(doc: Any, first: int, last: int) -> int:
    """Where a person's name begins when NER took only the surname after a title's place: in "Mayor of
    Norland Eva Lund" it may read "Norland" as a place, "Lund" as a person and "Eva" as nothing; the
    proper nouns between the place and the surname belong to the name."""
    start = first
    while start > 0 and _bare_proper(doc[start - 1]) and doc[start - 1].dep_ == "compound":
        start -= 1
    place = start - 1
    if (
        start == first
        or place < 2
        or doc[place].ent_type_ not in ("GPE", "LOC")
        or doc[place].ent_iob_ == "O"
    ):
        return first
    while place > 0 and doc[place].ent_iob_ == "I":
        place -= 1
    if not all(first <= doc[i].head.i < last for i in range(start, first)):
        return first
    return start if place >= 2 and doc[place - 1].lower_ == "of" and is_title(doc[place - 2].text) else first


def _head_noun(name: list[str]) -> str:
    """The word an organisation's name is named for: "Department" in "California Department of
    Corrections", "Committee" in "Senate Judiciary Committee"."""
    return name[name.index("of") - 1] if "of" in name[1:] else name[-1]


def _bare_proper(token: Any) -> bool:
    """A capitalised proper noun no entity holds: a word of a name NER left out."""
    return token.pos_ == "PROPN" and token.ent_type_ == "" and token.is_alpha and token.text[:1].isupper()


# Prepositions that tie a role to someone else ("a spokesman for Senator Abara" is not Abara); "of"
# too, unless the head is a title ("Secretary of State John Kerry").
_FOR_SOMEONE = frozenset({"for", "with", "at", "from"})


def _for_someone(head: Any, name: Any) -> bool:
    """The name is the object of a preposition that makes it whom the described person works for or
    belongs to ('a spokesman for Ana Ruiz', 'a friend of Ruiz'), not the speaker's own name."""
    token = name
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and (
            token.head.lower_ in _FOR_SOMEONE or (token.head.lower_ == "of" and not is_title(head.text))
        ):
            return True
        token = token.head
    return False
