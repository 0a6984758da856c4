"""Real clusters give the same tables as one process, and a killed worker loses no document."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
from conftest import BAD, DOCUMENTS

from reader.corpus.run import Options, run
from reader.corpus.tables import TABLES

BIN = Path(sys.executable).parent


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.glob("*/part-*.parquet"))}


def assert_same_tables(out: Path, reference: Path) -> None:
    ours, theirs = tables_bytes(out), tables_bytes(reference)
    assert sorted(ours) == sorted(theirs)
    assert len(ours) == len(TABLES) * 21  # 203 records in shards of 10
    for name in ours:
        assert ours[name] == theirs[name], name


def test_local_cluster_of_two_workers_matches_one_process(
    one_process: Path, corpus_file: Path, tmp_path: Path
):
    summary = run([str(corpus_file)], Options(out=tmp_path, workers=2, batch_size=10))
    assert (summary.documents, summary.failures, summary.shards_written) == (DOCUMENTS, BAD, 21)
    assert_same_tables(tmp_path, one_process)
    documents = pq.read_table(tmp_path / "documents")
    assert documents.num_rows == DOCUMENTS
    assert len(set(documents.column("doc_id").to_pylist())) == DOCUMENTS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(condition, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_scheduler_and_two_worker_processes_survive_a_killed_worker(
    one_process: Path, corpus_file: Path, tmp_path: Path
):
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    scheduler = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"],
        **quiet,
    )
    options = ["--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
    workers = [subprocess.Popen([BIN / "dask", "worker", address, *options], **quiet) for _ in range(2)]
    out = tmp_path / "out"
    try:
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        outcome: dict[str, object] = {}

        def drive() -> None:
            try:
                outcome["summary"] = run(
                    [str(corpus_file)], Options(out=out, scheduler=address, batch_size=10)
                )
            except BaseException as exc:  # reported by the assertion below
                outcome["error"] = exc

        driver = threading.Thread(target=drive)
        driver.start()
        _wait_for(lambda: len(list(out.glob("documents/part-*.parquet"))) >= 2, 120, "the first shards")
        os.killpg(workers[0].pid, signal.SIGKILL)  # mid-run: most shards are still to do
        driver.join(180)
        assert not driver.is_alive()
        assert "error" not in outcome, outcome.get("error")
        summary = outcome["summary"]
        assert (summary.documents, summary.failures) == (DOCUMENTS, BAD)
        assert_same_tables(out, one_process)
    finally:
        for process in (*workers, scheduler):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in (*workers, scheduler):
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
