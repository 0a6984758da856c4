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

READER = Path(sys.executable).parent / "reader"


def test_rerun_after_a_killed_run_finishes_the_rest_only(
    one_process: Path, corpus_file: Path, tmp_path: Path
):
    out = tmp_path / "out"
    command = [READER, "corpus", "analyze", corpus_file, "--out", out, "--workers", "1", "--batch-size", "10"]
    first = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    while not (manifest.exists() and len(json.loads(manifest.read_text())["shards"]) >= 3):
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "no shard written in time"
        time.sleep(0.05)
    import os

    os.killpg(first.pid, signal.SIGKILL)  # the driver and its LocalCluster go at once, mid-run
    first.wait(30)
    done = len(json.loads(manifest.read_text())["shards"])
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
