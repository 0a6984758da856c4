"""Command line: argument parsing and exit codes only; the work lives in the packages.

``reader [PATH|URL|-]`` opens the reader; the other verbs are subcommands. Every
bad input ends as one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.errors import ReaderError

if TYPE_CHECKING:
    import argparse  # 14 ms: loaded only to parse a command line that is more than one article to open

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_SOME_FAILED = 1  # a batch where some inputs were analysed and some could not be read


class UsageError(ReaderError):
    """A bad option value: one line, exit status 2."""


SUBCOMMANDS = ("analyze", "notes", "export", "import", "review", "paths", "serve", "corpus", "feed")
DATA_DIR_HELP = "keep notes, tags and positions in DIR (default: READER_DATA_DIR or the user data folder)"
MAX_SIZE_HELP = "refuse inputs larger than SIZE (e.g. 20M; default 50M or READER_MAX_BYTES)"


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [GLOBAL OPTIONS] [ARTICLE | COMMAND ...]",
        description=(
            "Read news critically in the terminal: speakers, numbers and unverified claims.\n\n"
            "  reader ARTICLE      open an article (a file, a URL, or - for stdin) in the reader\n"
            "  reader              open the library: every article with notes or tags\n"
            "  reader COMMAND ...  one of the commands below"
        ),
        epilog=(
            "Global options (--data-dir, --max-size) go anywhere, before or after the command."
            " Run 'reader COMMAND --help' for each command."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    parser.add_argument("--max-size", metavar="SIZE", help=MAX_SIZE_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    analyze = sub.add_parser("analyze", help="analyse articles and print a summary or JSON")
    analyze.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    analyze.add_argument(
        "--json", action="store_true", help="print the analysis contract (JSON Lines for several inputs)"
    )
    analyze.add_argument("--jobs", type=int, default=1, metavar="N", help="parse a batch in N processes")
    _add_corpus(sub)
    notes = sub.add_parser("notes", help="print an article's notes and tags")
    notes.add_argument("source", metavar="PATH|URL|-")
    export = sub.add_parser(
        "export", help="export notes, tags and verdicts: Markdown, Web Annotation JSON, ClaimReview or CSV"
    )
    export.add_argument("source", nargs="?", metavar="PATH|URL|-", help="the article (or --all)")
    export.add_argument(
        "--all", action="store_true", help="every article with notes (Markdown: one file each + index.md)"
    )
    export.add_argument(
        "--format", default="md", choices=("md", "json", "claimreview", "csv"), help="default: md"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE|DIR", help="default: the exports folder (see 'reader paths')"
    )
    export.add_argument(
        "--force", action="store_true", help="replace FILE even when it is not an earlier reader export"
    )
    importing = sub.add_parser("import", help="merge notes from a JSON export back into the store")
    importing.add_argument("file", metavar="FILE")
    reviewing = sub.add_parser("review", help="the review queue of every article: claims still to decide")
    reviewing.add_argument(
        "--list", action="store_true", help="print the undecided claims instead of opening the queue"
    )
    sub.add_parser("paths", help="print where data, config and exports live")
    feed = sub.add_parser(
        "feed",
        prog="reader feed",
        help="list an RSS or Atom feed's entries and open one; follow feeds; pick a followed one",
    )
    _one_line(feed)
    feed.add_argument("source", nargs="?", metavar="URL|FILE", help="the feed (default: the followed feeds)")
    following = feed.add_mutually_exclusive_group()
    following.add_argument("--add", metavar="URL|FILE", help="follow this feed (it must load)")
    following.add_argument("--remove", metavar="URL|FILE", help="stop following this feed")
    following.add_argument("--list", action="store_true", help="print the followed feeds")
    serving = sub.add_parser(
        "serve", help="serve the reader to web browsers (one reader per tab, same store)"
    )
    serving.add_argument("source", nargs="?", metavar="PATH|URL", help="the article (default: the library)")
    serving.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; others: no authentication)",
    )
    serving.add_argument("--port", type=int, default=8000, help="default 8000; 0 picks a free port")
    return parser


def _one_line_error(self: argparse.ArgumentParser, message: str) -> NoReturn:
    """A usage mistake is one line on stderr (via UsageError), not argparse's usage block."""
    raise UsageError(f"{self.prog.removeprefix('reader ')}: {message} (see '{self.prog} --help')")


