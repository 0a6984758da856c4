"""reader.store.cache.peek: the cached analysis read without the Store, never writing, never waiting."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from reader.intake import Document
from reader.intake.document import make_document
from reader.store import Store
from reader.store.cache import peek
from tests.store.test_store import _analysis


def cached(store: Store, document: Document) -> Path:
    """The store's folder, holding ``document``'s analysis; the store is closed."""
    store.open_document(document)
    store.save_analysis(_analysis(document))
    store.close()
    return store.path.parent


def test_peek_reads_what_the_store_reads_and_writes_nothing(store: Store, seed_document: Document) -> None:
    folder = cached(store, seed_document)
    """SQLite may leave an empty log and its index beside a WAL file it read; the file itself is untouched."""
    database = folder / "reader.sqlite3"
    before = database.read_bytes()
    analysis = peek(folder, seed_document)
    assert analysis is not None and analysis == _analysis(seed_document)
    assert database.read_bytes() == before
    log = folder / "reader.sqlite3-wal"
    assert not log.exists() or log.stat().st_size == 0
    with Store.open(folder) as again:
        assert again.load_analysis(seed_document.sha256) == analysis


def loaded_by_peek(folder: Path, names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` a new process has loaded after peeking at ``folder`` for a document's analysis."""
    code = (
        "import sys, pathlib; from reader.intake.document import make_document; "
        "from reader.store.cache import peek; "
        f"peek(pathlib.Path({str(folder)!r}), make_document('Text.', source='-', extractor='text')); "
        f"print(' '.join(m for m in {names!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_peek_loads_neither_the_store_s_records_nor_its_anchoring_nor_its_connection_handling(
    store: Store, seed_document: Document
) -> None:
    """reader.store.database (dataclasses, an Enum, datetime, random: 5 ms on a loaded machine) included;
    and json only for an analysis to decode (the text peeked at here has none)."""
    folder = cached(store, seed_document)
    loaded = ("reader.store.store", "reader.store.model", "reader.store.anchoring", "reader.store.database")
    assert loaded_by_peek(folder, (*loaded, "json", "sqlite3")) == ["sqlite3"]


def test_without_a_store_file_peek_loads_neither_sqlite3_json_nor_hashlib(tmp_path: Path) -> None:
    """A first start (the first-paint benchmark's too) reads the article on a frame that has none of them."""
    assert loaded_by_peek(tmp_path, ("sqlite3", "json", "hashlib")) == []


def test_every_file_the_store_has_to_handle_first_is_a_miss(
    store: Store, seed_document: Document, tmp_path: Path
) -> None:
    """No file, another text, a file the Store would migrate or refuse, a damaged file: None, no error."""
    folder = cached(store, seed_document)
    assert peek(tmp_path / "nowhere", seed_document) is None
    assert peek(folder, make_document("Another text.", source="-", extractor="text")) is None
    conn = sqlite3.connect(folder / "reader.sqlite3")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for other in (version - 1, version + 1):
        conn.execute(f"PRAGMA user_version = {other}")
        conn.commit()
        assert peek(folder, seed_document) is None
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("UPDATE analyses SET json = '{not json'")
    conn.commit()
    conn.close()
    assert peek(folder, seed_document) is None
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "reader.sqlite3").write_bytes(b"not a database" * 100)
    assert peek(damaged, seed_document) is None


def test_a_database_locked_by_another_reader_is_a_miss_at_once(store: Store, seed_document: Document) -> None:
    """The Store waits and retries a busy database; the reading screen's first frames must not: the lock
    is let go a moment later, and a peek that waited for it would find the analysis."""
    folder = cached(store, seed_document)
    holder = sqlite3.connect(folder / "reader.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    letting_go = threading.Timer(0.3, lambda: holder.execute("ROLLBACK"))
    letting_go.start()
    try:
        assert peek(folder, seed_document) is None
    finally:
        letting_go.join()
        holder.close()
    assert peek(folder, seed_document) is not None
