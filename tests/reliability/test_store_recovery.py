"""A damaged store is moved aside, a newer one refused, an unwritable folder or full disk falls back to memory.

The tests run as root, where file modes do not stop writes, so "read-only" is
simulated three ways: a data folder under a regular file (NotADirectoryError),
a genuinely read-only folder for a child process running as ``nobody``, and a
full disk (SQLite's ``max_page_count`` makes it answer SQLITE_FULL for real;
a monkeypatched OperationalError covers the full disk at start).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from reader import cli
from reader.export.files import export_all, export_document
from reader.intake import Document
from reader.store import Store, StoreError, schema
from reader.store.database import DATABASE
from tests.conftest import ROOT

QUOTE_END = 40


def _seeded(folder: Path, document: Document, notes: int = 1) -> list[str]:
    with Store.open(folder) as store:
        store.open_document(document)
        return [
            store.annotate(document.sha256, 0, QUOTE_END, note=f"kept note {n}").annotation_id
            for n in range(notes)
        ]


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{DATABASE}.damaged-*"))


# ---- damaged files ---------------------------------------------------------------------------


def test_garbage_is_moved_aside_and_a_new_store_starts(tmp_path: Path, seed_document: Document) -> None:
    garbage = b"\x00not sqlite\xff" * 500
    (tmp_path / DATABASE).write_bytes(garbage)
    (tmp_path / f"{DATABASE}-wal").write_bytes(b"stale wal")
    with Store.open(tmp_path) as store:
        [backup] = _backups(tmp_path)
        assert store.notices == [
            "the store was damaged (file is not a database); "
            f"it was moved to {backup} and a new store was started"
        ]
        assert backup.read_bytes() == garbage
        wal = (
            tmp_path / f"{DATABASE}-wal"
        )  # SQLite drops an invalid WAL itself; a valid one moves with the file
        assert not wal.exists() or not wal.read_bytes().startswith(b"stale wal")
        assert store.degraded is None and store.library() == []
        store.open_document(seed_document)
        store.annotate(seed_document.sha256, 0, QUOTE_END, tag="verified")
    with Store.open(tmp_path) as again:
        assert again.notices == [] and len(again.annotations(seed_document.sha256)) == 1


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.02])
def test_a_truncated_store_is_caught_at_start(tmp_path: Path, seed_document: Document, keep: float) -> None:
    _seeded(tmp_path, seed_document, notes=200)
    path = tmp_path / DATABASE
    os.truncate(path, int(path.stat().st_size * keep))
    truncated = path.read_bytes()
    with Store.open(tmp_path) as store:
        [backup] = _backups(tmp_path)
        assert "damaged" in store.notices[0] and str(backup) in store.notices[0]
        assert backup.read_bytes() == truncated
        assert store.annotations(seed_document.sha256) == []
        store.open_document(seed_document)  # the fresh store works


def test_two_damaged_stores_in_one_second_get_two_backups(tmp_path: Path) -> None:
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        (tmp_path / DATABASE).write_bytes(content)
        Store.open(tmp_path).close()
    assert sorted(p.read_bytes()[:6] for p in _backups(tmp_path)) == [b"first ", b"second"]


OPEN_AT_ONCE = """
import json, sys, time
from pathlib import Path
from reader.store import Store
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
with Store.open(Path(sys.argv[1])) as store:
    print(json.dumps({"degraded": store.degraded, "notices": store.notices}))
"""


def test_readers_finding_the_same_damage_at_once_move_it_aside_once(tmp_path: Path) -> None:
    (tmp_path / DATABASE).write_bytes(b"garbage" * 1000)
    go = tmp_path / "go"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_ONCE, str(tmp_path), str(go)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(0.6)
    go.touch()
    reports = []
    for reader in readers:
        out, err = reader.communicate(timeout=60)
        assert reader.returncode == 0, err
        reports.append(json.loads(out))
    assert [report["degraded"] for report in reports] == [None, None, None]
    assert sum(len(report["notices"]) for report in reports) == 1
    assert len(_backups(tmp_path)) == 1


def test_the_cli_prints_where_the_damaged_store_went(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(os.environ["READER_DATA_DIR"])
    (data / DATABASE).write_bytes(b"garbage" * 1000)
    assert cli.main(["notes", str(seed_path)]) == 0
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("reader: the store was damaged") and str(_backups(data)[0]) in line


# ---- a newer store ---------------------------------------------------------------------------


def _newer(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_a_newer_store_is_refused_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _newer(tmp_path / DATABASE)
    with pytest.raises(StoreError, match=f"version {schema.VERSION + 1}, newer than this reader"):
        Store.open(tmp_path)
    assert (tmp_path / DATABASE).read_bytes() == before and _backups(tmp_path) == []
    data = Path(os.environ["READER_DATA_DIR"])
    _newer(data / DATABASE)
    assert cli.main(["export", "--all"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "newer than this reader" in line


def test_a_newer_store_is_refused_even_when_it_can_only_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memory fallback copies the store; it must not quietly "upgrade" a newer one either."""
    _newer(tmp_path / DATABASE)
    _refuse_the_file(monkeypatch, "attempt to write a readonly database")
    with pytest.raises(StoreError, match="newer than this reader"):
        Store.open(tmp_path)


# ---- unwritable folder, full disk --------------------------------------------------------------