def _one_line(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.error = _one_line_error.__get__(parser)  # type: ignore[method-assign]
    return parser


def _add_corpus(sub: argparse._SubParsersAction) -> None:
    corpus = sub.add_parser(
        "corpus", prog="reader corpus", help="analyse a corpus on Dask into Parquet, and report on it"
    )
    _one_line(corpus)
    verbs = corpus.add_subparsers(dest="corpus_command", metavar="analyze|report", required=True)
    analyze = _one_line(
        verbs.add_parser(
            "analyze",
            prog="reader corpus analyze",
            help="analyse folders, JSON Lines and WARC files into DIR",
        )
    )
    analyze.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="folders, article files, .jsonl and .warc(.gz) files"
    )
    analyze.add_argument("--out", required=True, metavar="DIR", help="the corpus folder (a rerun resumes)")
    analyze.add_argument("--format", default="parquet", choices=("parquet", "jsonl"), help="default: parquet")
    analyze.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: cores)")
    analyze.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="use this running Dask cluster")
    analyze.add_argument("--batch-size", type=int, metavar="N", help="documents per task and shard (25)")
    report = _one_line(
        verbs.add_parser(
            "report", prog="reader corpus report", help="tables, an HTML report and CSVs for a corpus folder"
        )
    )
    report.add_argument("folder", metavar="DIR")
    report.add_argument("-o", "--output", metavar="FILE", help="the HTML page (default: DIR/report.html)")


def build_open_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="reader",
        description="Open an article in the reader. Subcommands: " + ", ".join(SUBCOMMANDS) + ".",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "source", nargs="?", metavar="PATH|URL|-", help="the article to open ('-' reads stdin)"
    )
    parser.add_argument(
        "--url", metavar="URL", help="in a web archive (.warc, .warc.gz): open the page captured from URL"
    )
    return parser


@dataclass(frozen=True)
class OpenArgs:
    """What ``reader [PATH|URL|-] [--url URL]`` asks to open."""

    source: str | None = None
    url: str | None = None


def open_args(argv: list[str]) -> OpenArgs:
    """``reader`` or ``reader ARTICLE`` without argparse, whose import delays the first frame by 14 ms;
    any option (``--url``, ``--version``, a mistake) goes through the open command's parser."""
    if len(argv) <= 1 and not any(item.startswith("-") and item != "-" for item in argv):
        return OpenArgs(argv[0] if argv else None)
    args = build_open_parser().parse_args(argv)
    return OpenArgs(args.source, args.url)


@dataclass(frozen=True)
class GlobalOptions:
    max_size: str | None = None


def take_global_options(argv: list[str]) -> tuple[list[str], GlobalOptions]:
    """Take ``--data-dir DIR`` and ``--max-size SIZE`` from anywhere on the command line.

    ``--data-dir`` goes into READER_DATA_DIR, which is how reader.paths.data_dir()
    finds it in every layer; ``--max-size`` is returned for the commands that load.
    Before or after the command name, both work the same.
    """
    rest: list[str] = []
    max_size = None
    items = iter(argv)
    for item in items:
        name, equals, inline = item.partition("=")
        if name not in ("--data-dir", "--max-size"):
            rest.append(item)
            continue
        value = inline if equals else next(items, None)
        if not value:
            raise UsageError(
                "--data-dir needs a folder" if name == "--data-dir" else "--max-size needs a size"
            )
        if name == "--data-dir":
            os.environ["READER_DATA_DIR"] = value
        else:
            max_size = value
    return rest, GlobalOptions(max_size=max_size)


