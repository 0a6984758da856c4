"""Two readers writing to one article at once lose nothing, and "database is locked" never reaches them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.intake import Document
from reader.store import Store, StoreError, database
from reader.store.database import DATABASE
from tests.conftest import ROOT

WRITES = 500


def test_two_processes_writing_to_one_article_lose_nothing(tmp_path: Path, seed_path: Path) -> None:
    data, go = tmp_path / "data", tmp_path / "go"
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.note_writer",
                str(data),
                str(seed_path),
                label,
                str(WRITES),
                str(go),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for label in ("first", "second")
    ]
    for writer in writers:  # both are past start-up and waiting, so their writes interleave
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    go.touch()
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0 and err == "", err
        assert len(out.splitlines()) == WRITES
    reported = {line.split()[1] for out, _ in results for line in out.splitlines()}
    with Store.open(data) as store:
        [document] = [store.document(entry.sha256) for entry in store.library()]
        assert document is not None
        notes = store.annotations(document.sha256)
    assert len(reported) == len(notes) == 2 * WRITES
    assert {note.id for note in notes} == reported
    labels = [
        note.note.split(" note ")[0] for note in sorted(notes, key=lambda note: note.created) if note.note
    ]
    assert labels.count("first") == labels.count("second") == WRITES
    # The premise: the writers ran at the same time. In the order the notes were made, each writer's
    # run (first to last write) overlaps the other's; one after the other, the runs would not meet.
    # (How finely they interleave is up to the scheduler: on two busy cores, runs of a hundred writes.)
    runs = [[i for i, label in enumerate(labels) if label == name] for name in ("first", "second")]
    overlap = min(run[-1] for run in runs) - max(run[0] for run in runs)
    assert overlap > WRITES // 2, "the two writers should have been writing at the same time"


def _hold_write_lock(path: Path, seconds: float, held: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_a_lock_held_past_the_busy_timeout_is_waited_out(
    tmp_path: Path, seed_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite gives up after its busy timeout; the store retries with backoff instead of failing the save."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    with Store.open(tmp_path) as store:
        store.open_document(seed_document)
        held = threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(tmp_path / DATABASE, 0.5, held))
        holder.start()
        held.wait()
        started = time.monotonic()
        change = store.annotate(seed_document.sha256, 0, 10, note="written once the lock is free")
        waited = time.monotonic() - started
        holder.join()
        assert waited >= 0.4  # far past SQLite's 20 ms: the retry loop did the waiting
        assert store.annotation(change.annotation_id) == change.after


def test_a_lock_that_never_ends_is_one_clear_error(
    tmp_path: Path, seed_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(database, "RETRY_SECONDS", 0.3)
    with Store.open(tmp_path) as store:
        store.open_document(seed_document)
        held = threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(tmp_path / DATABASE, 1.0, held))
        holder.start()
        held.wait()
        with pytest.raises(StoreError, match="stayed busy for 0.3 s"):
            store.annotate(seed_document.sha256, 0, 10, note="never written")
        holder.join()
        assert store.annotations(seed_document.sha256) == []
