"""Drive a corpus run on Dask: shard the input, submit batches, write shards as results land.

One code path for a laptop and a cluster: with no ``--scheduler`` a
``LocalCluster`` of one single-threaded worker process per core (or
``--workers N``) is started and stopped here; with one, the run joins it. At
most a few batches per worker are in flight, so the driver's memory does not
grow with the corpus. A worker that dies takes its batches with it and the
scheduler runs them again elsewhere; the shard is written only once its rows
arrive, so nothing is lost or written twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.corpus.inputs import BadLine, Item, read_inputs
from reader.corpus.progress import RunProgress
from reader.corpus.shards import Manifest, fingerprint
from reader.corpus.tables import empty_rows, failure_rows, merge
from reader.corpus.work import BatchResult, PipelinePlugin, analyze_batch
from reader.intake import DEFAULT_MAX_BYTES, InputError

BATCH_SIZE = 25
IN_FLIGHT_PER_WORKER = 3
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class Options:
    out: Path
    format: str = "parquet"
    workers: int | None = None
    scheduler: str | None = None
    batch_size: int = BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES
    processes: bool = True  # False: one worker thread in this process (tests' and benchmarks' baseline)


@dataclass
class Summary:
    documents: int = 0
    failures: int = 0
    shards_skipped: int = 0
    shards_written: int = 0


def run(sources: list[str], options: Options, progress: RunProgress | None = None) -> Summary:
    """Analyse every input into ``options.out``; raises InputError when there is nothing to do."""
    batches = _batches(sources, options.batch_size)
    if not batches:
        raise InputError("no articles found in " + ", ".join(sources))
    manifest = Manifest.open(options.out, options.format, options.batch_size)
    summary = Summary()
    todo: list[tuple[int, str, list[Item | BadLine]]] = []
    for number, batch in enumerate(batches):
        print_ = fingerprint([entry for entry in batch if isinstance(entry, Item)]) + _bad_print(batch)
        if manifest.is_done(number, print_):
            entry = manifest.shards[str(number)]
            summary.shards_skipped += 1
            summary.documents += entry["documents"]
            summary.failures += entry["failures"]
        else:
            todo.append((number, print_, batch))
    progress = progress or RunProgress(sum(len(batch) for batch in batches))
    with progress:
        progress.advance(summary.documents, summary.failures)
        if todo:
            with _client(options) as client:
                if client.dashboard_link:
                    progress.note(f"Dask dashboard: {client.dashboard_link}")
                for number, print_, result in _submit(client, todo, options):
                    manifest.write(number, print_, result)
                    summary.shards_written += 1
                    summary.documents += result.documents
                    summary.failures += result.failures
                    progress.advance(result.documents, result.failures)
    return summary


def _bad_print(batch: list[Item | BadLine]) -> str:
    return "".join(f"|{entry.id}:{entry.error}" for entry in batch if isinstance(entry, BadLine))


def _batches(sources: list[str], size: int) -> list[list[Item | BadLine]]:
    batches: list[list[Item | BadLine]] = []
    for entry in read_inputs(sources):
        if not batches or len(batches[-1]) >= size:
            batches.append([])
        batches[-1].append(entry)
    return batches


def _submit(client, todo: list[tuple[int, str, list[Item | BadLine]]], options: Options) -> Iterator:  # noqa: ANN001
    """(shard number, fingerprint, BatchResult) as batches finish, a bounded number in flight."""
    from distributed import as_completed

    with_json = options.format == "jsonl"
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending = iter(todo)
    meta: dict[str, tuple[int, str, list[BadLine]]] = {}

    def submit_next() -> object | None:
        for number, print_, batch in pending:
            items = [entry for entry in batch if isinstance(entry, Item)]
            bad = [entry for entry in batch if isinstance(entry, BadLine)]
            future = client.submit(
                analyze_batch, items, options.max_bytes, with_json, key=f"reader-shard-{number}-{print_[:16]}"
            )
            meta[future.key] = (number, print_, bad)
            return future
        return None

    first = [f for f in (submit_next() for _ in range(workers * IN_FLIGHT_PER_WORKER)) if f is not None]
    queue = as_completed(first)
    for future in queue:
        number, print_, bad = meta.pop(future.key)
        result: BatchResult = future.result()
        future.release()
        if bad:
            result = _with_bad_lines(result, bad)
        yield number, print_, result
        following = submit_next()
        if following is not None:
            queue.add(following)


def _with_bad_lines(result: BatchResult, bad: list[BadLine]) -> BatchResult:
    rows = empty_rows()
    merge(rows, result.rows)
    for entry in bad:
        merge(rows, failure_rows(entry.id, "", "", "input", entry.error))
    return BatchResult(rows, result.analyses, result.documents, len(rows["failures"]))


@contextmanager
def _client(options: Options) -> Iterator:
    from distributed import Client
    from distributed.comm import get_address_host_port

    plugin = PipelinePlugin()
    if options.scheduler:
        try:
            get_address_host_port(options.scheduler)
        except ValueError as exc:  # checked first: a Client that fails this way breaks the next one
            raise InputError(f"{options.scheduler}: not a scheduler address ({exc})") from None
        try:
            client = Client(options.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"{options.scheduler}: cannot reach the Dask scheduler ({exc})") from None
        with client:
            client.register_plugin(plugin)
            yield client
        return
    with (
        local_cluster(options.workers or os.cpu_count() or 1, options.processes) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(plugin)
        yield client


# Dask's timers, slowed for a local cluster. Each wakes an event loop (scheduler and client in this
# process, a nanny and a worker per core) that takes the GIL from the task thread or the core from
# the next worker: with the defaults they cost 15-18% of the task thread's CPU, measured per
# thread over a run; with these 4-7%, and a fifth as much when idle. The profiler sampled the
# task thread's deep parser stack every 10 ms (0.2 s of CPU per 5 s of analysis); the event-loop
# tick (every 20 ms) still warns of a loop blocked over 3 s; the nanny still stops a worker that
# nears its memory limit, checked each second; stealing has nothing to move between identical
# workers fed a few batches at a time.
QUIET_DASK = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


def local_cluster(workers: int, processes: bool = True):  # noqa: ANN201
    """The cluster a run starts without ``--scheduler`` (the benchmarks start the same one).

    One single-threaded worker process each; ``processes=False`` is one worker
    thread in this process instead. Its timers are QUIET_DASK's, so the
    dashboard's Profile page stays empty and its system plots update every 5 s.
    """
    import dask
    from distributed import LocalCluster

    options = dict(n_workers=workers, threads_per_worker=1, dashboard_address=":0", silence_logs=40)
    if not processes:
        options.update(n_workers=1, processes=False)
    with dask.config.set(QUIET_DASK):
        return LocalCluster(**options)