def unknown_command(argv: list[str]) -> str | None:
    """'unknown command ...' when the first word is neither a command nor something to open."""
    words = [item for item in argv if not item.startswith("-")]
    if not words or words[0] in SUBCOMMANDS:
        return None
    word = words[0]
    if any(mark in word for mark in "./\\:") or os.path.lexists(os.path.expanduser(word)):
        return None  # a path or URL, not a mistyped command: the loader judges it
    nearest = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
    if nearest:
        return f"unknown command {word!r}; did you mean {nearest[0]!r}?"
    if len(words) > 1:
        return f"unknown command {word!r} (commands: {', '.join(SUBCOMMANDS)}; 'reader --help' lists them)"
    return None  # one word that is no file: the loader says "no such file or directory"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        argv, options = take_global_options(argv)
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser().parse_args(argv)
            return run_subcommand(args, options)
        if argv and argv[0] in ("-h", "--help"):
            build_parser().print_help()
            return EXIT_OK
        mistyped = unknown_command(argv)
        if mistyped:
            raise UsageError(mistyped)
        return run_open(open_args(argv), options)
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reader analyze ... | head`: the reader of our output left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug, not bad input: still one line unless asked for the traceback
        if os.environ.get("READER_DEBUG"):
            raise
        print(
            f"reader: internal error: {type(exc).__name__}: {exc} (set READER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _max_bytes(options: GlobalOptions) -> int:
    from reader.intake import resolve_max_bytes

    try:
        return resolve_max_bytes(options.max_size)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run_subcommand(args: argparse.Namespace, options: GlobalOptions) -> int:
    if args.command == "analyze":
        return run_analyze(args, options)
    if args.command == "corpus":
        return run_corpus(args, options)
    if args.command == "serve":
        return run_serve(args, options)
    if args.command == "feed":
        return run_feed(args, options)
    from reader.export import commands

    if args.command == "notes":
        return commands.notes(args.source, max_bytes=_max_bytes(options))
    if args.command == "export":
        return commands.export(
            args.source, args.all, args.format, args.output, force=args.force, max_bytes=_max_bytes(options)
        )
    if args.command == "import":
        return commands.import_(args.file)
    if args.command == "review":
        return commands.review_list() if args.list else run_review()
    return commands.show_paths()


def run_review() -> int:
    from reader.tui import ReaderApp

    ReaderApp(None, review=True).run()
    return EXIT_OK


def run_analyze(args: argparse.Namespace, options: GlobalOptions) -> int:
    """Analyse every input that loads; each one that does not is one line on stderr.

    Exit status: 0 when all were analysed, 1 when some failed, 2 when all did.
    """
    from reader.analysis import analyze_many
    from reader.intake import InputError, load

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    max_bytes = _max_bytes(options)
    documents = []
    for source in args.sources:
        try:
            documents.append(load(source, max_bytes=max_bytes))
        except InputError as exc:
            print(f"reader: {exc}", file=sys.stderr)
    if not documents:
        return EXIT_INPUT
    console = None
    if not args.json:
        from rich.console import Console

        from reader.summary import render_summary

        console = Console(soft_wrap=False)
    bar = sys.stderr.isatty() and len(documents) > 1
    with _progress_bar(len(documents)) if bar else nullcontext() as progress:
        analyses = analyze_many(documents, n_process=args.jobs, progress=progress)
        for document, analysis in zip(documents, analyses, strict=True):
            if console is None:
                sys.stdout.write(analysis.to_json() + "\n")
            else:
                console.print(render_summary(analysis, document.text), crop=False)
    return EXIT_OK if len(documents) == len(args.sources) else EXIT_SOME_FAILED


def run_feed(args: argparse.Namespace, options: GlobalOptions) -> int:
    """A bad feed, an unknown one to remove: one line, exit status 2 (reader.feed_commands)."""
    from reader import feed_commands

    if args.source is not None and (args.add or args.remove or args.list):
        raise UsageError("feed: give URL|FILE or one of --add, --remove, --list, not both")
    if args.add:
        return feed_commands.add(args.add, _max_bytes(options))
    if args.remove:
        return feed_commands.remove(args.remove)
    if args.list:
        return feed_commands.list_followed()
    if args.source is None:
        return feed_commands.pick_followed(_max_bytes(options))
    return feed_commands.open_feed(args.source, _max_bytes(options))


def run_serve(args: argparse.Namespace, options: GlobalOptions) -> int:
    from reader.paths import data_dir
    from reader.serve import ServeError, serve

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    try:
        return serve(args.source, args.host, args.port, data_dir(), _max_bytes(options), options.max_size)
    except ServeError as exc:
        raise UsageError(str(exc)) from None


def run_corpus(args: argparse.Namespace, options: GlobalOptions) -> int:
    from reader import corpus

    if args.corpus_command == "report":
        return corpus.report_command(args.folder, args.output)
    return corpus.analyze_command(
        args.inputs,
        args.out,
        fmt=args.format,
        workers=args.workers,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        max_bytes=_max_bytes(options),
    )


@contextmanager
def _progress_bar(count: int) -> Iterator[Callable[[int, int], None]]:
    """A transient bar on stderr for batches; yields the engine's progress callback."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"{count} articles"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("analysing", total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def run_open(args: OpenArgs, options: GlobalOptions) -> int:
    """Open the document in the TUI; with no argument, the library of annotated articles."""
    import gc

    gc.disable()  # none while the UI is imported and built: ReaderApp re-enables it after its first frame
    from reader.intake import load

    if args.source is None:
        from reader.tui import ReaderApp

        ReaderApp(None).run()
        return EXIT_OK
    from reader.intake.formats import is_archive

    if is_archive(Path(args.source)):
        return run_archive(Path(args.source), args.url)
    if args.url:
        raise UsageError("--url picks a page in a web archive (.warc or .warc.gz)")
    document = load(args.source, max_bytes=_max_bytes(options))
    if args.source == "-" and not sys.stdin.isatty():
        _keyboard_on_stdin()
    from reader.tui import ReaderApp

    ReaderApp(document).run()
    return EXIT_OK


def run_archive(path: Path, url: str | None) -> int:
    """A WARC: its pages listed to pick from, or with --url that page at once; read before anything is drawn."""
    from reader.intake import warc
    from reader.tui import ReaderApp
    from reader.tui.screens.picker import archive_picker

    if not path.is_file():
        raise UsageError(
            f"{path}: no such file" + (", it is a directory" if path.is_dir() else " or directory")
        )
    if url:
        ReaderApp(warc.document(path, warc.find(path, url))).run()
        return EXIT_OK
    pages = list(warc.responses(path))
    if not pages:
        raise UsageError(f"{path}: the web archive holds no HTML or text pages")
    ReaderApp(None, picker=archive_picker(path, pages)).run()
    return EXIT_OK


def _keyboard_on_stdin() -> None:
    """The article came through a pipe; Textual reads keys from fd 0, so point it at the terminal."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as exc:
        raise UsageError("reading from stdin needs a terminal for the keyboard (no /dev/tty)") from exc
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    sys.exit(main())
