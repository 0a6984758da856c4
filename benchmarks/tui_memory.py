"""Peak memory of the TUI holding a long article with its real analysis, against the model alone.

Each side runs in a process of its own and reports its own peak resident set size
(benchmarks.rss: VmHWM, since ru_maxrss in a child includes its parent's peak): the
baseline loads the spaCy pipeline and runs an empty Textual app headless; ours analyses
the generated article with the real engine (model loaded), opens it in the reader
headless, and pages through it. Analysing 500,000 words
takes minutes, so ``python -m benchmarks --quick`` leaves this figure out.

``python -m benchmarks.tui_memory [WORDS]`` prints the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import asyncio, json
from benchmarks.rss import peak_kb
from textual.app import App
from reader.analysis.nlp import load_pipeline

pipeline = load_pipeline()

async def main():
    async with App().run_test(size=(120, 40)) as pilot:
        await pilot.pause()

asyncio.run(main())
print(json.dumps({"peak_mb": peak_kb() / 1024}))
"""

OURS = """
import asyncio, json, sys, time
from benchmarks.rss import peak_kb
from benchmarks.corpus import article
from reader.analysis import analyze
from reader.intake import make_document
from reader.tui import ReaderApp

document = make_document(article(int(sys.argv[1])), source="synthetic", extractor="plain")
started = time.perf_counter()
analysis = analyze(document)
analysed = time.perf_counter() - started

def refuse(*_args, **_kwargs):
    raise RuntimeError("the analysis is given")

async def main():
    app = ReaderApp(document, analysis=analysis, analyzer=refuse, theme="reader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in ("j", "pagedown", "pagedown", "right_square_bracket", "G", "g", "tab", "j", "j"):
            await pilot.press(key)
        await pilot.pause()

asyncio.run(main())
marks = len(analysis.quotes) + len(analysis.numbers) + len(analysis.claims) + len(analysis.checks)
print(json.dumps({
    "peak_mb": peak_kb() / 1024,
    "words": len(document.text.split()),
    "marks": marks,
    "analysis_s": analysed,
}))
"""


def _run(script: str, *args: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "READER_DATA_DIR": str(Path(folder) / "data"),
            "READER_CONFIG_DIR": str(Path(folder) / "config"),
        }
        done = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"memory benchmark child failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_memory(words: int = 500_000) -> dict[str, float]:
    """Peak RSS in MB of the reader with the analysed article and of the model in an empty app."""
    baseline = _run(BASELINE)
    ours = _run(OURS, str(words))
    return {**ours, "baseline_mb": baseline["peak_mb"]}


def main() -> None:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    result = peak_memory(words)
    print(
        f"article: {result['words']:,.0f} words, {result['marks']:,.0f} marks, analysed in {result['analysis_s']:.0f} s"
    )
    print(f"peak RSS, reader with the analysed article: {result['peak_mb']:.0f} MB (target < 1536 MB)")
    print(f"peak RSS, model loaded in an empty app:     {result['baseline_mb']:.0f} MB")


if __name__ == "__main__":
    main()
