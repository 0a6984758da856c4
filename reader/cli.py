"""Command line: argument parsing and exit codes only; the work lives in the packages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__

EXIT_OK = 0
EXIT_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news critically in the terminal: speakers, numbers and unverified claims.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    analyze = sub.add_parser("analyze", help="analyse articles and print a summary or JSON")
    analyze.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    analyze.add_argument("--json", action="store_true", help="print the analysis contract (JSON Lines for several inputs)")
    analyze.add_argument("--jobs", type=int, default=1, metavar="N", help="parse a batch in N processes")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    from reader.intake import InputError, load

    try:
        if args.command == "analyze":
            from reader.analysis import analyze

            for source in args.sources:
                print(analyze(load(source)).to_json())
            return EXIT_OK
    except InputError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
