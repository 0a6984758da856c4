"""Corpus runs on Dask: throughput per worker against one process, scaling to 2 workers, flat memory.

Each throughput run joins an already started ``LocalCluster`` whose workers have
loaded the model, so the timing is the steady state a long corpus run lives in
(cluster start and model load are a fixed cost, measured in the ``--jobs`` row).
The throughput rows are interleaved pairs with an interval, like every ratio row
(benchmarks.stats): one unpaired run each had swung from 0.66x to 1.29x on the
shared machine. Every run's ``documents`` table must hold every word of the
input, so a run that lost documents fails instead of looking fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq

from benchmarks.corpus import article, write_article
from benchmarks.harness import Figure, ratio_figure, timed
from benchmarks.rss import METHOD, peak_kb
from benchmarks.stats import compare
from reader.analysis.engine import analyze_many
from reader.analysis.nlp import load_pipeline
from reader.corpus.progress import RunProgress
from reader.corpus.run import Options, local_cluster, run
from reader.corpus.work import PipelinePlugin
from reader.intake import make_document

READER = str(Path(sys.executable).parent / "reader")
OUTLETS = ("north", "south", "east")
PER_WORKER = 0.9  # a worker's words/s against one process
SCALING = 1.7  # 2 workers' words/s against 1


def write_jsonl(path: Path, count: int, words: int) -> Path:
    with open(path, "w", encoding="utf-8") as stream:
        for index in range(count):
            record = {"id": f"doc-{index:05d}", "text": article(words, seed=index)}
            record.update(outlet=OUTLETS[index % 3], date=f"2024-{1 + index % 12:02d}-01")
            stream.write(json.dumps(record) + "\n")
    return path


@contextmanager
def _cluster(workers: int) -> Iterator:
    from distributed import Client

    with (
        local_cluster(workers) as cluster,
        Client(cluster) as client,
    ):  # the one `reader corpus analyze` starts
        client.register_plugin(PipelinePlugin())  # the model loads before the clock starts
        yield cluster, client


def corpus_seconds(source: Path, cluster, words: int) -> float:  # noqa: ANN001
    """Seconds of a whole run joined to ``cluster``; a run that lost a word of the input is an error."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        run([str(source)], Options(out=Path(out), scheduler=cluster.scheduler_address))
        seconds = time.perf_counter() - start
        written = sum(pq.read_table(Path(out) / "documents", columns=["words"]).column("words").to_pylist())
    if written != words:
        raise RuntimeError(f"the corpus run wrote {written} words of {words}")
    return seconds


