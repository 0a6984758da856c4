"""Speakers and quotes: who says what in the article (annotation guide, section 1).

Per paragraph the layer registers every proper-name mention, finds the cues
(reporting verbs, "according to"), resolves each cue's subject to a speaker
reference (a name, an unnamed source such as "a spokesman", a role noun such
as "the Ukrainian president" tied to a named speaker, or a pronoun bound to
the nearest compatible speaker before it) and pairs cues with quotation marks.
Only plain data survives a paragraph: mention offsets and strings, a short
history for pronouns, and a quote left open at the paragraph end (a quote that
runs on into the next paragraph). Names are grouped into people and
organisations once at the end, when every form is known; only those whose
words or views are reported become speakers.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.context import Chunk, Results
from reader.analysis.model import Quote, Speaker, TextSpan
from reader.analysis.speakers.cue import Cue
from reader.analysis.speakers.cues import find_cues
from reader.analysis.speakers.names import (
    Mention,
    clean_bounds,
    cluster_mentions,
    fold,
    initials,
    is_acronym,
    is_title,
    name_words,
    near_spelling,
    split_title,
)
from reader.analysis.speakers.quote_marks import find_quoted
from reader.analysis.speakers.quotes import Draft, attribute
from reader.analysis.speakers.speech_verbs import (
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    ISSUED_NOUNS,
    ORG_ANAPHORS,
    ORG_ROLE_NOUNS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
)

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# How far back (in paragraphs) a pronoun or an uncued quote may look for its speaker.
PRONOUN_REACH = 3
HISTORY_SIZE = 64
MAX_LABEL_WORDS = 12
ROLE_STEM = 5  # letters a role modifier shares with the speaker's role: "Russian" ~ "Russia"


@dataclass(frozen=True)
class Ref:
    """A speaker before grouping: a name mention (``named``) or an unnamed source (``unnamed``)."""

    named: int | None = None
    unnamed: int | None = None


@dataclass
class Unnamed:
    label: str
    person: bool
    plural: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Nominal:
    """A role noun phrase resolved to a named speaker ("the Ukrainian president")."""

    mention: int
    start: int
    end: int
    role: str | None


@dataclass
class Seen:
    """One entry of the pronoun history."""

    ref: Ref
    paragraph: int
    person: bool
    plural: bool
    spoke: bool


class SpeakersLayer:
    requires = ("text",)
    produces = ("speakers", "quotes")

    def __init__(self, results: Results) -> None:
        self.results = results
        self.text = results.text
        self.mentions: list[Mention] = []
        self.unnamed: list[Unnamed] = []
        self.unnamed_keys: dict[str, int] = {}
        self.nominals: list[Nominal] = []
        self.documents: dict[str, Ref] = {}  # a document noun -> who issued the last one credited
        self.roles: dict[str, int] = {}  # a role or organisation word -> latest mention carrying it
        self.person_words: set[str] = set()
        self.entity_labels: dict[str, str] = {}  # folded entity text -> its NER label
        self.history: deque[Seen] = deque(maxlen=HISTORY_SIZE)
        self.drafts: list[Draft[Ref]] = []  # document offsets
        self.pending: Draft[Ref] | None = None  # a quote still open at the last paragraph's end
        self.pending_paragraph = -1
        self.last_speaker: tuple[Ref, int] | None = None  # (speaker of the last quote, its paragraph)
        self.announced: tuple[Ref, int] | None = None  # (speaker whose cue ended a paragraph with ":", it)
        self.paragraph = -1
        self._by_span: dict[tuple[int, int], int] = {}
        self.chunk_text = ""
        self.ents: list[Any] = []  # the chunk's entities

    # ------------------------------------------------------------------
    # Streaming

    def feed(self, chunk: Chunk) -> None:
        doc, base = chunk.doc, chunk.start
        self.paragraph = chunk.paragraph
        self.chunk_text = chunk.text
        self.ents = chunk.ents
        self._by_span = {}
        parsed = self.results.has_parser
        if self.results.has_ner:
            self._register_entities(doc, base)
        same_paragraph = self.pending is not None and chunk.paragraph == self.pending_paragraph
        quoted = find_quoted(self.chunk_text, open_at_start=same_paragraph)
        spans = [(max(q.start, 0), q.end) for q in quoted]
        cues = find_cues(doc, self.chunk_text, spans, parsed)
        subjects = self._person_subjects(doc, base) if parsed else []
        refs = []
        for cue in cues:
            while subjects and subjects[0][0] < cue.verb_start:
                self._remember(subjects.pop(0)[1], spoke=False)
            refs.append(self._resolve_cue(cue, doc, base, _beside_quote(cue, self.chunk_text, spans)))
        for _, ref in subjects:
            self._remember(ref, spoke=False)
        continues = self.pending is not None and bool(quoted) and quoted[0].start <= 0
        previous = None
        if self.announced is not None and chunk.paragraph - self.announced[1] == 1:
            previous = self.announced[0]
        elif self.last_speaker is not None and chunk.paragraph - self.last_speaker[1] <= 1:
            previous = self.last_speaker[0]
        drafts = attribute(
            self.chunk_text, quoted, cues, refs, previous, relaxed=not parsed, continues=continues
        )
        self.announced = self._announcement(cues, refs, drafts)
        if self.pending is not None and not continues:
            self._emit(self.pending)
            self.pending = None
        for number, draft in enumerate(drafts):
            draft = Draft(
                draft.start + base,
                draft.end + base,
                draft.kind,
                (draft.cue[0] + base, draft.cue[1] + base) if draft.cue else None,
                draft.ref,
                draft.closed,
            )
            if number == 0 and continues and self.pending is not None:
                draft = self._join(self.pending, draft)
                self.pending = None
            if not draft.closed and number == len(drafts) - 1:
                self.pending = draft
                self.pending_paragraph = chunk.paragraph
            else:
                self._emit(draft)

    def _announcement(
        self, cues: list[Cue], refs: list[Ref | None], drafts: list[Draft[Ref]]
    ) -> tuple[Ref, int] | None:
        """'Hrafnsson also told RT:' closing a paragraph: the quote opening the next one is theirs."""
        if not cues or not self.chunk_text.rstrip().endswith(":"):
            return None
        cue, ref = cues[-1], refs[-1]
        if ref is None or any(draft.end > cue.verb_start for draft in drafts):
            return None  # no speaker, or the cue's words are already in this paragraph
        return ref, self.paragraph

    def finish(self) -> None:
        if self.pending is not None:
            self._emit(self.pending)
            self.pending = None
        self._publish()

    def _emit(self, draft: Draft[Ref]) -> None:
        self.drafts.append(draft)
        if draft.ref is not None:
            self.last_speaker = (draft.ref, self.paragraph)

    @staticmethod
    def _join(opened: Draft[Ref], more: Draft[Ref]) -> Draft[Ref]:
        """A quote reopened in a new paragraph: one quote, the first known speaker and cue."""
        return Draft(
            opened.start, more.end, opened.kind, opened.cue or more.cue, opened.ref or more.ref, more.closed
        )

    # ------------------------------------------------------------------
    # Mentions

    def _register_entities(self, doc: Any, base: int) -> None:
        for ent in self.ents:
            if ent.label_ in NAME_LABELS:
                self._add_mention(doc, ent.start, ent.end, ent.label_, base)

    def _add_mention(self, doc: Any, first: int, last: int, label: str, base: int) -> int | None:
        """Register tokens [first, last) as a name; titles inside it go to the role."""
        text = self.chunk_text
        span = doc[first:last]
        start, end = clean_bounds(text, span.start_char, span.end_char)
        words = text[start:end].split()
        while len(words) >= 2 and fold(words[-1]) in HEADLINE_VERBS:
            # A headline's "Obama Says Police ...": NER takes the verb into the name.
            end = start + len(text[start:end].rstrip()[: -len(words[-1])].rstrip())
            words.pop()
        if not words:
            return None
        titles = split_title(words) if label != "ORG" else 0
        if titles:
            start += len(" ".join(words[:titles])) + 1
        if len(words) - titles == 1 and len(words[-1].strip(".")) == 1:
            return None  # a lone letter ("said X", "Plan B") is never a speaker's name
        if (base + start, base + end) in self._by_span:
            return self._by_span[(base + start, base + end)]
        lead_start, lead, appositions = self._role(doc, span, start)
        role = "; ".join(part for part in (lead, *appositions) if part) or None
        end, acronym = _with_acronym(text, start, end)
        hint = bool(lead) and _reads_as_role(lead.split()[-1])
        full = text[lead_start:end] if lead else None
        mention = Mention(
            base + start, base + end, text[start:end], label, self.paragraph, role, full, hint, acronym
        )
        self.mentions.append(mention)
        number = len(self.mentions) - 1
        self._by_span[(base + start, base + end)] = number
        if label != "NAME":
            self.entity_labels.setdefault(fold(mention.text), label)
        name = mention.text.split()
        if len(name) >= 2 and (label == "PERSON" or (label == "ORG" and _person_like(name))):
            self.person_words.add(fold(name[-1]))
        for word in (role or "").split() + (name if label == "ORG" else []):
            self.roles[_bare(word)] = number
        return number

    def _role(self, doc: Any, span: Any, name_start: int) -> tuple[int, str, list[str]]:
        """Where the words before the name start, the role they give, and appositions after it.

        "German Foreign Minister Johann Wadephul" -> "German Foreign Minister";
        "Klein, head of the research group," -> "head of the research group".
        """
        text = self.chunk_text
        root = span.root
        lead_start = name_start
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
        lead = _without_honorifics(text[lead_start:name_start].strip(" ,"))
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
        if head.pos_ not in ("NOUN", "PROPN") or not _reads_as_role(head.text):
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

    def _person_subjects(self, doc: Any, base: int) -> list[tuple[int, Ref]]:
        """Grammatical subjects a later pronoun may mean: named people, and groups for 'they'.

        "Mayor Ana Lopez toured the harbour. ... she said": Lopez is a candidate
        for "she" although no reporting verb bound her yet.
        """
        found = []
        nsubj = doc.vocab.strings["nsubj"]
        for i, dep in enumerate(doc.to_array("DEP").tolist()):
            if dep != nsubj:
                continue  # most tokens: never made into Token objects
            token = doc[i]
            known = fold(token.text) in self.person_words
            if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and (not token.ent_type_ or known)):
                # A lone capitalised subject counts only as a surname already seen in a full name:
                # NER calls "Turnout was 61%" a person and "Horák conceded" an organisation.
                full = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
                ref = self._named(token, doc, base) if known or full else None
                if ref is not None and self._traits(ref)[0]:
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
        return found

    # ------------------------------------------------------------------
    # Resolving a cue's subject

    def _resolve_cue(self, cue: Cue, doc: Any, base: int, beside_quote: bool) -> Ref | None:
        if cue.subject is None:
            return None
        if isinstance(cue.subject, tuple):
            ref = self._resolve_rule(cue.subject, doc, base)
        else:
            ref = self._resolve_token(cue.subject, doc, base, depth=0)
            if ref is None and (cue.content is not None or beside_quote) and _describes_source(cue.subject):
                # Whatever noun phrase reports a clause or a quotation is its source ("the campaign
                # says ...", "according to exit polls", '"...," the ad's narrator says'): an unnamed
                # speaker with that description.
                ref = self._unnamed(cue.subject, doc, base)
        if ref is not None:
            self._remember(ref, spoke=True)
        return ref

    def _remember(self, ref: Ref, spoke: bool) -> None:
        person, plural = self._traits(ref)
        self.history.append(Seen(ref, self.paragraph, person, plural, spoke))

    def _traits(self, ref: Ref) -> tuple[bool, bool]:
        if ref.named is not None:
            mention = self.mentions[ref.named]
            person = mention.is_person_label or fold(mention.text.split()[-1]) in self.person_words
            if mention.label != "PERSON" and any(fold(w) in ORG_WORDS for w in mention.text.split()):
                person = False
            return person, False
        entry = self.unnamed[ref.unnamed or 0]
        return entry.person, entry.plural

    def _resolve_token(self, head: Any, doc: Any, base: int, depth: int) -> Ref | None:
        if depth > 3:
            return None
        lower = head.lower_
        if lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(lower)
        if lower in QUANTIFIER_SUBJECTS and (
            lower in BARE_QUANTIFIER_SOURCES or any(c.dep_ in QUANTIFIER_MODIFIERS for c in head.children)
        ):
            return self._some_people(head, base)
        if head.pos_ == "PRON":
            return None
        inner = self._name_inside(head, doc)
        if inner is not None and inner is not head:
            return self._named(inner, doc, base)
        named = self._named(head, doc, base)
        if named is not None:
            return named
        lemma = head.lemma_.lower()
        words = {lemma, head.lower_}
        children = list(head.children)
        for child in children:
            if child.dep_ == "appos":
                ref = self._named(child, doc, base)
                if ref is not None and ref.named is not None:
                    # "The commission's chairman, Wafula Chebukati,": the head noun phrase is the role.
                    start, end = self._phrase_bounds(head, doc)
                    role = self.chunk_text[start:end]
                    self.nominals.append(Nominal(ref.named, base + start, base + end, _without_article(role)))
                    return ref
        if words & INSTITUTION_NOUNS:
            proper = [
                c
                for c in children
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
        if words & DOCUMENT_NOUNS:
            for owner in self._owners(head):
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
                    and _bare(child.text) in self.roles
                ):
                    return Ref(named=self.roles[_bare(child.text)])
            if words & ISSUED_NOUNS:
                recent = self._recent(lambda seen: seen.spoke and seen.paragraph >= self.paragraph - 1)
                if recent is not None:
                    return recent
            return self._unnamed(head, doc, base)
        # "the minister", "the company's chief executive"; not "Smith's spokesman" (someone else).
        definite = any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
            or (
                c.dep_ == "poss"
                and c.ent_type_ != "PERSON"
                and c.lower_ not in PERSON_PRONOUNS | {"his", "hers"}
            )
            for c in children
        )
        if definite and head.tag_ in ("NN", "NNP") and words & (PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS):
            ref = self._by_role(head, doc, base, person=bool(words & PERSON_ROLE_NOUNS))
            if ref is not None:
                return ref
        if words & (GROUP_NOUNS | PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS | INSTITUTION_NOUNS):
            return self._unnamed(head, doc, base)
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and {pobj.lemma_.lower(), pobj.lower_} & GROUP_NOUNS:
                        return self._unnamed(head, doc, base)
        return None

    @staticmethod
    def _name_inside(head: Any, doc: Any) -> Any | None:
        """The name inside a subject headed by a title or a coordination.

        "Former US Ambassador to the United Nations Nikki Haley": the name ends
        the phrase; "Tesco and Salling Group": the first of joint speakers.
        """
        tokens = [t for t in head.subtree if t.i <= head.i]
        joined = any(
            t.dep_ == "cc"
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
            if not any(t.text in (",", "(") for t in doc[head.i : start]):
                return last
        return None

    def _owners(self, head: Any) -> list[Any]:
        """Who issued a document: 'Trump's statement', 'a statement by X', 'the US statement'."""
        owners = []
        for child in head.children:
            if child.dep_ == "poss":
                owners.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                owners.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("ORG", "GPE", "PERSON"):
                owners.append(child)
            elif child.dep_ == "acl":
                for grandchild in child.children:
                    if grandchild.dep_ == "agent":
                        owners.extend(c for c in grandchild.children if c.dep_ == "pobj")
        return owners

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
                number = self._add_mention(doc, ent.start, ent.end, ent.label_, base)
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

    def _pronoun(self, lower: str) -> Ref | None:
        if lower in PERSON_PRONOUNS:
            return self._recent(lambda seen: seen.person)
        if lower in PLURAL_PRONOUNS:
            return self._recent(lambda seen: seen.plural or not seen.person)
        return self._recent(lambda seen: not seen.person and not seen.plural)

    def _recent(self, accept: Any) -> Ref | None:
        for seen in reversed(self.history):
            if self.paragraph - seen.paragraph > PRONOUN_REACH:
                break
            if accept(seen):
                return seen.ref
        return None

    def _by_role(self, head: Any, doc: Any, base: int, person: bool) -> Ref | None:
        """'the Ukrainian president' -> the speaker the article gave that role or name word."""
        number = self.roles.get(head.lemma_.lower())
        if number is not None and not person and self._traits(Ref(named=number))[0]:
            number = None  # "the council" is not the person whose role is "council leader"
        if number is not None and not self._role_fits(head, self.mentions[number]):
            number = None  # "the prime minister" is not "Health Minister Carla Mendes"
        start, end = self._phrase_bounds(head, doc, limit=2 * MAX_LABEL_WORDS)
        anaphor = bool({head.lemma_.lower(), head.lower_} & ORG_ANAPHORS)
        if anaphor:
            # "Europol said ... . ..., the agency said": the organisation that just spoke comes first
            spoke = self._recent(
                lambda seen: (
                    seen.spoke
                    and not seen.person
                    and seen.ref.named is not None
                    and seen.paragraph >= self.paragraph - 1
                )
            )
            number = spoke.named if spoke is not None else number
        if number is None and anaphor:
            number = self._latest_org(base + start)
        if number is not None:
            self.nominals.append(Nominal(number, base + start, base + end, None))
            return Ref(named=number)
        if not person or not any(c.dep_ == "prep" for c in head.rights):
            return None
        # A described role right after a speaker's quote is that speaker put another way:
        # '"...," says the head of the research group at ...'.
        recent = self._recent(lambda seen: seen.spoke and seen.person and seen.paragraph == self.paragraph)
        if recent is not None and recent.named is not None:
            role = _without_article(self.chunk_text[start:end])
            self.nominals.append(Nominal(recent.named, base + start, base + end, role))
            return recent
        return None

    @staticmethod
    def _role_fits(head: Any, mention: Mention) -> bool:
        """Every modifier of the role noun is in the speaker's role: 'the Russian expert' fits
        'Russia expert Margarete Klein' (same stem), 'the prime minister' does not fit 'Health Minister'."""
        described = [fold(w)[:ROLE_STEM] for w in f"{mention.role or ''} {mention.full or ''}".split()]
        for child in head.children:
            if child.dep_ in ("amod", "compound") and child.i < head.i and child.is_alpha:
                if fold(child.text)[:ROLE_STEM] not in described:
                    return False
        return True

    def _latest_org(self, before: int) -> int | None:
        """The organisation named last before this offset, in this paragraph or the one before.

        "Novapharm Inc. recalled the pills, the company said": "the company" is Novapharm.
        """
        for number in range(len(self.mentions) - 1, max(-1, len(self.mentions) - 1 - HISTORY_SIZE), -1):
            mention = self.mentions[number]
            if self.paragraph - mention.paragraph > 1:
                break
            if mention.label == "ORG" and mention.start < before and not mention.person_hint:
                return number
        return None

    def _phrase_bounds(self, head: Any, doc: Any, limit: int = MAX_LABEL_WORDS) -> tuple[int, int]:
        """The noun phrase of a subject without relative clauses or trailing commas."""
        first = head.left_edge.i
        last = head.i
        for child in head.rights:
            if child.dep_ in ("relcl", "punct", "appos", "cc", "conj", "case"):
                break  # "case": the possessive of "The bank's statement" is not part of the mention
            last = child.right_edge.i
        if last - first + 1 > limit:
            last = head.i
        while last > head.i and doc[last].is_punct and doc[last].text not in (")",):
            last -= 1
        start = doc[first].idx
        end = doc[last].idx + len(doc[last].text)
        return start, end

    def _unnamed(self, head: Any, doc: Any, base: int) -> Ref:
        start, end = self._phrase_bounds(head, doc)
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS") or lemma in ("police", "media")
        person = not plural and lemma in PERSON_ROLE_NOUNS
        return self._unnamed_entry(self.chunk_text[start:end], base + start, base + end, person, plural)

    def _some_people(self, head: Any, base: int) -> Ref:
        """'Some of his advisers', 'those close to him', 'others': an unnamed group, the whole phrase
        (relative clause too: 'those who know him') its label when it is short enough."""
        first, last = head.i, head.right_edge.i
        if last - first + 1 > MAX_LABEL_WORDS:
            last = head.i
        start, end = head.doc[first].idx, head.doc[last].idx + len(head.doc[last].text)
        return self._unnamed_entry(self.chunk_text[start:end], base + start, base + end, False, True)

    def _unnamed_entry(self, label: str, start: int, end: int, person: bool, plural: bool) -> Ref:
        words = label.split()
        key = " ".join(
            fold(w) for w in (words[1:] if words and fold(words[0]) in ("a", "an", "the") else words)
        )
        number = self.unnamed_keys.get(key)
        if number is None or label.split()[0].lower() in ("a", "an"):
            self.unnamed.append(Unnamed(label, person, plural))
            number = len(self.unnamed) - 1
            self.unnamed_keys[key] = number
        self.unnamed[number].mentions.append((start, end))
        return Ref(unnamed=number)

    def _resolve_rule(self, subject: tuple[int, int, str], doc: Any, base: int) -> Ref | None:
        """Fallback: a capitalised run is a name, a pronoun looks back, a group noun is unnamed."""
        start, end, form = subject
        text = self.chunk_text[start:end]
        if form == "pronoun":
            return self._pronoun(text.lower())
        words = text.split()
        if form == "role" and _bare(words[-1]) in self.roles:
            number = self.roles[_bare(words[-1])]
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
            self.roles[_bare(word)] = number
        self._by_span[(base + clean_start, base + clean_end)] = number
        if person and len(name.split()) >= 2:
            self.person_words.add(fold(name.split()[-1]))
        return Ref(named=number)

    # ------------------------------------------------------------------
    # Publishing

    def _publish(self) -> None:
        text = self.text
        clusters, owner = cluster_mentions(self.mentions)
        nominals: dict[int, list[Nominal]] = {}
        for nominal in self.nominals:
            nominals.setdefault(owner[nominal.mention], []).append(nominal)
        drafts = sorted(self.drafts, key=lambda d: (d.start, d.end))
        spoke_named = {
            owner[d.ref.named]
            for d in drafts
            if d.ref and d.ref.named is not None and owner[d.ref.named] >= 0
        }
        spoke_unnamed = {d.ref.unnamed for d in drafts if d.ref and d.ref.unnamed is not None}
        entries: list[tuple[int, str, int]] = []  # (first offset, "named"/"unnamed", index)
        for cid in spoke_named:
            first = min(self.mentions[m].start for m in clusters[cid].members)
            entries.append((first, "named", cid))
        for number in spoke_unnamed:
            entries.append((min(s for s, _ in self.unnamed[number].mentions), "unnamed", number))
        entries.sort()
        ids: dict[tuple[str, int], str] = {}
        for position, (_, form, index) in enumerate(entries):
            speaker_id = f"p{position}"
            ids[(form, index)] = speaker_id
            if form == "named":
                self.results.speakers.append(
                    self._named_speaker(speaker_id, clusters[index], nominals.get(index, []))
                )
            else:
                entry = self.unnamed[index]
                spans = [TextSpan.of(text, s, e) for s, e in sorted(set(entry.mentions))]
                aliases = _distinct(s.text for s in spans if s.text != entry.label)
                self.results.speakers.append(
                    Speaker(speaker_id, None, entry.label, None, "unnamed", spans, aliases)
                )
        seen: set[tuple[int, int]] = set()
        for draft in drafts:
            start, end = _trim(text, draft.start, draft.end)
            if end <= start or (start, end) in seen:
                continue
            seen.add((start, end))
            speaker = None
            if draft.ref is not None and draft.ref.named is not None and owner[draft.ref.named] >= 0:
                speaker = ids.get(("named", owner[draft.ref.named]))
            elif draft.ref is not None and draft.ref.unnamed is not None:
                speaker = ids.get(("unnamed", draft.ref.unnamed))
            cue = TextSpan.of(text, *draft.cue) if draft.cue else None
            self.results.quotes.append(
                Quote(f"q{len(self.results.quotes)}", speaker, draft.kind, start, end, text[start:end], cue)
            )

    def _named_speaker(self, speaker_id: str, cluster: Any, nominals: list[Nominal]) -> Speaker:
        text = self.text
        members = [self.mentions[m] for m in cluster.members]
        spans = {(m.start, m.end) for m in members} | {(n.start, n.end) for n in nominals}
        mentions = [TextSpan.of(text, s, e) for s, e in sorted(spans)]
        roles = _distinct(
            [r for m in members if m.role for r in m.role.split("; ")] + [n.role for n in nominals if n.role]
        )
        forms = (
            [m.text for m in members]
            + [m.full for m in members if m.full]
            + [text[n.start : n.end] for n in nominals]
        )
        aliases = _distinct(f for f in forms if f != cluster.canonical)
        kind = "person" if cluster.person else "organisation"
        return Speaker(speaker_id, cluster.canonical, None, "; ".join(roles) or None, kind, mentions, aliases)


