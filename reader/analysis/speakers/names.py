"""Proper-name mentions and how they group into one person or organisation.

Mentions are collected while the paragraphs stream past (plain data: offsets
and strings); grouping runs once at the end, when every form is known, so a
surname seen before the full name still joins it. The rules: a full name
gathers its surname, its first name when used alone (Korean, Arabic usage),
spellings that differ only by diacritics, and acronyms; two full names that
differ in any word (Kim Jong Un / Kim Jong Il) are never merged.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field

from reader.analysis.speakers.speech_verbs import OCCUPATIONS, ORG_WORDS, TITLES

_NAME_CHARS = re.compile(r"[^\W\d_](?:[\w.'’\-]*[^\W_])?|\d+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le", "von", "van", "&"})


@dataclass(slots=True)
class Mention:
    """One proper-name mention: where it is, what NER called it, what the text says about it."""

    start: int
    end: int
    text: str
    label: str  # NER label, or "NAME" when found by rules
    paragraph: int
    role: str | None = None
    full: str | None = None  # role + name as written ("Russia expert Margarete Klein")
    person_hint: bool = False  # a person role noun or a speech verb binds it as a person
    acronym: str | None = None  # "(SDF)" written right after the name
    gender: str | None = None  # "m" or "f" when the article says so (see gender.py)
    sentence: int = -1  # document offset where its sentence starts (-1: not parsed)

    def __post_init__(self) -> None:
        """A long text names the same people hundreds of times: one string per distinct form (issue 22)."""
        self.text = sys.intern(self.text)
        if self.role is not None:
            self.role = sys.intern(self.role)
        if self.full is not None:
            self.full = sys.intern(self.full)

    @property
    def is_person_label(self) -> bool:
        return self.label == "PERSON" or self.person_hint


def fold(text: str) -> str:
    """Case, diacritics and dots removed: 'Erdoğan' == 'Erdogan', 'U.S.' == 'US'."""
    if text.isascii():  # most names: nothing to decompose (and this runs for every mention)
        return text.replace(".", "").casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace(".", "").replace("’", "'").casefold()


def clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the name proper inside an entity span: no article, possessive or trailing junk."""
    piece = text[start:end]
    match = _LEADING_ARTICLE.match(piece)
    if match:
        start += match.end()
        piece = text[start:end]
    words = list(_NAME_CHARS.finditer(piece))
    if not words:
        return start, start
    # Stop at junk glued to a word ("Klein./DW"): keep the leading run of name-like words.
    last = words[0]
    for word in words[1:]:
        gap = piece[last.end() : word.start()]
        if gap.strip() not in ("", "-", "&", "."):
            break
        last = word
    new_end = start + last.end()
    new_start = start + words[0].start()
    piece = text[new_start:new_end]
    possessive = _POSSESSIVE.search(piece)
    if possessive and possessive.start() > 0:
        new_end -= len(possessive.group())
    while new_end > new_start and text[new_end - 1] in ".-'’":
        # A final dot belongs to an initial ("Jr.") only when the word is one letter long.
        if (
            text[new_end - 1] == "."
            and new_end - new_start >= 2
            and text[new_end - 2].isupper()
            and (new_end - new_start == 2 or text[new_end - 3] in " .")
        ):
            break
        new_end -= 1
    return new_start, new_end


_TITLES = frozenset(fold(title).rstrip(".") for title in TITLES | OCCUPATIONS)


def is_title(word: str) -> bool:
    """A title or occupation word ("Senator", "Dr.", "Farmer", "Seismologist"), never part of a canonical name."""
    bare = fold(word).rstrip(".")
    return bare in _TITLES or (bare.endswith("ologist") and bare.isalpha())


def split_title(words: list[str]) -> int:
    """How many leading words are titles ("Senator", "Prime Minister") rather than name.

    A capitalised word right before a title, with a name after the title, ranks it and is part of
    the title too: "Crown Prince", "Supreme Leader", "High Commissioner".
    """
    count = 0
    while count < len(words) - 1 and (
        is_title(words[count])
        or (count + 1 < len(words) - 1 and is_title(words[count + 1]) and words[count][:1].isupper())
    ):
        count += 1
    return count


def name_words(text: str) -> list[str]:
    return [fold(word) for word in text.split()]


def initials(words: list[str], original: str) -> set[str]:
    """Acronyms a multi-word name may go by: every word, or only its capitalised words."""
    if len(words) < 2:
        return set()
    capitals = "".join(w[0] for w in original.split() if w[:1].isupper())
    every = "".join(w[0] for w in words if w)
    significant = "".join(w[0] for w in words if w and w not in _CONNECTORS)
    return {fold(capitals), every, significant} - {""}


def looks_like_org(text: str) -> bool:
    return any(fold(word) in ORG_WORDS for word in text.split())


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def near_spelling(a: str, b: str) -> bool:
    """One letter substituted, added or dropped, in words long enough for that to be a typo."""
    if min(len(a), len(b)) < 5 or a[:2] != b[:2] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(slots=True)
class Cluster:
    """One person or organisation: the mentions that name it."""

    person: bool
    canonical: str
    words: list[str]
    members: list[int] = field(default_factory=list)
    last_seen: int = 0


