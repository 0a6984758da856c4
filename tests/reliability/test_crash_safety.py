"""Kill -9 at random moments: every note a writer reported saved is in an intact database afterwards."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from reader.intake import Document
from reader.store import Store
from reader.store.database import DATABASE
from tests.reliability.note_writer import fork_writer

KILLS = 100
# Up to the first ~50 ms a kill can land in Store.open (WAL set-up, migrations, quick_check) or open_document.
MAX_DELAY = 0.08


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def test_sigkill_at_random_moments_loses_no_reported_note(tmp_path: Path, seed_document: Document) -> None:
    rng = random.Random(11)  # reproducible delays
    data = tmp_path / "data"
    reported: set[str] = set()
    for round_number in range(KILLS):
        pid, pipe = fork_writer(data, seed_document, f"round {round_number}")
        time.sleep(rng.uniform(0, MAX_DELAY))
        os.kill(pid, signal.SIGKILL)
        output = _read_all(pipe)
        _, status = os.waitpid(pid, 0)
        # killed while still working: it neither finished nor failed on its own
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"round {round_number}"
        # a line the kill cut short was never promised
        complete = output[: output.rfind("\n") + 1]
        reported.update(line.split()[1] for line in complete.splitlines())

    conn = sqlite3.connect(data / DATABASE)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(data) as store:
        assert store.notices == [] and store.degraded is None
        stored = {annotation.id for annotation in store.annotations(seed_document.sha256)}
    assert len(reported) > KILLS, "the kills should mostly land while notes are being written"
    assert reported <= stored, f"{len(reported - stored)} reported notes are missing"
