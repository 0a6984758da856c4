"""The memory rows' probes run in child processes: their peak must be the child's own, not its parent's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.rss import STATUS, peak_kb

ROOT = Path(__file__).resolve().parent.parent
FAT_MB = 256


@pytest.mark.skipif(not STATUS.exists(), reason="no /proc: the probe falls back to ru_maxrss")
def test_a_child_started_by_a_fat_parent_reports_its_own_peak() -> None:
    fat = b"x" * (FAT_MB << 20)  # written, so resident: the parent's peak is at least this
    assert peak_kb() >= FAT_MB << 10
    child = subprocess.run(
        [sys.executable, "-c", "from benchmarks.rss import peak_kb; print(peak_kb())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    del fat
    # A bare interpreter holds ~10 MB; ru_maxrss in the same child reads the parent's peak (over 256 MB).
    assert int(child.stdout) < 64 << 10
