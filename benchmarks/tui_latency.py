"""Keypress-to-frame latency on a generated 500,000-word article, headless, plus open time and peak memory.

The article comes from benchmarks.corpus; its analysis is built here by regexes
(quotes, numbers, hedged sentences) so the view has tens of thousands of marks
to place, as a real long analysis would. Each figure is the time from sending a
key to the app being idle again with the new frame composed.

``python -m benchmarks.tui_latency`` prints the figures.
"""

from __future__ import annotations

import asyncio
import re
import resource
import time
from typing import Any

from benchmarks.corpus import article
from benchmarks.stats import percentile_interval
from reader.analysis.model import (
    Analysis,
    Claim,
    EngineInfo,
    Number,
    Quote,
)
from reader.intake import Document, make_document
from tests.handmade import handmade_analysis

THINK_TIME = 0.1  # seconds between keys: a brisk reader (idle work such as prefetching happens here)
KEYS = ("j", "j", "j", "k", "J", "pagedown", "right_square_bracket", "j", "K", "pageup", "j", "G", "k", "g")
_QUOTE = re.compile(r"[\"“][^\"”]{10,300}[\"”]")
_NUMBER = re.compile(r"\d[\d,.]*%?")
_HEDGE = re.compile(r"[^.]*\b(?:reportedly|believed|could not be independently verified|anonymity)\b[^.]*\.")


def synthetic_analysis(document: Document) -> Analysis:
    text = document.text
    quotes = [
        Quote(f"q{i}", None, "direct", m.start(), m.end(), m.group())
        for i, m in enumerate(_QUOTE.finditer(text))
    ]
    numbers = [
        Number(
            f"n{i}",
            m.start(),
            m.end(),
            m.group(),
            "count",
            value=float(m.group().rstrip("%").replace(",", "") or 0),
        )
        for i, m in enumerate(_NUMBER.finditer(text))
        if m.group().rstrip("%").replace(",", "").replace(".", "", 1).isdigit()
    ]
    claims = [
        Claim(f"c{i}", m.start(), m.end(), m.group(), None, "hedge", "weak", explanation="hedged")
        for i, m in enumerate(_HEDGE.finditer(text))
    ]
    return handmade_analysis(
        document,
        EngineInfo("synthetic", "benchmark"),
        quotes=quotes,
        numbers=numbers,
        claims=claims,
    )


async def _drive(
    document: Document, analysis: Analysis, presses: int, size: tuple[int, int]
) -> tuple[float, list[float]]:
    """Send each key as the terminal driver would and time until the frame it causes has been composed.

    Pilot.press also waits for the whole process to go idle (tens of ms of polling),
    which is not what a reader feels, so the clock stops at the app's next display instead.
    """
    from textual import events

    from reader.tui import ReaderApp

    app = ReaderApp(document, analysis=analysis, analyzer=_no_analyzer, theme="reader-dark")
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - started
        displayed = asyncio.Event()
        display = app._display  # noqa: SLF001 - the one place a finished frame leaves the app

        def timed_display(screen, renderable) -> None:  # noqa: ANN001
            display(screen, renderable)
            displayed.set()

        app._display = timed_display  # noqa: SLF001
        latencies = []
        for number in range(presses):
            key = KEYS[number % len(KEYS)]
            await pilot.pause()
            await asyncio.sleep(THINK_TIME)
            displayed.clear()
            begin = time.perf_counter()
            event = events.Key(key, key if len(key) == 1 else None)
            event.set_sender(app)
            app._driver.send_message(event)  # noqa: SLF001
            try:
                await asyncio.wait_for(displayed.wait(), timeout=2.0)
            except asyncio.TimeoutError:
                continue  # nothing to draw (e.g. 'g' at the top): not a latency
            latencies.append(time.perf_counter() - begin)
    return opened, latencies


def _no_analyzer(*_args: object, **_kwargs: object) -> Analysis:
    raise RuntimeError("the benchmark passes a ready analysis")


def keypress_latency(
    words: int = 500_000, presses: int = 300, size: tuple[int, int] = (120, 40)
) -> dict[str, Any]:
    """p50/p95 keypress latency in ms with their intervals, max, open time in s, marks placed, peak RSS in MB."""
    document = make_document(article(words), source="synthetic", extractor="plain")
    analysis = synthetic_analysis(document)
    opened, latencies = asyncio.run(_drive(document, analysis, presses, size))
    ms = [value * 1000 for value in latencies]
    return {
        "words": float(len(document.text.split())),
        "marks": float(len(analysis.quotes) + len(analysis.numbers) + len(analysis.claims)),
        "open_s": opened,
        "p50": percentile_interval(ms, 0.5),
        "p95": percentile_interval(ms, 0.95),
        "max_ms": max(ms),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    result = keypress_latency()
    print(f"document: {result['words']:,.0f} words, {result['marks']:,.0f} marks")
    print(f"open (wrap, index, first frame): {result['open_s']:.2f} s")
    print(
        f"keypress latency p50 {result['p50'].value:.1f} ms ({result['p50'].describe(' ms')}), "
        f"p95 {result['p95'].value:.1f} ms ({result['p95'].describe(' ms')}; target < 16), max {result['max_ms']:.1f} ms"
    )
    print(f"peak memory (RSS): {result['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
