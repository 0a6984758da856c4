"""Run every benchmark module, print one Markdown table, write benchmarks/results.json.

``python -m benchmarks [--quick] [--only NAME ...]``; modules that fail are
reported as a row, never hidden.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from pathlib import Path

from benchmarks.harness import TABLE_HEADER, Figure

MODULES = (
    "engine_bench",
    "tui_bench",
    "store_bench",
    "serve_bench",
    "review_bench",
    "intake_bench",
    "progressive_bench",
    "corpus_bench",
)
RESULTS = Path(__file__).resolve().parent / "results.json"


def machine() -> str:
    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    parser.add_argument("--only", nargs="*", choices=MODULES, default=list(MODULES))
    args = parser.parse_args(argv)
    rows: list[Figure] = []
    errors: list[str] = []
    for name in args.only:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            errors.append(f"{name}: not available ({exc})")
            continue
        try:
            found = module.figures(quick=args.quick)
        except Exception as exc:  # one broken benchmark must not hide the others
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        rows += found
        print(f"{name}: {len(found)} figures", file=sys.stderr)
    print(f"Machine: {machine()}\n")
    print(TABLE_HEADER)
    for row in rows:
        print(row.row())
    for error in errors:
        print(f"\nerror: {error}")
    RESULTS.write_text(
        json.dumps({"machine": machine(), "figures": [r.to_dict() for r in rows], "errors": errors}, indent=2)
        + "\n"
    )
    return 1 if errors or any(r.passed is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
