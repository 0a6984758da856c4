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
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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


def reopen(repeats: int = 5) -> dict[str, float]:
    """Medians for the reopen and the bare app, interleaved; their ratio; runs that imported spaCy."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.tui_reopen", "--prepare", str(data_dir)], cwd=ROOT, check=True
        )
        baseline_paint(), reader_reopen(data_dir)  # warm-up: both now start from compiled bytecode
        reader_times, baseline_times, spacy_runs = [], [], 0
        for _ in range(repeats):
            baseline_times.append(baseline_paint())
            seconds, spacy = reader_reopen(data_dir)
            reader_times.append(seconds)
            spacy_runs += spacy
    reader, baseline = statistics.median(reader_times), statistics.median(baseline_times)
    return {
        "reader_s": reader,
        "baseline_s": baseline,
        "ratio": reader / baseline,
        "repeats": repeats,
        "spacy_runs": spacy_runs,
    }


def main() -> None:
    if sys.argv[1:2] == ["--prepare"]:
        prepare(Path(sys.argv[2]))
        return
    result = reopen()
    print(f"reopen to panel filled: {result['reader_s'] * 1000:.0f} ms (median of {result['repeats']})")
    print(f"bare Static first paint: {result['baseline_s'] * 1000:.0f} ms")
    print(
        f"ratio: {result['ratio']:.2f} (target <= 1.5); runs that imported spaCy: {result['spacy_runs']:.0f}"
    )


if __name__ == "__main__":
    main()