_ACRONYM_TAIL = re.compile(
    r"((?:\s+(?:of|from|for|and|on|the|de|du|des|la)?\s*[A-Z][\w\-]*)*)\s+\(([A-Z]{2,6})\)"
)


# Quantifiers and demonstratives standing for people: "some of his advisers", "those close to him",
# "many in the party say"; "some" and "others" speak even alone ("some say").
QUANTIFIER_SUBJECTS = frozenset("some many most several few those others all both".split())
BARE_QUANTIFIER_SOURCES = frozenset({"some", "others"})
QUANTIFIER_MODIFIERS = frozenset({"prep", "amod", "relcl", "acl"})

# Verb forms that end a headline's subject ("Obama Says ...") and are never the end of a name;
# "States", "Reports" or "Posts" are, so the wider speech forms are not used here.
HEADLINE_VERBS = frozenset("says said tells told warns warned asks asked urges urged denies denied".split())


def _beside_quote(cue: Cue, text: str, quoted: list[tuple[int, int]]) -> bool:
    """Only punctuation and spaces between the cue's phrase and a quotation mark on either side."""
    return any(
        (end <= cue.phrase_start and not text[end : cue.phrase_start].strip(" ,:;—–"))
        or (cue.phrase_end <= start and not text[cue.phrase_end : start].strip(" ,:;—–"))
        for start, end in quoted
    )


