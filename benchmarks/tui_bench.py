"""TUI figures for ``python -m benchmarks``: first paint against a bare Textual app, keypress latency, memory."""

from __future__ import annotations

from benchmarks.harness import Figure
from benchmarks.tui_first_paint import first_paint
from benchmarks.tui_latency import keypress_latency


def figures(quick: bool = False) -> list[Figure]:
    paint = first_paint(repeats=3 if quick else 7)
    latency = keypress_latency(words=100_000 if quick else 500_000, presses=100 if quick else 300)
    words = f"{latency['words']:,.0f}-word article, {latency['marks']:,.0f} marks"
    return [
        Figure(
            "TUI first paint (seed, new process)", paint["reader_s"], paint["baseline_s"], "s",
            "<= 1.5x bare Static", paint["ratio"] <= 1.5, note=f"median of {paint['repeats']}",
        ),
        Figure("TUI keypress latency p50", latency["p50_ms"], None, "ms", "report", None, note=words),
        Figure("TUI keypress latency p95", latency["p95_ms"], None, "ms", "< 50 ms", latency["p95_ms"] < 50, note=words),
        Figure("TUI open long article", latency["open_s"], None, "s", "report", None, note=words),
        Figure("TUI peak memory (RSS)", latency["peak_rss_mb"], None, "MB", "report", None, note=words),
    ]
