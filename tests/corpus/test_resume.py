"""A rerun after an interruption analyses only what is missing or damaged."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import BAD, DOCUMENTS
from test_cluster import assert_same_tables

from reader.corpus.run import Options, run
from reader.corpus.shards import MANIFEST, Manifest
from reader.corpus.tables import empty_rows
from reader.corpus.work import BatchResult

READER = Path(sys.executable).parent / "reader"


def recorded(manifest: Path) -> set[int]:
    """The shards a manifest records (its first line is the header)."""
    lines = manifest.read_text().splitlines() if manifest.exists() else []
    return {json.loads(line)["shard"] for line in lines[1:] if line.endswith("}")}


def test_rerun_after_a_killed_run_finishes_the_rest_only(
    one_process: Path, corpus_file: Path, tmp_path: Path
):
    out = tmp_path / "out"
    command = [READER, "corpus", "analyze", corpus_file, "--out", out, "--workers", "1", "--batch-size", "10"]
    first = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    manifest = out / MANIFEST
    deadline = time.monotonic() + 120
    while len(recorded(manifest)) < 3:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "no shard written in time"
        time.sleep(0.05)
    import os

    os.killpg(first.pid, signal.SIGKILL)  # the driver and its LocalCluster go at once, mid-run
    first.wait(30)
    done = len(recorded(manifest))
    assert done < 21
    damaged = out / "quotes" / "part-00000.parquet"
    damaged.write_bytes(damaged.read_bytes()[:-10])  # a shard whose file no longer matches its hash

    summary = run([str(corpus_file)], Options(out=out, batch_size=10, processes=False))
    assert summary.shards_skipped == done - 1
    assert summary.shards_written == 21 - (done - 1)
    assert (summary.documents, summary.failures) == (DOCUMENTS, BAD)
    assert_same_tables(out, one_process)


def test_a_complete_folder_is_verified_and_skipped(one_process: Path, corpus_file: Path):
    summary = run([str(corpus_file)], Options(out=one_process, batch_size=10, processes=False))
    assert (summary.shards_written, summary.shards_skipped) == (0, 21)
    assert (summary.documents, summary.failures) == (DOCUMENTS, BAD)


def test_each_shard_appends_one_line_and_leaves_the_manifest_before_it_as_it_was(tmp_path: Path):
    manifest = Manifest.open(tmp_path, "parquet", 10)
    path = tmp_path / MANIFEST
    before = path.read_bytes()
    for shard in range(3):
        manifest.write(shard, f"print-{shard}", BatchResult(rows=empty_rows()))
        after = path.read_bytes()
        assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
        before = after
    manifest.write(1, "print-again", BatchResult(rows=empty_rows()))  # a shard redone: the latest line wins
    again = Manifest.open(tmp_path, "parquet", 10)
    assert recorded(path) == {0, 1, 2} and again.shards["1"]["fingerprint"] == "print-again"
    assert all(again.is_done(shard, again.shards[str(shard)]["fingerprint"]) for shard in range(3))


def test_a_manifest_line_cut_short_by_a_kill_is_dropped_and_its_shard_redone(tmp_path: Path):
    manifest = Manifest.open(tmp_path, "parquet", 10)
    for shard in range(2):
        manifest.write(shard, f"print-{shard}", BatchResult(rows=empty_rows()))
    path = tmp_path / MANIFEST
    path.write_bytes(path.read_bytes()[:-20])  # the second shard's line, half written
    reopened = Manifest.open(tmp_path, "parquet", 10)
    assert set(reopened.shards) == {"0"}
    reopened.write(1, "print-1", BatchResult(rows=empty_rows()))
    assert set(Manifest.open(tmp_path, "parquet", 10).shards) == {"0", "1"}
