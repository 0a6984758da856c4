"""``reader serve`` in a real headless Chromium: from opening the page to the article painted in it,
against a bare Textual app (the seed in one Static) served the same way (the reader's server, page
and relay; only the app each tab runs differs).

A tab is timed from ``page.goto`` until the article's first words have reached the page's
websocket and two animation frames have passed (xterm.js draws what it was handed on the next
frame). Every tab starts a new app process, so the figure includes its start-up, as a user's
first visit does. Both servers run their tabs from compiled bytecode with one untimed warm-up
tab each (see tui_first_paint). Needs a ``chromium`` binary (the browser tests use the same).

``python -m benchmarks --only serve_bench`` prints the row.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser

from benchmarks.harness import Figure, ratio_figure
from benchmarks.stats import Paired, compare
from benchmarks.tui_first_paint import BASELINE, SEED, child_environment
from tests.serve.browser import Served, chromium, find_chromium, open_tab, start_server

MARKER = b"Even before the Alaska summit"
READY = b"Speakers ("  # the side panel once the analysis is in

BASELINE_SERVER = """
import asyncio, shlex, sys
from pathlib import Path
from reader.serve.server import ReaderServer, TabCommand, bind, page_url, quiet_logging, run

app, seed = sys.argv[1], sys.argv[2]
server = ReaderServer(TabCommand(seed, Path(".")), "bare")  # the reader's server, page and stop...
server.command = "exec " + shlex.join([sys.executable, app, seed])  # ...running the bare app per tab
sock = bind("127.0.0.1", 0)
quiet_logging()
asyncio.run(run(server, sock, f"bare: serving on {page_url(sock)}"))
"""


def time_tab(browser: Browser, served: Served, then: bytes | None = None) -> float:
    """Seconds from opening the page to the article painted; ``then``: keep the tab until it shows that."""
    tab = open_tab(browser, served.url)
    try:
        start = time.perf_counter()
        tab.page.goto(served.url)
        tab.wait_for(MARKER, timeout=60)
        tab.painted()
        elapsed = time.perf_counter() - start
        if then is not None:
            tab.wait_for(then, timeout=120)
        return elapsed
    finally:
        tab.page.close()


SERVE_TARGET = 1.5


def served_paint(pairs: tuple[int, int]) -> Paired:
    """Interleaved tabs (bare, ours, bare, ours...) until the ratio's interval decides."""
    executable = find_chromium()
    if executable is None:
        raise RuntimeError("no chromium binary on PATH (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="reader-serve-bench-") as temporary:
        folder = Path(temporary)
        (folder / "bare.py").write_text(BASELINE, encoding="utf-8")
        (folder / "bare_server.py").write_text(BASELINE_SERVER, encoding="utf-8")
        env = child_environment(folder)
        ours = start_server([sys.executable, "-m", "reader.cli", "serve", str(SEED), "--port", "0"], env=env)
        bare = start_server(
            [sys.executable, str(folder / "bare_server.py"), str(folder / "bare.py"), str(SEED)], env=env
        )
        try:
            with chromium(executable) as browser:
                # Warm-up: compiled bytecode from now on, and the article analysed and cached in the store,
                # so later tabs do not share the two cores with an analysis the closed tab left running.
                time_tab(browser, bare), time_tab(browser, ours, then=READY)
                return compare(
                    lambda: time_tab(browser, ours), lambda: time_tab(browser, bare), SERVE_TARGET, *pairs
                )
        finally:
            ours.stop(), bare.stop()


def figures(quick: bool = False) -> list[Figure]:
    paired = served_paint((3, 5) if quick else (5, 12))
    return [
        ratio_figure(
            "served in Chromium: page opened to article painted",
            paired,
            "s",
            SERVE_TARGET,
            "bare Static served the same way",
        )
    ]


if __name__ == "__main__":
    for figure in figures():
        print(figure.row())
