"""Reopening an article analysed before: new process to the side panel filled, spaCy never imported.

The data folder is prepared once with the seed's real analysis in the store's cache
(as the first open leaves it); each run then starts ``reader SEED`` on a
pseudo-terminal with READER_REPORT_PANEL_READY set, which the reading screen
writes, once the cached analysis is on screen, with the time and whether spaCy
was imported. The baseline is the bare Static app of benchmarks.tui_first_paint.

``python -m benchmarks.tui_reopen`` prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.stats import Paired, compare
from benchmarks.tui_first_paint import READER, ROOT, SEED, baseline_paint, spawn_and_wait


def prepare(data_dir: Path) -> None:
    """A store holding the seed's analysis by the running engine, as the reader's first open leaves it.

    Run in a process of its own (``python -m benchmarks.tui_reopen --prepare DIR``): the timed programs
    are then spawned from a small parent that never loaded spaCy or its thread pools."""
    from reader.analysis import analyze
    from reader.intake import load
    from reader.store import Store

    document = load(str(SEED))
    store = Store.open(data_dir)
    try:
        store.open_document(document)
        store.save_analysis(analyze(document))
    finally:
        store.close()


def reader_reopen(data_dir: Path) -> tuple[float, bool]:
    """Seconds from spawn to the filled panel, and whether the app process imported spaCy."""
    started, text = spawn_and_wait([str(READER), str(SEED)], "READER_REPORT_PANEL_READY", data_dir)
    report = json.loads(text)
    return report["time"] - started, bool(report["spacy_imported"])


REOPEN_TARGET = 1.3


def reopen(pairs: tuple[int, int] = (5, 15)) -> tuple[Paired, int]:
    """The reopen against the bare app in interleaved pairs; and how many runs imported spaCy."""
    spacy_runs = 0

    def ours() -> float:
        nonlocal spacy_runs
        seconds, spacy = reader_reopen(data_dir)
        spacy_runs += spacy
        return seconds

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.tui_reopen", "--prepare", str(data_dir)], cwd=ROOT, check=True
        )
        baseline_paint(), reader_reopen(data_dir)  # warm-up: both now start from compiled bytecode
        return compare(ours, baseline_paint, REOPEN_TARGET, *pairs), spacy_runs


def main() -> None:
    if sys.argv[1:2] == ["--prepare"]:
        prepare(Path(sys.argv[2]))
        return
    result, spacy_runs = reopen()
    print(f"reopen to panel filled: {result.ours * 1000:.0f} ms (median)")
    print(f"bare Static first paint: {result.baseline * 1000:.0f} ms")
    print(f"ratio: {result.ratio.value:.2f}, {result.ratio.describe()} (target <= {REOPEN_TARGET})")
    print(f"runs that imported spaCy: {spacy_runs}")


if __name__ == "__main__":
    main()
