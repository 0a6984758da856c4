"""The SHA-256 of ``reader analyze --json`` on the seed and the dev articles, stored beside this file.

``test_analysis_digests.py`` runs the command and compares: a refactoring must leave
every byte of the analysis contract as it was. An analysis change that means to change
the output refreshes the digests with one command, and its commit says why::

    make digests        # = .venv/bin/python -m tests.analysis.digests

The command runs from the repository's root with relative paths (``seeds/...``,
``../shared/eval/dev/articles/...``), so ``document.source`` and hence the digest do
not depend on where the checkout lives. Without ``../shared`` only the seed is
refreshed and the dev digests are kept as they were.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORED = Path(__file__).with_name("analysis_digests.json")
SEED = "seeds/dw-north-korea-russia.txt"
DEV = "../shared/eval/dev/articles"


def inputs() -> list[str]:
    """The seed, then every dev article there is, as paths relative to the repository's root."""
    dev = ROOT / DEV
    found = sorted(path.name for path in dev.iterdir() if path.is_file()) if dev.is_dir() else []
    return [SEED, *(f"{DEV}/{name}" for name in found)]


def compute(paths: list[str]) -> dict[str, str]:
    """``reader analyze --json`` on ``paths`` (one process, JSON Lines), each line's digest by path."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from reader.cli import main; raise SystemExit(main())",
            "analyze",
            "--json",
            *paths,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"reader analyze failed ({done.returncode}): {done.stderr.strip()}")
    lines = done.stdout.splitlines()
    assert len(lines) == len(paths), f"{len(lines)} analyses for {len(paths)} inputs"
    return {
        path: hashlib.sha256(line.encode("utf-8")).hexdigest()
        for path, line in zip(paths, lines, strict=True)
    }


def stored() -> dict[str, str]:
    return json.loads(STORED.read_text(encoding="utf-8")) if STORED.exists() else {}


def refresh() -> dict[str, str]:
    """Write the digests of today's engine (keeping the dev ones when ../shared is not there)."""
    digests = {**stored(), **compute(inputs())}
    STORED.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return digests


if __name__ == "__main__":
    for path, digest in refresh().items():
        print(f"{digest}  {path}")
