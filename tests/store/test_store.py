"""The store facade: documents, sources, annotations, positions, the analysis cache, the library."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, DocumentInfo, EngineInfo, Sentence
from reader.intake import Document, make_document
from reader.store import Store, source_key
from reader.store.schema import VERSION


def span_of(document: Document, words: str) -> tuple[int, int]:
    start = document.text.index(words)
    return start, start + len(words)


def test_importing_the_store_imports_neither_spacy_nor_textual() -> None:
    code = "import sys, reader.store, reader.config; print(sorted(m for m in ('spacy', 'textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_database_settings(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert store.path.parent.name == "data"


def test_open_uses_the_data_dir_from_the_environment(isolated_dirs: Path) -> None:
    with Store.open() as store:
        assert store.path == isolated_dirs / "data" / "reader.sqlite3"


def test_annotate_and_read_back(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    start, end = span_of(seed_document, "5.8 million artillery shells")
    change = store.annotate(seed_document.sha256, start, end, tag="needs-source", note="  Which source?  ")
    saved = change.after
    assert saved is not None and change.before is None
    assert saved.note == "Which source?"
    assert saved.anchor.exact == "5.8 million artillery shells"
    assert saved.anchor.suffix == seed_document.text[end : end + 32]
    assert saved.anchor.prefix == seed_document.text[start - 32 : start]
    assert store.annotations(seed_document.sha256) == [saved]
    assert store.annotation(saved.id) == saved


def test_every_action_is_committed_at_once(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    store.annotate(seed_document.sha256, 0, 20, note="first")
    other = sqlite3.connect(store.path)
    assert other.execute("SELECT note FROM annotations").fetchall() == [("first",)]


def test_tag_and_note_on_the_same_span(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    store.annotate(seed_document.sha256, 5, 30, tag="opinion")
    store.annotate(seed_document.sha256, 5, 30, note="and a note")
    found = store.annotations(seed_document.sha256)
    assert [(a.tag, a.note) for a in found] == [("opinion", None), (None, "and a note")]


@pytest.mark.parametrize(
    ("start", "end", "tag", "note"),
    [
        (0, 10, None, None),
        (0, 10, None, "   "),
        (10, 5, "verified", None),
        (0, 10**9, "verified", None),
        (0, 5, "two words", None),
    ],
)
def test_bad_annotations_are_refused(
    store: Store, seed_document: Document, start: int, end: int, tag: str | None, note: str | None
) -> None:
    store.open_document(seed_document)
    with pytest.raises(ValueError):
        store.annotate(seed_document.sha256, start, end, tag=tag, note=note)
    assert store.annotations(seed_document.sha256) == []


def test_edit_updates_modified_and_clearing_both_deletes(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    first = store.annotate(seed_document.sha256, 0, 10, tag="verified").after
    assert first is not None
    edited = store.edit(first.id, note="checked").after
    assert edited is not None and edited.tag == "verified" and edited.note == "checked"
    assert edited.created == first.created and edited.modified > first.modified
    unchanged = store.edit(first.id, note="checked")
    assert not unchanged.changed
    gone = store.edit(first.id, tag=None, note=None)
    assert gone.after is None and store.annotations(seed_document.sha256) == []


def test_same_text_reopened_from_anywhere_restores_everything(
    store: Store, seed_document: Document, tmp_path: Path
) -> None:
    store.open_document(seed_document)
    store.annotate(seed_document.sha256, 0, 10, tag="verified")
    store.set_position(seed_document.sha256, 1234, "s7")
    copy = tmp_path / "elsewhere.txt"
    copy.write_text(seed_document.text, encoding="utf-8")
    for source in (str(copy), "<stdin>"):
        opened = store.open_document(make_document(seed_document.text, source=source, extractor="plain"))
        assert [a.tag for a in opened.annotations] == ["verified"]
        assert opened.position is not None and (opened.position.offset, opened.position.sentence) == (
            1234,
            "s7",
        )
        assert opened.reanchored_from is None
    record = store.document(seed_document.sha256)
    assert record is not None
    assert record.sources == tuple(sorted((source_key(str(seed_document.source)), str(copy.resolve()))))


def test_changed_file_reanchors_notes_and_position(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    old = make_document(
        "Intro line.\nThe minister said 40 percent of funds vanished.\nEnd.",
        source=str(path),
        extractor="plain",
    )
    store.open_document(old)
    start, end = span_of(old, "40 percent of funds vanished")
    note = store.annotate(old.sha256, start, end, tag="needs-source").after
    store.set_position(old.sha256, start, "s1")
    new = make_document("A new lede paragraph.\n" + old.text, source=str(path), extractor="plain")
    opened = store.open_document(new)
    assert opened.reanchored_from == old.sha256 and opened.moved == 1 and opened.orphaned == []
    [moved] = opened.annotations
    assert moved.id == note.id and moved.modified == note.modified
    assert new.text[moved.anchor.start : moved.anchor.end] == "40 percent of funds vanished"
    assert opened.position is not None and opened.position.offset == new.text.index("40 percent")
    assert store.annotations(old.sha256) == []
    assert [entry.sha256 for entry in store.library()] == [new.sha256]


def test_library_counts_and_delete(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    other = make_document("Another article.\nWith words.", source="https://example.org/a", extractor="plain")
    store.open_document(other)
    for tag, note in (("verified", None), ("verified", "x"), ("disputed", None), (None, "just a note")):
        store.annotate(seed_document.sha256, 0, 10, tag=tag, note=note)
    store.annotate(other.sha256, 0, 7, tag="opinion")
    lonely = make_document("Opened but never annotated.", source="<stdin>", extractor="plain")
    store.open_document(lonely)
    library = {entry.sha256: entry for entry in store.library()}
    assert set(library) == {seed_document.sha256, other.sha256}
    entry = library[seed_document.sha256]
    assert entry.tag_counts == {"disputed": 1, "verified": 2}
    assert (entry.notes, entry.annotations, entry.orphans) == (2, 4, 0)
    assert entry.title == seed_document.title
    assert library[other.sha256].sources == ("https://example.org/a",)
    assert store.delete_document(seed_document.sha256)
    assert store.annotations(seed_document.sha256) == [] and store.document(seed_document.sha256) is None
    assert [e.sha256 for e in store.library()] == [other.sha256]
    assert not store.delete_document(seed_document.sha256)


def _analysis(document: Document) -> Analysis:
    info = DocumentInfo(document.source, document.title, document.sha256, len(document.text), "plain")
    return Analysis(
        document=info, engine=EngineInfo("test-model", "reader test"), sentences=[Sentence("s0", 0, 10)]
    )


def test_analysis_cache_is_keyed_by_engine_version(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    analysis = _analysis(seed_document)
    assert store.load_analysis(seed_document.sha256) is None
    store.save_analysis(analysis)
    assert store.load_analysis(seed_document.sha256) == analysis
    assert store.load_analysis(seed_document.sha256, version="reader 0.0.0-old") is None
    store.delete_document(seed_document.sha256)
    assert store.load_analysis(seed_document.sha256) is None


def test_worker_threads_can_write(store: Store, seed_document: Document) -> None:
    store.open_document(seed_document)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(20):
                store.annotate(seed_document.sha256, offset + i, offset + i + 5, tag="verified")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 100,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(store.annotations(seed_document.sha256)) == 60


def test_two_stores_on_one_folder_see_each_other(tmp_path: Path, seed_document: Document) -> None:
    with Store.open(tmp_path) as first, Store.open(tmp_path) as second:
        first.open_document(seed_document)
        second.annotate(seed_document.sha256, 0, 5, tag="false")
        assert [a.tag for a in first.annotations(seed_document.sha256)] == ["false"]


def test_unusable_data_dir_or_garbage_file_still_gives_a_working_store(tmp_path: Path) -> None:
    """Details in tests/reliability/test_store_recovery.py: memory fallback, and garbage moved aside."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with Store.open(blocker / "data") as store:
        assert store.degraded and "kept in memory" in store.notices[0]
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "reader.sqlite3").write_bytes(b"this is not a database" * 100)
    with Store.open(garbage) as store:
        assert store.degraded is None and "moved to" in store.notices[0]
