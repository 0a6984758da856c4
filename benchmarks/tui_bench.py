"""TUI figures for ``python -m benchmarks``: first paint and reopen against a bare Textual app, keypress
latency, memory (the real-analysis memory figure only in the full run: it analyses 500,000 words)."""

from __future__ import annotations

from benchmarks.harness import Figure
from benchmarks.tui_first_paint import first_paint
from benchmarks.tui_latency import keypress_latency
from benchmarks.tui_memory import peak_memory
from benchmarks.tui_reopen import reopen

MEMORY_LIMIT_MB = 1536


def figures(quick: bool = False) -> list[Figure]:
    paint = first_paint(repeats=3 if quick else 7)
    again = reopen(repeats=3 if quick else 7)
    latency = keypress_latency(words=100_000 if quick else 500_000, presses=100 if quick else 300)
    words = f"{latency['words']:,.0f}-word article, {latency['marks']:,.0f} marks"
    rows = [
        Figure(
            "TUI first paint (seed, new process)",
            paint["reader_s"],
            paint["baseline_s"],
            "s",
            "<= 1.5x bare Static",
            paint["ratio"] <= 1.5,
            note=f"median of {paint['repeats']}",
        ),
        Figure(
            "TUI reopen, cached analysis, to panel filled",
            again["reader_s"],
            again["baseline_s"],
            "s",
            "<= 1.5x bare Static, spaCy never imported",
            again["ratio"] <= 1.5 and again["spacy_runs"] == 0,
            note=f"median of {again['repeats']}; runs that imported spaCy: {again['spacy_runs']:.0f}",
        ),
        Figure("TUI keypress latency p50", latency["p50_ms"], None, "ms", "report", None, note=words),
        Figure(
            "TUI keypress latency p95",
            latency["p95_ms"],
            None,
            "ms",
            "< 50 ms",
            latency["p95_ms"] < 50,
            note=words,
        ),
        Figure("TUI open long article", latency["open_s"], None, "s", "report", None, note=words),
        Figure(
            "TUI peak memory, synthetic marks", latency["peak_rss_mb"], None, "MB", "report", None, note=words
        ),
    ]
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
