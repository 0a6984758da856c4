"""Corpus runs on Dask: throughput per worker against one process, scaling to 2 workers, flat memory.

Each throughput run joins an already started ``LocalCluster`` whose workers have
loaded the model, so the timing is the steady state a long corpus run lives in
(cluster start and model load are a fixed cost, measured in the ``--jobs`` row).
Words per second are counted from the written ``documents`` table, so a run
that lost documents cannot look fast.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from benchmarks.corpus import article, write_article
from benchmarks.harness import Figure
from reader.analysis.engine import analyze_many
from reader.analysis.nlp import load_pipeline
from reader.corpus.progress import RunProgress
from reader.corpus.run import Options, local_cluster, run
from reader.corpus.work import PipelinePlugin
from reader.intake import make_document

READER = str(Path(sys.executable).parent / "reader")
OUTLETS = ("north", "south", "east")


def write_jsonl(path: Path, count: int, words: int) -> Path:
    with open(path, "w", encoding="utf-8") as stream:
        for index in range(count):
            record = {"id": f"doc-{index:05d}", "text": article(words, seed=index)}
            record.update(outlet=OUTLETS[index % 3], date=f"2024-{1 + index % 12:02d}-01")
            stream.write(json.dumps(record) + "\n")
    return path


def _cluster(workers: int):  # noqa: ANN202
    from distributed import Client

    cluster = local_cluster(workers)  # the one `reader corpus analyze` starts
    client = Client(cluster)
    client.register_plugin(PipelinePlugin())  # the model loads before the clock starts
    return cluster, client


def corpus_words_per_second(source: Path, workers: int) -> float:
    """Words per second of the whole run on ``workers`` worker processes."""
    cluster, client = _cluster(workers)
    try:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            run([str(source)], Options(out=Path(out), scheduler=cluster.scheduler_address))
            seconds = time.perf_counter() - start
            words = sum(pq.read_table(Path(out) / "documents", columns=["words"]).column("words").to_pylist())
    finally:
        client.close()
        cluster.close()
    return words / seconds


def one_process_words_per_second(source: Path) -> float:
    """What ``reader analyze`` does with the same texts in this process (model already loaded)."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    documents = [make_document(r["text"], source=r["id"], extractor="plain") for r in records]
    pipeline = load_pipeline()
    list(analyze_many(documents[:5], pipeline=pipeline))  # warm-up
    start = time.perf_counter()
    list(analyze_many(documents, pipeline=pipeline))
    seconds = time.perf_counter() - start
    return sum(len(d.text.split()) for d in documents) / seconds


def throughput(articles: int, words: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "articles.jsonl", articles, words)
        baseline = one_process_words_per_second(source)
        one = corpus_words_per_second(source, 1)
        two = corpus_words_per_second(source, 2)
    what = f"{articles} generated articles of {words} words"
    return [
        Figure(
            f"corpus words/s per worker (1 worker) vs reader analyze in one process, {what}",
            one,
            baseline,
            "words/s",
            ">= 0.9x",
            one / baseline >= 0.9,
        ),
        Figure(
            f"corpus words/s, 2 workers vs 1, {what}",
            two,
            one,
            "words/s",
            ">= 1.7x",
            two / one >= 1.7,
            note=f"{two / 2:.0f} words/s per worker",
        ),
    ]


def _peak_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory(documents: int, words: int, workers: int = 2) -> Figure:
    """Each worker's peak RSS once a tenth of the corpus is done, and at the end."""
    cluster, client = _cluster(workers)
    samples: dict[str, list[int]] = {}
    total = {"done": 0}

    class Sampling(RunProgress):
        def advance(self, done: int, failures: int) -> None:
            super().advance(done, failures)
            total["done"] += done + failures
            if total["done"] >= documents // 10 and "early" not in samples:
                samples["early"] = list(client.run(_peak_kb).values())

    try:
        with tempfile.TemporaryDirectory() as folder:
            source = write_jsonl(Path(folder) / "articles.jsonl", documents, words)
            run(
                [str(source)],
                Options(out=Path(folder) / "out", scheduler=cluster.scheduler_address),
                Sampling(documents),
            )
            samples["end"] = list(client.run(_peak_kb).values())
    finally:
        client.close()
        cluster.close()
    early, end = max(samples["early"]) / 1024, max(samples["end"]) / 1024
    return Figure(
        f"peak memory per worker over {documents:,} documents of {words} words ({workers} workers)",
        end,
        early,
        "MB",
        "<= 1.10x (baseline: after the first tenth)",
        end / early <= 1.10,
        note="per worker at the end: " + ", ".join(f"{kb / 1024:.0f}" for kb in samples["end"]) + " MB",
    )


def jobs_against_corpus(articles: int, words: int) -> Figure:
    """The measurement behind keeping ``reader analyze --jobs`` a fork pool (see the README)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [str(write_article(Path(folder) / "in", words, seed)) for seed in range(articles)]

        def timed(command: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start

        jobs = timed([READER, "analyze", "--json", "--jobs", "2", *paths])
        corpus = timed([READER, "corpus", "analyze", str(Path(folder) / "in"), "--out", str(Path(folder) / "out"),
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
    rows = throughput(100 if quick else 500, 200)
    rows.append(memory(1_000 if quick else 5_000, 60))
    rows.append(jobs_against_corpus(20 if quick else 100, 300))
    return rows
