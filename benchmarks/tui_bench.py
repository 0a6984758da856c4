"""TUI figures for ``python -m benchmarks``: first paint and reopen against a bare Textual app, keypress
latency, memory (the real-analysis memory figure only in the full run: it analyses 500,000 words)."""

from __future__ import annotations

from benchmarks.harness import Figure, ratio_figure
from benchmarks.stats import Interval
from benchmarks.tui_first_paint import FIRST_PAINT_TARGET, first_paint
from benchmarks.tui_latency import keypress_latency
from benchmarks.tui_memory import peak_memory
from benchmarks.tui_reopen import REOPEN_TARGET, reopen

MEMORY_LIMIT_MB = 1536


def latency_figure(name: str, percentile: Interval, limit_ms: float, words: str) -> Figure:
    """A keypress percentile fails only when its whole interval is over one frame's budget."""
    return Figure(
        name,
        percentile.value,
        None,
        "ms",
        f"< {limit_ms:g} ms",
        percentile.low < limit_ms,
        percentile.describe(" ms"),
        words,
    )


def figures(quick: bool = False) -> list[Figure]:
    pairs = (3, 6) if quick else (5, 15)
    paint = first_paint(pairs)
    again, spacy_runs = reopen(pairs)
    latency = keypress_latency(words=100_000 if quick else 500_000, presses=100 if quick else 300)
    words = f"{latency['words']:,.0f}-word article, {latency['marks']:,.0f} marks"
    rows = [
        ratio_figure("TUI first paint (seed, new process)", paint, "s", FIRST_PAINT_TARGET, "bare Static"),
        ratio_figure(
            "TUI reopen, cached analysis, to panel filled",
            again,
            "s",
            REOPEN_TARGET,
            "bare Static",
            note=f"runs that imported spaCy: {spacy_runs} (must be 0)",
        ),
        latency_figure("TUI keypress latency p50", latency["p50"], 5.0, words),
        latency_figure("TUI keypress latency p95", latency["p95"], 16.0, words),
        Figure("TUI open long article", latency["open_s"], None, "s", "report", None, note=words),
        Figure(
            "TUI peak memory, synthetic marks", latency["peak_rss_mb"], None, "MB", "report", None, note=words
        ),
    ]
    if spacy_runs:
        rows[1].passed = False
    if not quick:
        memory = peak_memory(500_000)
        rows.append(
            Figure(
                "TUI peak memory, real analysis (model loaded)",
                memory["peak_mb"],
                memory["baseline_mb"],
                "MB",
                f"< {MEMORY_LIMIT_MB} MB total",
                memory["peak_mb"] < MEMORY_LIMIT_MB,
                note=f"{memory['words']:,.0f} words, {memory['marks']:,.0f} marks, analysed in "
                f"{memory['analysis_s']:.0f} s; baseline: model loaded, empty app",
            )
        )
    return rows
