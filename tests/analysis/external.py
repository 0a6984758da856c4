"""Run one of ../shared/eval/external's scorers on a sample, with this checkout's ``reader analyze``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXTERNAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "external"
READER = Path(sys.executable).with_name("reader")


def needs(scorer: str) -> pytest.MarkDecorator:
    """Skip, with the reason, in a clone that has no ../shared beside it."""
    return pytest.mark.skipif(not (EXTERNAL / scorer).exists(), reason="../shared/eval/external is absent")


def score(scorer: str, data: str, limit: int, timeout: int) -> str:
    """The scorer's report on the first ``limit`` documents of ``data`` (a folder under EXTERNAL), its
    progress lines after it, so a failed assertion shows both."""
    done = subprocess.run(
        [
            sys.executable,
            str(EXTERNAL / scorer),
            "--data",
            str(EXTERNAL / data),
            "--cmd",
            f"{READER} analyze",
            "--limit",
            str(limit),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return done.stdout + done.stderr
