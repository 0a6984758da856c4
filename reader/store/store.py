"""The Store facade: one SQLite file in the data folder, one committed transaction per user action.

Documents are keyed by the sha256 of their normalised text; every path or URL
an article was opened from is kept, so a changed file finds its older version
and its annotations re-anchor onto the new text. The connection may be used
from a worker thread (the TUI saves from workers): a lock serialises access.

Every write goes through ``_write``: busy databases are retried there, and a
disk that stops accepting writes (full, read-only, I/O errors) moves the store
into memory there, so the action that hit it still succeeds and nothing typed
is dropped; ``degraded`` and ``notices`` tell the caller (see reader.store.database).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reader import paths
from reader.store import cache, database
from reader.store.anchoring import locate
from reader.store.connection import utc_now
from reader.store.database import DATABASE
from reader.store.errors import StoreError
from reader.store.feeds import Feeds
from reader.store.model import (
    Anchor,
    Annotation,
    Change,
    DocumentRecord,
    LibraryEntry,
    Opened,
    Position,
    source_key,
)
from reader.store.reviews import with_reviews
from reader.store.verdicts import Verdict, check_label, check_tag, checked_evidence, clean_note

if TYPE_CHECKING:
    from reader.analysis.model import Analysis
    from reader.intake import Document

__all__ = ["DATABASE", "Store", "check_tag", "source_key"]

T = TypeVar("T")
_UNSET: Any = object()
_COLUMNS = 'id, sha256, exact, prefix, suffix, start, "end", tag, note, created, modified, orphaned'


class Store(Feeds):
    """All persistent state of the reader. Open with ``Store.open()``; close or use as a context manager.

    ``degraded`` is None while changes reach the disk, else the reason they only
    live in memory (export them before quitting: reader.export works on any
    Store). ``notices`` collects one-line messages for the user (a damaged store
    moved aside, the switch to memory); the caller shows them and may clear the list.
    """

    @classmethod
    def open(cls, data_dir: Path | None = None, *, clock: Callable[[], str] = utc_now) -> Store:
        """Open (creating and migrating as needed) the store in ``data_dir`` or ``reader.paths.data_dir()``.

        Raises StoreError only for a store from a newer reader (or an unexpected
        SQLite failure); a damaged file or an unwritable folder still gives a
        working Store, with a notice (and ``degraded`` for the latter).
        """
        folder = Path(data_dir) if data_dir is not None else paths.data_dir()
        connected = database.connect(folder)
        return cls(
            connected.conn, folder / DATABASE, clock, degraded=connected.degraded, notices=connected.notices
        )

    # ---- documents -------------------------------------------------------------------------

    def open_document(self, document: Document, *, touch: bool = True) -> Opened:
        """Remember ``document`` and its source, and return its annotations and reading position.

        When this text is new but its path or URL was seen before with another text
        that has annotations, those annotations re-anchor onto this text (orphaned
        where they cannot be placed confidently). ``touch`` updates "last opened".
        """
        now = self._clock()
        key = source_key(document.source)
        pages = json.dumps(list(document.pages)) if document.pages else None

        def work(conn: sqlite3.Connection) -> tuple[str | None, int, list[Annotation]]:
            reanchored_from: str | None = None
            moved = 0
            orphaned: list[Annotation] = []
            conn.execute(
                "INSERT INTO documents (sha256, title, text, first_seen, last_opened, pages)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET title = excluded.title, text = excluded.text,"
                " last_opened = COALESCE(excluded.last_opened, documents.last_opened),"
                " pages = COALESCE(excluded.pages, documents.pages)",
                (document.sha256, document.title, document.text, now, now if touch else None, pages),
            )
            has_own = conn.execute(
                "SELECT 1 FROM annotations WHERE sha256 = ? LIMIT 1", (document.sha256,)
            ).fetchone()
            if key is not None and not has_own:
                row = conn.execute(
                    "SELECT s.sha256 FROM sources s WHERE s.source = ? AND s.sha256 != ?"
                    " AND EXISTS (SELECT 1 FROM annotations a WHERE a.sha256 = s.sha256)"
                    " ORDER BY s.seen DESC LIMIT 1",
                    (key, document.sha256),
                ).fetchone()
                if row is not None:
                    reanchored_from = row[0]
                    moved, orphaned = self._reanchor(conn, row[0], document.sha256, document.text)
            if key is not None:
                conn.execute(
                    "INSERT INTO sources (source, sha256, seen) VALUES (?, ?, ?)"
                    " ON CONFLICT(source, sha256) DO UPDATE SET seen = excluded.seen",
                    (key, document.sha256, now),
                )
            return reanchored_from, moved, orphaned

        reanchored_from, moved, orphaned = self._write(work)
        record = self.document(document.sha256)
        assert record is not None
        return Opened(
            record=record,
            annotations=self.annotations(document.sha256),
            position=self.position(document.sha256),
            reanchored_from=reanchored_from,
            moved=moved,
            orphaned=orphaned,
        )

    def _reanchor(
        self, conn: sqlite3.Connection, old: str, new: str, text: str
    ) -> tuple[int, list[Annotation]]:
        moved = 0
        orphaned: list[Annotation] = []
        rows = conn.execute(f"SELECT {_COLUMNS} FROM annotations WHERE sha256 = ?", (old,)).fetchall()
        for annotation in map(_annotation, rows):
            match = locate(annotation.anchor, text)
            if match is None:
                conn.execute(
                    "UPDATE annotations SET sha256 = ?, orphaned = 1 WHERE id = ?", (new, annotation.id)
                )
                orphaned.append(replace(annotation, sha256=new, orphaned=True))
                continue
            anchor = Anchor.of(text, match.start, match.end)
            conn.execute(
                'UPDATE annotations SET sha256 = ?, exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?,'
                " orphaned = 0 WHERE id = ?",
                (new, anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, annotation.id),
            )
            moved += 1
        position = conn.execute(
            'SELECT "offset", sentence FROM positions WHERE sha256 = ?', (old,)
        ).fetchone()
        old_text = conn.execute("SELECT text FROM documents WHERE sha256 = ?", (old,)).fetchone()[0]
        if position is not None:
            offset = min(position[0], max(len(text) - 1, 0))
            if old_text and position[0] < len(old_text):
                found = locate(Anchor.of(old_text, position[0], min(len(old_text), position[0] + 32)), text)
                offset = found.start if found is not None else offset
            conn.execute(
                'INSERT INTO positions (sha256, "offset", sentence) VALUES (?, ?, NULL)'
                ' ON CONFLICT(sha256) DO UPDATE SET "offset" = excluded."offset", sentence = NULL',
                (new, offset),
            )
        return moved, orphaned

    def document(self, sha256: str) -> DocumentRecord | None:
        rows = self._query(
            "SELECT sha256, title, text, first_seen, last_opened, pages FROM documents WHERE sha256 = ?",
            (sha256,),
        )
        if not rows:
            return None
        sources = tuple(
            row[0]
            for row in self._query("SELECT source FROM sources WHERE sha256 = ? ORDER BY source", (sha256,))
        )
        sha, title, text, first_seen, last_opened, pages = rows[0]
        return DocumentRecord(sha, title, text, sources, first_seen, last_opened, _pages(pages))

    def ensure_document(self, sha256: str, title: str, sources: tuple[str, ...] = ()) -> None:
        """Make sure an article exists (an import of notes for text not opened here yet)."""
        now = self._clock()

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO documents (sha256, title, text, first_seen) VALUES (?, ?, NULL, ?)"
                " ON CONFLICT(sha256) DO NOTHING",
                (sha256, title, now),
            )
            conn.executemany(
                "INSERT INTO sources (source, sha256, seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(source, sha256, now) for source in sources],
            )

        self._write(work)

    def delete_document(self, sha256: str) -> bool:
        """Forget an article with its annotations, position, sources and cached analyses."""
        return self._write(
            lambda conn: conn.execute("DELETE FROM documents WHERE sha256 = ?", (sha256,)).rowcount > 0
        )

    def document_ids(self) -> list[str]:
        """Every article whose text is stored, by title (the library-wide review queue walks these)."""
        rows = self._query("SELECT sha256 FROM documents WHERE text IS NOT NULL ORDER BY title, sha256")
        return [row[0] for row in rows]

    def library(self) -> list[LibraryEntry]:
        """Every article with annotations, most recently opened first."""
        rows = self._query(
            "SELECT d.sha256, d.title, d.last_opened, a.tag, a.note, a.orphaned, a.modified"
            " FROM documents d JOIN annotations a ON a.sha256 = d.sha256 ORDER BY d.sha256"
        )
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        entries = []
        for sha, items in grouped.items():
            counts: dict[str, int] = {}
            for item in items:
                if item[3] is not None:
                    counts[item[3]] = counts.get(item[3], 0) + 1
            record = self.document(sha)
            assert record is not None
            entries.append(
                LibraryEntry(
                    sha256=sha,
                    title=items[0][1],
                    sources=record.sources,
                    tag_counts=dict(sorted(counts.items())),
                    notes=sum(1 for item in items if item[4] is not None),
                    annotations=len(items),
                    orphans=sum(item[5] for item in items),
                    last_opened=items[0][2],
                    last_modified=max(item[6] for item in items),
                )
            )
        entries.sort(key=lambda e: (e.last_opened or "", e.last_modified, e.title), reverse=True)
        return entries

    # ---- annotations -----------------------------------------------------------------------

    def annotations(self, sha256: str, *, orphans: bool = True) -> list[Annotation]:
        """In document order (orphans by their old offsets)."""
        where = "" if orphans else " AND orphaned = 0"
        rows = self._query(
            f'SELECT {_COLUMNS} FROM annotations WHERE sha256 = ?{where} ORDER BY start, "end", created, id',
            (sha256,),
        )
        return with_reviews(self._query, [_annotation(row) for row in rows], "a.sha256 = ?", (sha256,))

    def annotation(self, annotation_id: str) -> Annotation | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,))
        found = with_reviews(self._query, [_annotation(row) for row in rows], "a.id = ?", (annotation_id,))
        return found[0] if found else None

    def annotate(
        self, sha256: str, start: int, end: int, *, tag: str | None = None, note: str | None = None
    ) -> Change:
        """Tag and/or note the span ``start:end`` of an opened article."""
        note = clean_note(note)
        if tag is None and note is None:
            raise ValueError("an annotation needs a tag or a note")
        record = self.document(sha256)
        if record is None or record.text is None:
            raise ValueError(f"no opened article {sha256[:12]}")
        now = self._clock()
        annotation = Annotation(
            id=secrets.token_hex(6),
            sha256=sha256,
            anchor=Anchor.of(record.text, start, end),
            tag=check_tag(tag) if tag is not None else None,
            note=note,
            created=now,
            modified=now,
        )
        self.restore(annotation.id, annotation)
        return Change("note" if tag is None else "tag", None, annotation)

    def edit(self, annotation_id: str, *, tag: str | None = _UNSET, note: str | None = _UNSET) -> Change:
        """Change the tag and/or the note; clearing both deletes the annotation (unless it has a verdict or evidence)."""
        before = self._existing(annotation_id)
        new_tag = before.tag if tag is _UNSET else (check_tag(tag) if tag is not None else None)
        new_note = before.note if note is _UNSET else clean_note(note)
        if new_tag == before.tag and new_note == before.note:
            return Change("edit", before, before)
        if new_tag is None and new_note is None and not before.verdicts and not before.evidence:
            return self.delete_annotation(annotation_id)
        after = replace(before, tag=new_tag, note=new_note, modified=self._clock())
        self.restore(annotation_id, after)
        return Change("edit", before, after)

    def delete_annotation(self, annotation_id: str) -> Change:
        before = self._existing(annotation_id)
        self.restore(annotation_id, None)
        return Change("delete", before, None)

    def reattach(self, annotation_id: str, start: int, end: int) -> Change:
        """Place an (orphaned) annotation on a span of its article's current text."""
        before = self._existing(annotation_id)
        record = self.document(before.sha256)
        if record is None or record.text is None:
            raise ValueError(f"the article of annotation {annotation_id} is not open")
        after = replace(
            before, anchor=Anchor.of(record.text, start, end), orphaned=False, modified=self._clock()
        )
        self.restore(annotation_id, after)
        return Change("re-attach", before, after)

    # ---- verdicts and evidence (reader.store.verdicts) -------------------------------------

    def span_annotation(self, sha256: str, start: int, end: int) -> Annotation:
        """The annotation on exactly ``start:end``, or a new, unsaved, empty one to put a verdict or evidence on."""
        for annotation in self.annotations(sha256, orphans=False):
            if (annotation.anchor.start, annotation.anchor.end) == (start, end):
                return annotation
        record = self.document(sha256)
        if record is None or record.text is None:
            raise ValueError(f"no opened article {sha256[:12]}")
        now = self._clock()
        return Annotation(
            secrets.token_hex(6), sha256, Anchor.of(record.text, start, end), None, None, now, now
        )

    def decide(self, annotation: Annotation, value: str | None) -> Change:
        """Give (None: clear) the verdict of ``annotation`` (stored or from ``span_annotation``); kept in its history."""
        before = self.annotation(annotation.id)
        base = before or annotation
        if base.verdict == value:
            return Change("verdict", before, before)
        now = self._clock()
        after = replace(
            base,
            verdicts=(*base.verdicts, Verdict(check_label(value) if value is not None else None, now)),
            modified=now,
        )
        self.restore(after.id, after)
        return Change("verdict", before, after)

    def add_evidence(self, annotation: Annotation, url: str, **details: str | None) -> Change:
        """Evidence (``title``, ``accessed``, ``passage``, ``note``) on ``annotation``; the URL is checked, never fetched."""
        before = self.annotation(annotation.id)
        base = before or annotation
        record = checked_evidence(secrets.token_hex(6), url, details)
        after = replace(base, evidence=(*base.evidence, record), modified=self._clock())
        self.restore(after.id, after)
        return Change("evidence", before, after)

    def edit_evidence(self, annotation_id: str, evidence_id: str, url: str, **details: str | None) -> Change:
        before = self._existing(annotation_id)
        record = checked_evidence(evidence_id, url, details)
        if not any(e.id == evidence_id for e in before.evidence):
            raise KeyError(evidence_id)
        items = tuple(record if e.id == evidence_id else e for e in before.evidence)
        if items == before.evidence:
            return Change("evidence edit", before, before)
        after = replace(before, evidence=items, modified=self._clock())
        self.restore(annotation_id, after)
        return Change("evidence edit", before, after)

    def delete_evidence(self, annotation_id: str, evidence_id: str) -> Change:
        """Remove one evidence record; an annotation left with nothing at all goes too (undo restores both)."""
        before = self._existing(annotation_id)
        items = tuple(e for e in before.evidence if e.id != evidence_id)
        if len(items) == len(before.evidence):
            raise KeyError(evidence_id)
        after = replace(before, evidence=items, modified=self._clock())
        if after.tag is None and after.note is None and not after.verdicts and not items:
            self.restore(annotation_id, None)
            return Change("evidence delete", before, None)
        self.restore(annotation_id, after)
        return Change("evidence delete", before, after)

    def restore(self, annotation_id: str, state: Annotation | None) -> None:
        """Make the stored annotation equal ``state`` (None deletes it): undo, redo and import go through here."""
        if state is None:
            self._write(lambda conn: conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,)))
            return
        a = state.anchor
        row = (
            state.id,
            state.sha256,
            a.exact,
            a.prefix,
            a.suffix,
            a.start,
            a.end,
            state.tag,
            state.note,
            state.created,
            state.modified,
            int(state.orphaned),
        )
        verdicts = [(state.id, seq, v.value, v.time) for seq, v in enumerate(state.verdicts)]
        evidence = [
            (state.id, seq, e.id, e.url, e.title, e.accessed, e.passage, e.note)
            for seq, e in enumerate(state.evidence)
        ]

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM verdicts WHERE annotation = ?", (state.id,))
            conn.execute("DELETE FROM evidence WHERE annotation = ?", (state.id,))
            conn.execute(
                f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            conn.executemany(
                "INSERT INTO verdicts (annotation, seq, value, time) VALUES (?, ?, ?, ?)", verdicts
            )
            conn.executemany(
                "INSERT INTO evidence (annotation, seq, id, url, title, accessed, passage, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                evidence,
            )

        try:
            self._write(work)
        except sqlite3.IntegrityError:
            raise StoreError(f"the article of annotation {annotation_id} is no longer in the store") from None

    def _existing(self, annotation_id: str) -> Annotation:
        found = self.annotation(annotation_id)
        if found is None:
            raise KeyError(annotation_id)
        return found

    # ---- reading position ------------------------------------------------------------------

    def set_position(self, sha256: str, offset: int, sentence: str | None = None) -> None:
        self._write(
            lambda conn: conn.execute(
                'INSERT INTO positions (sha256, "offset", sentence) VALUES (?, ?, ?)'
                ' ON CONFLICT(sha256) DO UPDATE SET "offset" = excluded."offset", sentence = excluded.sentence',
                (sha256, offset, sentence),
            )
        )

    def position(self, sha256: str) -> Position | None:
        rows = self._query('SELECT "offset", sentence FROM positions WHERE sha256 = ?', (sha256,))
        return Position(rows[0][0], rows[0][1]) if rows else None

    # ---- analysis cache --------------------------------------------------------------------

    def save_analysis(self, analysis: Analysis, version: str | None = None) -> None:
        """Cache ``analysis`` for its document under ``version`` (default: the running engine's)."""
        row = (analysis.document.sha256, version or cache.engine_version(), analysis.to_json())
        self._write(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO analyses (sha256, engine_version, json) VALUES (?, ?, ?)", row
            )
        )

    def load_analysis(self, sha256: str, version: str | None = None) -> Analysis | None:
        """The cached analysis for this engine version, or None (a stale or corrupt entry is a miss)."""
        return cache.decoded(self._query(cache.SELECT, (sha256, version or cache.engine_version())))


def _pages(stored: str | None) -> tuple[int, ...]:
    """The stored page list; anything but a list of page numbers (a hand-edited store) is no pages."""
    try:
        pages = json.loads(stored) if stored else []
    except ValueError:
        return ()
    return tuple(pages) if isinstance(pages, list) and all(type(p) is int for p in pages) else ()


def _annotation(row: tuple[Any, ...]) -> Annotation:
    ident, sha, exact, prefix, suffix, start, end, tag, note, created, modified, orphaned = row
    return Annotation(
        ident, sha, Anchor(exact, prefix, suffix, start, end), tag, note, created, modified, bool(orphaned)
    )