def _refuse_the_file(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    """Migrating the file on disk fails as SQLite would; migrating the memory copy works."""
    real = schema.migrate

    def migrate(conn: sqlite3.Connection, target: int = schema.VERSION) -> int:
        if conn.execute("PRAGMA database_list").fetchone()[2]:  # a file, not ":memory:"
            raise sqlite3.OperationalError(message)
        return real(conn, target)

    monkeypatch.setattr(schema, "migrate", migrate)


def _check_memory_store(store: Store, document: Document, export_dir: Path) -> None:
    """The article opens, a note is kept, and an export carries it out."""
    assert store.degraded and "kept in memory until you quit" in store.notices[-1]
    store.open_document(document)
    change = store.annotate(document.sha256, 0, QUOTE_END, tag="disputed", note="made while degraded")
    assert store.annotation(change.annotation_id) == change.after
    written = export_document(store, document.sha256, "json", export_dir / "notes.json")
    bodies = [item["body"] for item in json.loads(written.read_text())["first"]["items"]]
    assert "made while degraded" in json.dumps(bodies)


def test_a_data_folder_under_a_file_gives_a_memory_store(tmp_path: Path, seed_document: Document) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with Store.open(blocker / "data") as store:
        assert store.degraded == "Not a directory"
        assert store.notices == [
            f"cannot save to {blocker / 'data'} (Not a directory): notes are kept in memory until you quit;"
            " export them before quitting"
        ]
        _check_memory_store(store, seed_document, tmp_path)


def test_a_full_disk_at_start_gives_a_memory_copy_of_the_store(
    tmp_path: Path, seed_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    [kept] = _seeded(tmp_path, seed_document)
    _refuse_the_file(monkeypatch, "database or disk is full")
    with Store.open(tmp_path) as store:
        assert store.degraded == "database or disk is full"
        assert [a.id for a in store.annotations(seed_document.sha256)] == [kept]  # earlier notes still shown
        _check_memory_store(store, seed_document, tmp_path)


def test_the_disk_filling_up_mid_session_keeps_the_note_in_memory(
    tmp_path: Path, seed_document: Document
) -> None:
    [kept] = _seeded(tmp_path, seed_document)
    store = Store.open(tmp_path)
    store.open_document(seed_document)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]  # noqa: SLF001 - the test fills the disk
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # noqa: SLF001 - SQLite now answers SQLITE_FULL
    big_note = "a long note that needs new pages " * 400
    change = store.annotate(seed_document.sha256, 0, QUOTE_END, note=big_note)
    assert store.degraded == "database or disk is full"
    assert {a.id for a in store.annotations(seed_document.sha256)} == {kept, change.annotation_id}
    assert store.annotation(change.annotation_id).note == big_note.strip()
    export_all(store, "md", tmp_path / "exports")
    assert big_note.strip()[:60] in "".join(p.read_text() for p in (tmp_path / "exports").glob("*.md"))
    store.close()
    # the file on disk is intact, with everything committed before the disk filled up
    conn = sqlite3.connect(tmp_path / DATABASE)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT id FROM annotations").fetchall() == [(kept,)]
    conn.close()


def test_the_cli_import_refuses_a_store_it_cannot_save(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    exported = tmp_path / "notes.json"
    exported.write_text("{}")
    assert cli.main(["--data-dir", str(blocker / "data"), "import", str(exported)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"reader: cannot save to {blocker / 'data'}: Not a directory"
    ]


NOBODY = 65534


def _probe_read_only(data: Path, document: Document, out: Path) -> dict:
    """In a child process as ``nobody`` (forked: the interpreter under /root is not theirs to start)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            store = Store.open(data)
            store.open_document(document)
            before = [a.note for a in store.annotations(document.sha256)]
            store.annotate(document.sha256, 0, QUOTE_END, note="made in a read-only folder")
            path = export_document(store, document.sha256, "md", out / "notes.md")
            report = {"degraded": store.degraded, "notices": store.notices, "before": before}
            report["exported"] = path.read_text()
            os.write(write_end, json.dumps(report).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the probe failed (see captured stderr)"
    return json.loads(b"".join(chunks))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX users")
def test_a_read_only_folder_opens_its_notes_and_keeps_new_ones_in_memory(seed_document: Document) -> None:
    """Root ignores file modes, so the probe drops to ``nobody`` when the tests run as root."""
    base = Path(tempfile.mkdtemp(prefix="reader-readonly-"))  # pytest's tmp_path is private to root
    data, out = base / "data", base / "out"
    try:
        _seeded(data, seed_document)
        out.mkdir()
        export_document(
            Store.open(data), seed_document.sha256, "md", base / "warm-up.md"
        )  # lazy imports, as root
        before = {p.name: p.read_bytes() for p in data.iterdir()}
        for path in (base, out):
            path.chmod(0o777)
        for path in data.iterdir():
            path.chmod(0o444)
        data.chmod(0o555)
        report = _probe_read_only(data, seed_document, out)
        assert report["degraded"] and "kept in memory" in report["notices"][0]
        assert report["before"] == ["kept note 0"]
        assert "made in a read-only folder" in report["exported"] and "kept note 0" in report["exported"]
        assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    finally:
        data.chmod(0o755)
        shutil.rmtree(base)