def one_process(source: Path) -> tuple[Callable[[], float], int]:
    """What ``reader analyze`` does with the same texts in this process (model loaded): seconds, words."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    documents = [make_document(r["text"], source=r["id"], extractor="plain") for r in records]
    pipeline = load_pipeline()
    list(analyze_many(documents[:5], pipeline=pipeline))  # warm-up
    return (lambda: timed(lambda: list(analyze_many(documents, pipeline=pipeline)))), sum(
        len(d.text.split()) for d in documents
    )


def throughput(articles: int, words: int, pairs: tuple[int, int]) -> list[Figure]:
    """Interleaved pairs (benchmarks.stats): 1 worker against one process, then 2 workers against 1.

    Times, not rates, are paired, so the targets are time ratios: 0.9x the words/s is 1/0.9 the
    time. The 2-worker cluster starts only after the first row, so it cannot slow that one.
    """
    what = f"{articles} generated articles of {words} words"
    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "articles.jsonl", articles, words)
        baseline, total = one_process(source)
        with _cluster(1) as (one, _):
            single = compare(lambda: corpus_seconds(source, one, total), baseline, 1 / PER_WORKER, *pairs)
            single_load = os.getloadavg()[0]
            with _cluster(2) as (two, _):
                double = compare(
                    lambda: corpus_seconds(source, two, total),
                    lambda: corpus_seconds(source, one, total),
                    1 / SCALING,
                    *pairs,
                )
                double_load = os.getloadavg()[0]
    return [
        ratio_figure(
            f"corpus time, 1 worker vs reader analyze in one process, {what}",
            single,
            "s",
            round(1 / PER_WORKER, 3),
            f"one process ({PER_WORKER:g}x its words/s)",
            note=f"{1 / single.ratio.value:.2f}x the words/s of one process; {total / single.ours:.0f} words/s; "
            + _load(single_load),
        ),
        ratio_figure(
            f"corpus time, 2 workers vs 1, {what}",
            double,
            "s",
            round(1 / SCALING, 3),
            f"1 worker ({SCALING:g}x its words/s)",
            note=f"{1 / double.ratio.value:.2f}x the words/s of 1 worker; {total / double.ours / 2:.0f} words/s per worker; "
            + _load(double_load),
        ),
    ]


def _load(average: float) -> str:
    """Why a row can fail on a busy machine: Linux's autogroup gives this session one fair share of
    the CPU when other sessions are busy, however many processes it runs (at load 5.5 on 2 cores, 1
    and 2 busy processes of one session both got 0.5 of a core), so 2 workers cannot beat 1 then,
    and a worker's event loops take their CPU out of its task thread's share."""
    return f"load average {average:.1f} on {os.cpu_count()} cores at the end"


def memory(documents: int, words: int, workers: int = 2) -> Figure:
    """Each worker's peak RSS once a tenth of the corpus is done, and at the end."""
    samples: dict[str, list[int]] = {}
    total = {"done": 0}

    class Sampling(RunProgress):
        def advance(self, done: int, failures: int) -> None:
            super().advance(done, failures)
            total["done"] += done + failures
            if total["done"] >= documents // 10 and "early" not in samples:
                samples["early"] = list(client.run(peak_kb).values())

    with _cluster(workers) as (cluster, client), tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "articles.jsonl", documents, words)
        run(
            [str(source)],
            Options(out=Path(folder) / "out", scheduler=cluster.scheduler_address),
            Sampling(documents),
        )
        samples["end"] = list(client.run(peak_kb).values())
    early, end = max(samples["early"]) / 1024, max(samples["end"]) / 1024
    return Figure(
        f"peak memory per worker over {documents:,} documents of {words} words ({workers} workers)",
        end,
        early,
        "MB",
        "<= 1.10x (baseline: after the first tenth)",
        end / early <= 1.10,
        note=f"{METHOD} per worker at the end: "
        + ", ".join(f"{kb / 1024:.0f}" for kb in samples["end"])
        + " MB",
    )


def jobs_against_corpus(articles: int, words: int) -> Figure:
    """The measurement behind keeping ``reader analyze --jobs`` a fork pool (see the README)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [str(write_article(Path(folder) / "in", words, seed)) for seed in range(articles)]

        def seconds(command: list[str]) -> float:
            return timed(
                lambda: subprocess.run(
                    command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )

        jobs = seconds([READER, "analyze", "--json", "--jobs", "2", *paths])
        corpus = seconds([READER, "corpus", "analyze", str(Path(folder) / "in"), "--out", str(Path(folder) / "out"),
                        "--workers", "2", "--format", "jsonl"])  # fmt: skip
    return Figure(
        f"reader analyze --jobs 2 vs corpus analyze --workers 2, {articles} files of {words} words, end to end",
        jobs,
        corpus,
        "s",
        "report (decides --jobs)",
        None,
        note=f"corpus path takes {corpus / jobs:.2f}x the fork pool's time",
    )


def figures(quick: bool = False) -> list[Figure]:
    rows = throughput(100 if quick else 500, 200, (5, 10) if quick else (4, 8))
    rows.append(memory(1_000 if quick else 5_000, 60))
    rows.append(jobs_against_corpus(20 if quick else 100, 300))
    return rows
