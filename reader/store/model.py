"""Plain records the store hands out: no SQL, no Textual, safe to pass between threads.

Timestamps are ISO 8601 UTC strings (``2026-11-25T23:54:00Z``): they sort as text,
survive an export/import round trip byte for byte, and need no parsing to display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.store.verdicts import Evidence, Verdict

CONTEXT_CHARS = 32
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits, Hypothesis-style: the quote, its context and its offsets.

    ``exact``/``prefix``/``suffix`` let the anchor be found again after the text
    changes; ``start``/``end`` are code-point offsets into ``Document.text``.
    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Anchor:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is not inside a text of {len(text)} characters")
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )


@dataclass(frozen=True)
class Annotation:
    """A tag, a note, a verdict and evidence (any of them) on one anchored span.

    ``orphaned`` means the text changed and the span could not be found again with
    confidence: ``anchor`` then still holds the original quote and old offsets, and
    the annotation must be re-attached or deleted, never shown on other text.
    """

    id: str
    sha256: str
    anchor: Anchor
    tag: str | None
    note: str | None
    created: str
    modified: str
    orphaned: bool = False
    verdicts: tuple[Verdict, ...] = ()  # the verdict's history, oldest first (reader.store.verdicts)
    evidence: tuple[Evidence, ...] = ()

    @property
    def verdict(self) -> str | None:
        """The verdict now (None: never given, or cleared)."""
        return self.verdicts[-1].value if self.verdicts else None


@dataclass(frozen=True)
class Position:
    """The reading position: a document offset, and the sentence id when the analysis gave one."""

    offset: int
    sentence: str | None = None


@dataclass(frozen=True)
class DocumentRecord:
    """One article as the store knows it. ``text`` is None for articles known only from an import."""

    sha256: str
    title: str
    text: str | None
    sources: tuple[str, ...]
    first_seen: str
    last_opened: str | None
    pages: tuple[int, ...] = ()  # the page each paragraph of ``text`` starts on (PDF), else empty


@dataclass(frozen=True)
class LibraryEntry:
    """A row of the library: an article with annotations, for the library screen and ``--all`` exports."""

    sha256: str
    title: str
    sources: tuple[str, ...]
    tag_counts: dict[str, int]
    notes: int
    annotations: int
    orphans: int
    last_opened: str | None
    last_modified: str


@dataclass(frozen=True)
class Opened:
    """What ``Store.open_document`` found: the record, and how re-anchoring from an older version went."""

    record: DocumentRecord
    annotations: list[Annotation]
    position: Position | None
    reanchored_from: str | None = None
    moved: int = 0
    orphaned: list[Annotation] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    label: str  # "tag", "note", "edit", "delete", "re-attach": for a status line such as "undid tag"
    before: Annotation | None
    after: Annotation | None

    @property
    def annotation_id(self) -> str:
        state = self.after or self.before
        assert state is not None, "a change has a state on at least one side"
        return state.id

    @property
    def changed(self) -> bool:
        return self.before != self.after


def source_key(source: str) -> str | None:
    """How a source is remembered: URLs as given, paths absolute; stdin is matched by text only."""
    if source in ("-", "<stdin>", ""):
        return None
    if _URL.match(source):
        return source
    return str(Path(source).expanduser().resolve())
