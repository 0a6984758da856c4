"""Analysis speed against a bare ``nlp.pipe`` of the same model, batch scaling, and memory on 500k words."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import ROOT, SEED, article, write_article
from benchmarks.harness import Figure, ratio_figure, timed
from benchmarks.rss import METHOD
from benchmarks.stats import compare
from reader.analysis.engine import BATCH_SIZE, analyze_many, split_pieces
from reader.analysis.nlp import MODEL_PACKAGES, load_pipeline
from reader.intake import make_document

READER = str(Path(sys.executable).parent / "reader")


def peer_pipeline() -> Any:
    """The model as a peer loads it: every component as shipped, none sped up (senter ships disabled)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise SystemExit("engine_bench needs en_core_web_sm")


def analysis_vs_bare_pipe(name: str, text: str, target: float, pairs: tuple[int, int]) -> Figure:
    pipeline = load_pipeline()
    peer = peer_pipeline()
    document = make_document(text, source=name, extractor="plain")
    texts = [text[p.start : p.end] for p in split_pieces(document)]

    def ours() -> None:
        list(analyze_many([document], pipeline=pipeline))

    def bare() -> None:
        for _ in peer.pipe(texts, batch_size=BATCH_SIZE):
            pass

    bare()  # warm-up: each side's vocabulary and caches, once over the text
    for _ in pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    paired = compare(lambda: timed(ours), lambda: timed(bare), target, *pairs)
    return ratio_figure(f"analysis time, {name}", paired, "s", target, "a bare nlp.pipe of the full pipeline")


JOBS_SPEEDUP = 1.6  # --jobs 2 against --jobs 1 on two cores


def batch_jobs(articles: int = 200, words: int = 500, pairs: tuple[int, int] = (3, 8)) -> Figure:
    """``--jobs 2`` against ``--jobs 1`` in interleaved pairs; the target is a time ratio (1/1.6)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [str(write_article(Path(folder), words, seed)) for seed in range(articles)]

        def run(jobs: int) -> float:
            start = time.perf_counter()
            subprocess.run(
                [READER, "analyze", "--json", "--jobs", str(jobs), *paths],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            return time.perf_counter() - start

        paired = compare(lambda: run(2), lambda: run(1), 1 / JOBS_SPEEDUP, *pairs)
    return ratio_figure(
        f"batch analyze of {articles} articles, --jobs 2 vs --jobs 1",
        paired,
        "s",
        round(1 / JOBS_SPEEDUP, 3),
        f"--jobs 1 ({JOBS_SPEEDUP:g}x faster)",
        note=f"{1 / paired.ratio.value:.2f}x faster",
    )


MEMORY_PROBE = """
import json, sys, time
from benchmarks.rss import peak_kb
from reader.analysis.nlp import MODEL_PACKAGES, load_pipeline
from reader.analysis.engine import analyze_many
from reader.intake import make_document
pipeline = load_pipeline()
baseline = peak_kb()
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
if sys.argv[2] == "analyse":
    list(analyze_many([make_document(text, source="x", extractor="plain")], pipeline=pipeline))
seconds = time.perf_counter() - start
peak = peak_kb()
print(json.dumps({"baseline_kb": baseline, "peak_kb": peak, "seconds": seconds, "words": len(text.split())}))
"""


def long_text(words: int = 500_000) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        path = write_article(Path(folder), words)
        result = json.loads(
            subprocess.run(
                [sys.executable, "-c", MEMORY_PROBE, str(path), "analyse"],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
        )
    per_10k = result["seconds"] / result["words"] * 10_000
    peak_mb, base_mb = result["peak_kb"] / 1024, result["baseline_kb"] / 1024
    return [
        Figure(
            f"analysis seconds per 10,000 words ({words:,}-word text)", per_10k, None, "s", "report", None
        ),
        Figure(
            f"peak memory analysing {words:,} words",
            peak_mb,
            base_mb,
            "MB",
            "<= 1.15x the model loaded",
            peak_mb <= 1.15 * base_mb,
            note=f"one fresh process, peak RSS by {METHOD} (benchmarks.rss): near-deterministic, so no interval",
        ),
    ]


def figures(quick: bool = False) -> list[Figure]:
    seed = SEED.read_text(encoding="utf-8")
    rows = [analysis_vs_bare_pipe("seed article", seed, 1.2, (5, 10) if quick else (10, 30))]
    rows.append(analysis_vs_bare_pipe("100k words", article(100_000), 1.0, (3, 4) if quick else (5, 12)))
    rows.append(batch_jobs(40 if quick else 200, pairs=(3, 4) if quick else (3, 8)))
    rows += long_text(100_000 if quick else 500_000)
    return rows
