"""Speaker references before names are grouped, and the state the layer keeps across paragraphs."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.speakers.names import Mention

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# How far back (in paragraphs) a pronoun or an uncued quote may look for its speaker.
PRONOUN_REACH = 3

HISTORY_SIZE = 64

MAX_LABEL_WORDS = 12

ROLE_STEM = 5  # letters a role modifier shares with the speaker's role: "Russian" ~ "Russia"

# Quantifiers and demonstratives standing for people: "some of his advisers", "those close to him",
# "many in the party say".
QUANTIFIER_SUBJECTS = frozenset("some many most several few those others all both another".split())

# Those that speak alone too: "some say", "several said", "yet another said".
BARE_QUANTIFIER_SOURCES = frozenset({"some", "others", "several", "many", "most", "another"})

QUANTIFIER_MODIFIERS = frozenset({"prep", "amod", "relcl", "acl"})

# Verb forms that end a headline's subject ("Obama Says ...") and are never the end of a name;
# "States", "Reports" or "Posts" are, so the wider speech forms are not used here.
HEADLINE_VERBS = frozenset("says said tells told warns warned asks asked urges urged denies denied".split())


@dataclass(frozen=True, slots=True)
class Ref:
    """A speaker before grouping: a name mention (``named``) or an unnamed source (``unnamed``)."""

    named: int | None = None
    unnamed: int | None = None


@dataclass(slots=True)
class Unnamed:
    label: str
    person: bool
    plural: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    pronouns: list[tuple[int, int]] = field(default_factory=list)  # 'they said' resolved to it


@dataclass(slots=True)
class Nominal:
    """A role noun phrase resolved to a named speaker ("the Ukrainian president")."""

    mention: int
    start: int
    end: int
    role: str | None
    pronoun: bool = False  # 'he said' resolved to the speaker: a mention, never an alias


@dataclass(slots=True)
class Seen:
    """One entry of the pronoun history."""

    ref: Ref
    paragraph: int
    person: bool
    plural: bool
    spoke: bool


class SpeakerState:
    """What resolving speakers keeps across paragraphs: mentions, unnamed sources, roles, pronoun history."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.unnamed: list[Unnamed] = []
        self.unnamed_keys: dict[str, int] = {}
        self.nominals: list[Nominal] = []
        self.documents: dict[str, Ref] = {}  # a document noun -> who issued the last one credited
        self.roles: dict[str, int] = {}  # a role or organisation word -> latest mention carrying it
        self.org_heads: dict[str, int] = {}  # an organisation name's head noun -> latest such name
        self.person_words: set[str] = set()
        self.genders: dict[str, str] = {}  # a person's folded surname -> 'm' or 'f'
        self.entity_labels: dict[str, str] = {}  # folded entity text -> its NER label
        self.history: deque[Seen] = deque(maxlen=HISTORY_SIZE)
        self.last_cue: tuple[Ref, int, int] | None = (
            None  # the last cue's speaker, its sentence (doc offsets)
        )
        self.paragraph = -1
        self._by_span: dict[tuple[int, int], int] = {}
        self.chunk_text = ""
        self.ents: list[Any] = []  # the chunk's entities
        self.reported: list[tuple[int, int]] = []  # the chunk's quoted stretches and cue contents
        self.reported_mentions: set[int] = set()  # names written inside someone's quoted or reported words