def _describes_source(head: Any) -> bool:
    """A noun heading a phrase that can report words: not a pronoun, a figure-less "this", or a time."""
    return head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "TIME", "ORDINAL", "MONEY")


def _reads_as_role(word: str) -> bool:
    """A title ("Minister") or a word for what a person does ("analyst")."""
    return is_title(word) or fold(word) in PERSON_ROLE_NOUNS


def _with_acronym(text: str, start: int, end: int) -> tuple[int, str | None]:
    """A name written with its acronym, "Notes from Poland (NFP)": the full name's end and the acronym.

    NER sometimes stops short ("Notes"); the acronym's letters show how far the name runs.
    """
    match = _ACRONYM_TAIL.match(text, end)
    if not match:
        return end, None
    acronym = match.group(2)
    name_end = end + len(match.group(1))
    name = text[start:name_end]
    if fold(acronym) in initials(name_words(name), name):
        return name_end, acronym
    if (
        fold(acronym) in initials(name_words(text[start:end]), text[start:end])
        or len(text[start:end].split()) == 1
    ):
        return end, acronym if not match.group(1) else None
    return end, None


def _person_like(words: list[str]) -> bool:
    """Two or three capitalised words with no organisation word: a name NER may have called ORG."""
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and fold(w) not in ORG_WORDS for w in words
    )


_HONORIFICS = frozenset({"mr", "mrs", "ms", "mme", "dr", "prof", "sir", "dame"})


def _without_honorifics(lead: str) -> str:
    """Role words without a trailing "Dr." or "Mr.": forms of address, not roles."""
    words = lead.split()
    while words and fold(words[-1]).rstrip(".") in _HONORIFICS:
        words.pop()
    return " ".join(words)


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else phrase


def _bare(word: str) -> str:
    """A word as a role key: folded, without brackets or a possessive ending."""
    word = fold(word).strip("()[],;:")
    return word[:-2] if word.endswith("'s") else word


def _distinct(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t,;:":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end
