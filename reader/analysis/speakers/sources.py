"""Unnamed sources, role nouns and pronouns: speakers found through what came before."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.absolute import speaking
from reader.analysis.speakers.gender import role_gender
from reader.analysis.speakers.mentions import Mentions
from reader.analysis.speakers.names import Mention, fold
from reader.analysis.speakers.refs import (
    HISTORY_SIZE,
    MAX_LABEL_WORDS,
    PRONOUN_REACH,
    ROLE_STEM,
    Nominal,
    Ref,
    Seen,
    Unnamed,
)
from reader.analysis.speakers.speech_verbs import (
    ORG_ANAPHORS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
)
from reader.analysis.speakers.wording import bare, without_article

# Verbs saying a speaker goes on: whoever "added" is whoever spoke just before.
_SAYS_MORE = frozenset({"add", "continue", "elaborate", "reiterate"})

# Words that make a role a lower rank than its noun alone: a vice president is not "the president".
SUBORDINATE_RANKS = frozenset("vice deputy assistant associate under lieutenant".split())


class Sources(Mentions):
    """Resolves descriptions and pronouns against the pronoun history and the roles seen so far."""

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

    def _pronoun(self, lower: str, at: int) -> Ref | None:
        """The speaker a pronoun at document offset ``at`` means: the latest compatible one before it.

        "he"/"she" skip a person of the other gender; a person named in a sentence after the latest
        fitting subject's, whose gender is known to fit, wins over a subject of unknown gender ("Lund
        spoke first. Then Paul Varga was handed the microphone. He said ..."), and is the one meant
        when no subject fits. Not a name in the subject's own sentence: in "Lund toured Paul Varga's
        yard. He said ..." the subject is meant (on PolNeAR train 1-500, 9 of 11 such pronoun cues
        were the subject's). Not over a subject who spoke: in "Lund, who met Paul Varga, said the
        plan failed. '...,' he said" Lund speaks on.
        """
        if lower in PERSON_PRONOUNS:
            wanted = "f" if lower in ("she", "her") else "m"
            found = self._recent(lambda seen: seen.person and self._gender(seen.ref) in (wanted, None))
            named = self._named_person(wanted, at)
            if found is None or (
                named is not None
                and self._gender(found) is None
                and self._recent(lambda seen: seen.spoke and seen.ref == found) is None
                and found.named is not None
                and named.named is not None
                and self.mentions[named.named].sentence > self.mentions[found.named].sentence
            ):
                return named
            return found
        if lower in PLURAL_PRONOUNS:
            return self._recent(lambda seen: seen.plural or (not seen.person and seen.spoke))
        return self._recent(lambda seen: not seen.person and not seen.plural)

    def _gender(self, ref: Ref) -> str | None:
        if ref.named is not None:
            mention = self.mentions[ref.named]
            return mention.gender or self.genders.get(fold(mention.text.split()[-1]))
        return role_gender(self.unnamed[ref.unnamed or 0].label)

    def _named_person(self, gender: str, before: int) -> Ref | None:
        """The latest person name before this offset, within reach, whose gender is known to be ``gender``."""
        for number in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[number]
            if self.paragraph - mention.paragraph > PRONOUN_REACH:
                break
            ref = Ref(named=number)
            if number in self.reported_mentions:
                continue  # a name in someone's quoted or reported words is whom they talk about
            if mention.start < before and self._traits(ref)[0] and self._gender(ref) == gender:
                return ref
        return None

    def _mention_pronoun(self, ref: Ref, start: int, end: int) -> None:
        """A resolved pronoun is one more mention of its speaker (document offsets)."""
        if ref.named is not None:
            self.nominals.append(Nominal(ref.named, start, end, None, pronoun=True))
        else:
            self.unnamed[ref.unnamed or 0].pronouns.append((start, end))

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
            # "the prime minister" is not "Health Minister Carla Mendes", "the president" not "Vice
            # President Ana Ruiz": an earlier holder of the role may fit.
            number = self._earlier_holder(head, number)
        start, end = self._phrase_bounds(head, doc, limit=2 * MAX_LABEL_WORDS)
        anaphor = bool({head.lemma_.lower(), head.lower_} & ORG_ANAPHORS)
        if (
            anaphor
            and number is not None
            and fold(self.mentions[number].text) in (head.lower_, head.lemma_.lower())
        ):
            number = None  # "Bank executives ..." made "Bank" a name; "the bank" is the one named before
        if anaphor and not (number is not None and self._names_noun(self.mentions[number], head)):
            # "Europol said ... . ..., the agency said": the organisation that just spoke, or was the
            # subject of a sentence, comes first ("Nordvik posted a loss. The firm said"); one whose
            # name holds the noun ("the Coastal Agency" for "the agency") before either.
            recent = self._recent(
                lambda seen: (
                    not seen.person and seen.ref.named is not None and seen.paragraph >= self.paragraph - 1
                )
            )
            number = recent.named if recent is not None else number
        if number is None and anaphor:
            number = self._latest_org(base + start)
        if number is not None:
            self.nominals.append(Nominal(number, base + start, base + end, None))
            return Ref(named=number)
        if person:
            again = self._speaker_again(head, base)
            if again is not None:
                self.nominals.append(Nominal(again, base + start, base + end, None))
                return Ref(named=again)
        if not person or not any(c.dep_ == "prep" for c in head.rights):
            return None
        # A described role right after a speaker's quote is that speaker put another way:
        # '"...," says the head of the research group at ...'.
        recent = self._recent(lambda seen: seen.spoke and seen.person and seen.paragraph == self.paragraph)
        if recent is not None and recent.named is not None:
            role = without_article(self.chunk_text[start:end])
            self.nominals.append(Nominal(recent.named, base + start, base + end, role))
            return recent
        return None

    def _speaker_again(self, head: Any, base: int) -> int | None:
        """'"...," said co-author Ana Ruiz. The Lisbon professor added, "..."': a definite role noun
        that goes on speaking ("added", "continued") in the sentence right after a named person's
        cue, in the same paragraph, with no other person named between, is that person described
        another way (annotation guide: a nominal is a named speaker's mention when the article makes
        the link clear). A role that merely speaks next may be someone else: in '"...," said coach Ana
        Ruiz. The president said ...' the club's president answers."""
        if (
            self.last_cue is None
            or head.head.lemma_.lower() not in _SAYS_MORE
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            return None
        ref, _, sentence_end = self.last_cue
        here = base + head.sent.start_char
        if ref.named is None or not self._traits(ref)[0] or not base <= sentence_end <= here:
            return None
        if self.chunk_text[sentence_end - base : head.sent.start_char].strip():
            return None  # another sentence between
        wanted = role_gender(head.text)
        if wanted is not None and self._gender(ref) not in (wanted, None):
            return None
        speaker = fold(self.mentions[ref.named].text.split()[-1])
        for number in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[number]
            if mention.start < self.last_cue[1]:
                break
            if (
                mention.start
                < base + head.left_edge.idx  # not a modifier of its own ("The Wooster professor")
                and self._traits(Ref(named=number))[0]
                and fold(mention.text.split()[-1]) != speaker
            ):
                return None  # someone else named since
        return ref.named

    @staticmethod
    def _names_noun(mention: Mention, head: Any) -> bool:
        """The organisation's own name holds the noun: 'the union' for 'the Harbour Workers Union' (not a
        bare 'Bank', which is the noun itself)."""
        return (
            mention.label != "PERSON"
            and len(mention.text.split()) >= 2
            and bool({head.lemma_.lower(), head.lower_} & {fold(w) for w in mention.text.split()})
        )

    def _earlier_holder(self, head: Any, latest: int) -> int | None:
        """The latest mention before ``latest`` whose role has the noun and fits (no reach limit, as for
        the latest holder)."""
        word = head.lemma_.lower()
        for number in range(latest - 1, -1, -1):
            mention = self.mentions[number]
            if word in {bare(w) for w in (mention.role or "").split()} and self._role_fits(head, mention):
                return number
        return None

    @staticmethod
    def _role_fits(head: Any, mention: Mention) -> bool:
        """Every modifier of the role noun is in the speaker's role: 'the Russian expert' fits
        'Russia expert Margarete Klein' (same stem), 'the prime minister' does not fit 'Health Minister';
        and a lower rank written before the noun in the role is in the description too: 'the president'
        is not 'Vice President Ana Ruiz'."""
        role = [bare(w) for w in (mention.role or "").split()]
        said = {c.lower_ for c in head.children if c.i < head.i}
        for before, word in zip(role, role[1:], strict=False):
            if word == head.lemma_.lower() and before in SUBORDINATE_RANKS and before not in said:
                return False
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
            if child.dep_ in ("relcl", "punct", "appos", "cc", "conj", "case") or speaking(child):
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

    def _some_people(self, head: Any, base: int, first: int | None = None) -> Ref:
        """'Some of his advisers', 'those close to him', 'others': an unnamed group, the whole phrase
        (relative clause too: 'those who know him') its label when it is short enough; ``first`` starts
        it earlier ('More than half of ...')."""
        first, last = head.i if first is None else first, head.right_edge.i
        last = min([last] + [c.left_edge.i - 1 for c in head.rights if speaking(c)])
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
