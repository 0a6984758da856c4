"""The review queue: opening the queue of a 500-claim library (key to the list's first drawn frame), and
deciding a claim (key to committed transaction), headless through Textual's Pilot on a real store in a
temporary folder. The key-to-idle figure beside them includes Pilot's own waiting for the app to be idle.

``python -m benchmarks --only review_bench`` (or ``python -m benchmarks.review_bench``) prints the figures.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import article
from benchmarks.harness import Figure
from benchmarks.stats import percentile_interval
from reader.analysis.model import Claim, EngineInfo
from reader.intake import make_document
from reader.store import Store
from tests.handmade import handmade_analysis, paragraph_sentences

ARTICLES, CLAIMS_EACH = 25, 20  # 500 claims
OPEN_TARGET_MS, DECIDE_TARGET_MS = 300.0, 20.0


def _library(folder: Path, articles: int) -> int:
    """``articles`` articles of CLAIMS_EACH flagged claims each, analyses cached as the reader caches them."""
    claims = 0
    with Store.open(folder) as store:
        for number in range(articles):
            document = make_document(
                f"Article {number}\n\n" + article(1500 + number),
                source=f"/bench/{number}.txt",
                extractor="plain",
            )
            store.open_document(document)
            chosen = document.paragraphs[1 : CLAIMS_EACH + 1]
            found = [
                Claim(f"c{i}", p.start, p.end, document.text[p.start : p.end], None, "hedge", "weak")
                for i, p in enumerate(chosen)
            ]
            claims += len(found)
            analysis = handmade_analysis(
                document, EngineInfo("bench", "bench"), sentences=paragraph_sentences(document), claims=found
            )
            store.save_analysis(analysis)
    return claims


async def _drive(opens: int, decisions: int) -> tuple[list[float], list[float], list[float], int]:
    from reader.tui import ReaderApp
    from reader.tui.screens.review import ReviewScreen
    from reader.tui.widgets.queue_list import QueueList

    app = ReaderApp(None, theme="reader-dark")
    open_ms: list[float] = []
    decide_ms: list[float] = []
    idle_ms: list[float] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        shown = 0
        drawn: list[float] = []
        render = QueueList.render

        def timed_render(self: QueueList) -> object:  # the first frame of the filled list is "open"
            result = render(self)
            if self.count:
                drawn.append(time.perf_counter())
            return result

        QueueList.render = timed_render  # type: ignore[method-assign]
        try:
            for _ in range(opens):
                drawn.clear()
                start = time.perf_counter()
                await pilot.press("R")
                await pilot.pause()
                assert isinstance(app.screen, ReviewScreen) and drawn
                open_ms.append((drawn[0] - start) * 1000)
                shown = len(app.screen.shown)
                await pilot.press("escape")
                await pilot.pause()
        finally:
            QueueList.render = render  # type: ignore[method-assign]
        await pilot.press("R")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, ReviewScreen)
        store = app.session.store
        committed: list[float] = []
        decide = store.decide

        def timed_decide(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a pass-through
            change = decide(*args, **kwargs)
            committed.append(time.perf_counter())  # the transaction has committed when decide returns
            return change

        store.decide = timed_decide  # type: ignore[method-assign]
        for _ in range(decisions):
            item = queue.current
            assert item is not None
            start = time.perf_counter()
            await pilot.press("4")
            idle_ms.append((time.perf_counter() - start) * 1000)
            decide_ms.append((committed[-1] - start) * 1000)
            stored = store.span_annotation(item.sha256, item.start, item.end)
            assert stored.verdict == "false", "the verdict was not committed when the key returned"
    return open_ms, decide_ms, idle_ms, shown


def figures(quick: bool = False) -> list[Figure]:
    saved = {name: os.environ.get(name) for name in ("READER_DATA_DIR", "READER_CONFIG_DIR")}
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        claims = _library(base / "data", ARTICLES if not quick else 5)
        os.environ["READER_DATA_DIR"] = str(base / "data")
        os.environ["READER_CONFIG_DIR"] = str(base / "config")
        try:
            open_ms, decide_ms, idle_ms, shown = asyncio.run(_drive(3 if quick else 7, 20 if quick else 60))
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    opened = statistics.median(open_ms)
    p95 = percentile_interval(decide_ms, 0.95).value
    return [
        Figure(
            f"review queue opens ({claims}-claim library, {shown} listed)",
            opened,
            None,
            "ms",
            f"< {OPEN_TARGET_MS:g} ms",
            opened < OPEN_TARGET_MS if not quick else None,
            spread=f"median of {len(open_ms)}, max {max(open_ms):.0f} ms",
        ),
        Figure(
            "review: decide a claim, key to committed transaction (p95)",
            p95,
            None,
            "ms",
            f"< {DECIDE_TARGET_MS:g} ms p95",
            p95 < DECIDE_TARGET_MS if not quick else None,
            spread=f"median {statistics.median(decide_ms):.1f} ms over {len(decide_ms)} decisions",
        ),
        Figure(
            "review: decide a claim, key to the next claim drawn (p95)",
            percentile_interval(idle_ms, 0.95).value,
            None,
            "ms",
            "report",
            None,
            spread=f"median {statistics.median(idle_ms):.1f} ms; Pilot waits for the app to be idle",
        ),
    ]


def main() -> None:
    for figure in figures():
        print(figure.row())


if __name__ == "__main__":
    main()