def cluster_mentions(mentions: list[Mention]) -> tuple[list[Cluster], list[int]]:
    """Group mentions in document order; returns the clusters and each mention's cluster."""
    person_surnames = {
        name_words(m.text)[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2
    } | {name_words(m.text)[-1] for m in mentions if m.person_hint and len(m.text.split()) == 1}
    grouping = _Grouping()
    owner: list[int] = []
    for number, mention in enumerate(mentions):
        words = name_words(mention.text)
        if not words:
            owner.append(-1)
            continue
        person = mention.is_person_label or (len(words) == 1 and words[0] in person_surnames)
        if mention.label != "PERSON" and looks_like_org(mention.text):
            person = False
        owner.append(grouping.add(number, mention, words, person))
    return grouping.clusters, owner


@dataclass(slots=True)
class _Grouping:
    """The clusters so far, indexed by full name, last and first word, acronym and surname prefix."""

    clusters: list[Cluster] = field(default_factory=list)
    by_full: dict[str, int] = field(default_factory=dict)
    by_last: dict[str, list[int]] = field(default_factory=dict)
    by_first: dict[str, list[int]] = field(default_factory=dict)
    by_acronym: dict[str, int] = field(default_factory=dict)
    by_prefix: dict[str, list[int]] = field(
        default_factory=dict
    )  # person clusters by surname's first letters

    def add(self, number: int, mention: Mention, words: list[str], person: bool) -> int:
        """Put the mention in its cluster (a new one if none matches); returns the cluster's index."""
        clusters = self.clusters
        cid = self.match(mention, words, person)
        if cid is None:
            clusters.append(Cluster(person, mention.text, words))
            cid = len(clusters) - 1
        cluster = clusters[cid]
        if (len(words), len(mention.text)) > (len(cluster.words), len(cluster.canonical)) and not (
            is_acronym(mention.text) and len(cluster.words) > 1
        ):
            cluster.canonical, cluster.words = mention.text, words
        cluster.person = cluster.person or (person and mention.label == "PERSON")
        if cluster.person and (not cluster.members or cid not in self.by_prefix.get(words[-1][:2], [])):
            self.by_prefix.setdefault(cluster.words[-1][:2], []).append(cid)
        cluster.members.append(number)
        cluster.last_seen = number
        self.index(cid, words, mention.text, mention.acronym)
        return cid

    def match(self, mention: Mention, words: list[str], person: bool) -> int | None:
        """The cluster this mention names: same full name, acronym, same person, or a short form."""
        clusters = self.clusters
        cid = self.by_full.get(" ".join(words))
        if cid is None and len(words) == 1 and is_acronym(mention.text):
            cid = self.by_acronym.get(words[0])
        if cid is None and len(words) >= 2:
            for acr in initials(words, mention.text):
                if acr in self.by_acronym and len(clusters[self.by_acronym[acr]].words) == 1:
                    cid = self.by_acronym[acr]
                    break
        if cid is None and len(words) >= 2 and person:
            cid = _same_person(clusters, self.by_last.get(words[-1], []), words)
        if cid is None and len(words) >= 2 and not person:
            # "Alliance says ..." (a headline) then "The Southern Alliance said": one organisation.
            short = [
                c
                for c in self.by_last.get(words[-1], [])
                if len(clusters[c].words) == 1 and not clusters[c].person
            ]
            cid = short[0] if len(short) == 1 else None
        if cid is None and len(words) == 1:
            cid = self.match_single(mention, words[0], person)
        return cid

    def match_single(self, mention: Mention, word: str, person: bool) -> int | None:
        """A one-word mention: a surname, a first name, or a near spelling of a person's surname."""
        clusters = self.clusters
        cid = self.likeliest(self.by_last.get(word, []))
        if cid is None and person:
            named_like = [
                c
                for c in self.by_last.get(word, [])
                if 2 <= len(clusters[c].words) <= 3 and not looks_like_org(clusters[c].canonical)
            ]
            cid = self.latest(named_like)
            if cid is not None:
                clusters[cid].person = True
        if cid is None and mention.label in ("PERSON", "ORG", "NAME"):
            cid = self.latest(self.by_first.get(word, []))
        if cid is None and person:
            near = [c for c in self.by_prefix.get(word[:2], []) if near_spelling(clusters[c].words[-1], word)]
            cid = self.latest(near)
        return cid

    def index(self, cid: int, words: list[str], original: str, acronym: str | None) -> None:
        self.by_full.setdefault(" ".join(words), cid)
        self.by_last.setdefault(words[-1], []).append(cid)
        self.by_first.setdefault(words[0], []).append(cid)
        if not self.clusters[cid].person:
            for acr in initials(words, original):
                self.by_acronym.setdefault(acr, cid)
        if acronym:
            self.by_acronym.setdefault(fold(acronym), cid)
        if len(words) == 1 and is_acronym(original):
            self.by_acronym.setdefault(words[0], cid)

    def latest(self, cids: list[int]) -> int | None:
        return max(cids, key=lambda c: self.clusters[c].last_seen) if cids else None

    def likeliest(self, cids: list[int]) -> int | None:
        """A bare surname two people share ("Clinton" after Hillary and Chelsea Clinton) is the one
        the article names most: news calls the other by a fuller form. A tie goes to the latest."""
        picks = [c for c in cids if self.clusters[c].person]
        return (
            max(picks, key=lambda c: (len(self.clusters[c].members), self.clusters[c].last_seen))
            if picks
            else None
        )


def _same_person(clusters: list[Cluster], candidates: list[int], words: list[str]) -> int | None:
    """A cluster that is this full name's person: same surname and a compatible first part."""
    best = None
    for cid in candidates:
        other = clusters[cid].words
        if len(other) == 1 or other[0] == words[0] or _suffix(other, words) or _suffix(words, other):
            if best is None or clusters[cid].last_seen > clusters[best].last_seen:
                best = cid
    return best


def _suffix(short: list[str], long_: list[str]) -> bool:
    return len(short) <= len(long_) and long_[len(long_) - len(short) :] == short
