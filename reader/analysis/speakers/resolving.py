"""Resolving a cue's subject to a speaker reference: a name, an unnamed source, a role or a pronoun."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import Cue
from reader.analysis.speakers.names import Mention, clean_bounds, fold, is_acronym, is_title
from reader.analysis.speakers.refs import (
    BARE_QUANTIFIER_SOURCES,
    QUANTIFIER_MODIFIERS,
    QUANTIFIER_SUBJECTS,
    Nominal,
    Ref,
)
from reader.analysis.speakers.sources import Sources
from reader.analysis.speakers.speech_verbs import (
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    ISSUED_NOUNS,
    ORG_ROLE_NOUNS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
    SPOKES_NOUNS,
    THING_PRONOUNS,
)
from reader.analysis.speakers.wording import bare, describes_source, without_article

# "half of the voters", "two-thirds of them": a share of a group, like "six in 10".
_FRACTIONS = frozenset("half third thirds quarter quarters fifth fifths".split())


def _share_of_people(head: Any) -> bool:
    """A poll's share of those asked: 'Six in 10 say ...', 'nearly two-thirds of voters said ...'.

    The parser heads such a subject with a number (or 'half'), which no name, role or pronoun rule
    takes; on PolNeAR train 1-500, 10 cues with a found clause went unquoted for want of a speaker so.
    """
    if not (head.like_num or head.lower_ in _FRACTIONS):
        return False
    doc, phrase = head.doc, list(head.subtree)
    ratio = any(t.lower_ == "in" and t.i + 1 < len(doc) and doc[t.i + 1].like_num for t in phrase)
    fraction = any(t.lower_ in _FRACTIONS for t in phrase) and any(t.lower_ == "of" for t in phrase)
    return ratio or fraction


class Resolver(Sources):
    """Turns a cue's subject (a parsed token or a rules-only span) into a speaker reference."""

    def _resolve_cue(self, cue: Cue, doc: Any, base: int, beside_quote: bool) -> Ref | None:
        if cue.subject is None:
            return None
        if isinstance(cue.subject, tuple):
            ref = self._resolve_rule(cue.subject, doc, base)
        else:
            ref = self._resolve_token(cue.subject, doc, base, depth=0)
            if ref is None and (cue.content is not None or beside_quote) and describes_source(cue.subject):
                # Whatever noun phrase reports a clause or a quotation is its source ("the campaign
                # says ...", "according to exit polls", '"...," the ad's narrator says'): an unnamed
                # speaker with that description.
                ref = self._unnamed(cue.subject, doc, base)
        if ref is not None:
            self._remember(ref, spoke=True)
            self.last_cue = (ref, base + cue.sentence_start, base + cue.sentence_end)
        return ref

    def _resolve_token(self, head: Any, doc: Any, base: int, depth: int) -> Ref | None:
        if depth > 3:
            return None
        lower = head.lower_
        if lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            start = base + head.idx
            ref = self._pronoun(lower, start)
            if ref is not None:
                self._mention_pronoun(ref, start, start + len(head.text))
            return ref
        if lower in QUANTIFIER_SUBJECTS and (
            lower in BARE_QUANTIFIER_SOURCES or any(c.dep_ in QUANTIFIER_MODIFIERS for c in head.children)
        ):
            return self._some_people(head, base)
        if _share_of_people(head):
            return self._some_people(head, base, first=head.left_edge.i)
        if head.pos_ == "PRON":
            return None
        inner = self._name_inside(head, doc)
        if inner is not None and inner is not head:
            return self._named(inner, doc, base)
        if (head.ent_type_ != "PERSON" or is_title(head.text)) and any(
            c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "PERSON" for c in head.children
        ):
            # 'A Republican Assemblywoman, Ana Ruiz, said': a capitalised role the tagger took for a
            # proper noun, with the person's name set beside it; the name speaks, not the role.
            apposed = self._apposed_name(head, doc, base)
            if apposed is not None:
                return apposed
        named = self._named(head, doc, base)
        if named is not None:
            return named
        return self._described(head, doc, base, depth)

    def _described(self, head: Any, doc: Any, base: int, depth: int) -> Ref | None:
        """A subject that is no name and no pronoun: a role, an institution, a document or a group."""
        words = {head.lemma_.lower(), head.lower_}
        ref = self._apposed_name(head, doc, base) or self._name_recased(head, doc, base)
        if ref is None and words & INSTITUTION_NOUNS:
            ref = self._institution(head, doc, base)
        if ref is None and words & SPOKES_NOUNS:
            ref = self._spoken_for(head, doc, base)
        if ref is not None:
            return ref
        if words & DOCUMENT_NOUNS:
            return self._document_source(head, doc, base, depth)
        # "the minister", "the company's chief executive"; not "Smith's spokesman" (someone else).
        definite = any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
            or (
                c.dep_ == "poss"
                and c.ent_type_ != "PERSON"
                and c.lower_ not in PERSON_PRONOUNS | {"his", "hers"}
            )
            for c in head.children
        )
        if definite and head.tag_ in ("NN", "NNP") and words & (PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS):
            ref = self._by_role(head, doc, base, person=bool(words & PERSON_ROLE_NOUNS))
            if ref is not None:
                return ref
        if words & (GROUP_NOUNS | PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS | INSTITUTION_NOUNS):
            return self._unnamed(head, doc, base)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and {pobj.lemma_.lower(), pobj.lower_} & GROUP_NOUNS:
                        return self._unnamed(head, doc, base)
        return None

    def _spoken_for(self, head: Any, doc: Any, base: int) -> Ref | None:
        """'Senator Ruiz's campaign said', 'Okafor's aides said': the named owner speaks through them.

        A place ("Ukraine's team") or a pronoun ("his campaign") is no named owner.
        """
        for child in head.children:
            if (
                child.dep_ == "poss"
                and child.ent_type_ not in ("GPE", "NORP", "LOC")
                and child.pos_ == "PROPN"
            ):
                return self._named(child, doc, base)
        return None

    def _apposed_name(self, head: Any, doc: Any, base: int) -> Ref | None:
        """ "The commission's chairman, Wafula Chebukati,": the name speaks, the head noun phrase is the role.

        So does a name apposed to an apposed person's role: in "the rights group Lumen's director,
        Ana Ruiz, said" the parser may hang the role on "group" and the name on the role.
        """
        apposed = [c for c in head.children if c.dep_ == "appos"]
        roles = [c for c in apposed if c.lemma_.lower() in PERSON_ROLE_NOUNS]
        for child in [*apposed, *(g for c in roles for g in c.children if g.dep_ == "appos")]:
            ref = self._named(child, doc, base)
            if ref is not None and ref.named is not None:
                start, end = self._phrase_bounds(head, doc)
                role = self.chunk_text[start:end]
                self.nominals.append(Nominal(ref.named, base + start, base + end, without_article(role)))
                return ref
        return None

    def _name_recased(self, head: Any, doc: Any, base: int) -> Ref | None:
        """'Amazon Web services said': a name of several words the article gave an entity before,
        written again in another case, is that name, not a description."""
        first = head.left_edge.i
        while first < head.i and doc[first].dep_ == "det":
            first += 1
        phrase = doc[first : head.i + 1]
        if len(phrase) < 2 or not phrase[0].text[:1].isupper():
            return None
        label = self.entity_labels.get(fold(phrase.text))
        number = None if label is None else self._add_mention(doc, first, head.i + 1, label, base)
        return None if number is None else Ref(named=number)

    def _institution(self, head: Any, doc: Any, base: int) -> Ref | None:
        """'the Fed's board', 'the Polish Senate': an institution noun with a proper modifier is a name."""
        proper = [
            c
            for c in head.children
            if (
                c.dep_ in ("compound", "amod", "nmod")
                and (c.pos_ == "PROPN" or c.ent_type_)
                and c.text[:1].isupper()
            )
            or (c.dep_ == "poss" and c.ent_type_ in ("GPE", "ORG"))
        ]
        if proper:
            first = min(c.left_edge.i for c in proper)
            number = self._add_mention(doc, first, head.i + 1, "ORG", base)
            if number is not None:
                return Ref(named=number)
        return None

    def _document_source(self, head: Any, doc: Any, base: int, depth: int) -> Ref:
        """A document speaks for whoever issued it ('Trump's statement', 'the report' after 'a report by
        X'); one nobody issued is an unnamed source of its own."""
        children = list(head.children)
        owners = self._owners(head)
        for owner in owners:
            ref = self._resolve_token(owner, doc, base, depth + 1)
            if ref is not None:
                self.documents[head.lemma_.lower()] = ref
                return ref
        if any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            issued = self.documents.get(head.lemma_.lower())
            if issued is not None:
                return issued  # "the report says" after "a report by the Network"
        for child in children:
            if (
                child.dep_ in ("amod", "compound")
                and child.ent_type_ == "NORP"
                and bare(child.text) in self.roles
            ):
                return Ref(named=self.roles[bare(child.text)])
        if depth == 0 and not owners and {head.lemma_.lower(), head.lower_} & ISSUED_NOUNS:
            # an uncredited "the statement" is the last speaker's; "a memo from the office" is not
            recent = self._recent(lambda seen: seen.spoke and seen.paragraph >= self.paragraph - 1)
            if recent is not None:
                return recent
        return self._unnamed(head, doc, base)

    def _owners(self, head: Any) -> list[Any]:
        """Who issued a document: 'a statement by X', 'Trump's statement', 'the US statement'.

        An author named with "by" or "from" comes first: in "a Twitter post by Ana Ruiz" or "an
        analysis of the data by Globex" the modifier or the "of" phrase names the medium or the
        matter, the "by" phrase who wrote it."""
        authors, owners = [], []
        for child in head.children:
            if child.dep_ == "poss":
                owners.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                (owners if child.lower_ == "of" else authors).extend(objects)
            elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("ORG", "GPE", "PERSON"):
                owners.append(child)
            elif child.dep_ == "acl":
                for grandchild in child.children:
                    if grandchild.dep_ == "agent":
                        owners.extend(c for c in grandchild.children if c.dep_ == "pobj")
        return authors + owners

    def _resolve_rule(self, subject: tuple[int, int, str], doc: Any, base: int) -> Ref | None:
        """Fallback: a capitalised run is a name, a pronoun looks back, a group noun is unnamed."""
        start, end, form = subject
        text = self.chunk_text[start:end]
        if form == "pronoun":
            ref = self._pronoun(text.lower(), base + start)
            if ref is not None:
                self._mention_pronoun(ref, base + start, base + end)
            return ref
        words = text.split()
        if form == "role" and bare(words[-1]) in self.roles:
            number = self.roles[bare(words[-1])]
            self.nominals.append(Nominal(number, base + start, base + end, None))
            return Ref(named=number)
        if form in ("group", "role") or (len(words) == 1 and fold(words[0]) in GROUP_NOUNS):
            head = fold(words[-1])
            plural = head.endswith("s") and not head.endswith("ss")
            person = not plural and head in PERSON_ROLE_NOUNS
            return self._unnamed_entry(text, base + start, base + end, person, plural)
        titles = max((i + 1 for i, word in enumerate(words[:-1]) if is_title(word)), default=0)
        if titles:
            start += len(" ".join(words[:titles])) + 1
        clean_start, clean_end = clean_bounds(self.chunk_text, start, end)
        if clean_end <= clean_start:
            return None
        if (base + clean_start, base + clean_end) in self._by_span:
            return Ref(named=self._by_span[(base + clean_start, base + clean_end)])
        name = self.chunk_text[clean_start:clean_end]
        person = not any(fold(w) in ORG_WORDS for w in name.split()) and not is_acronym(name)
        role = " ".join(words[:titles]) if titles else None
        mention = Mention(
            base + clean_start, base + clean_end, name, "PERSON" if person else "ORG", self.paragraph, role
        )
        self.mentions.append(mention)
        number = len(self.mentions) - 1
        for word in (role or "").split():
            self.roles[bare(word)] = number
        self._by_span[(base + clean_start, base + clean_end)] = number
        if person and len(name.split()) >= 2:
            self.person_words.add(fold(name.split()[-1]))
        return Ref(named=number)
