"""The two corpus commands with their exit statuses: 0 all analysed, 1 some failed, 2 none or bad input."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_NONE = 2


def analyze_command(
    sources: list[str],
    out: str,
    *,
    fmt: str = "parquet",
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int | None = None,
    max_bytes: int | None = None,
) -> int:
    from rich.console import Console

    from reader.corpus.run import BATCH_SIZE, Options, run
    from reader.intake import DEFAULT_MAX_BYTES, InputError

    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1")
    if batch_size is not None and batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    if workers is not None and scheduler:
        raise InputError("--workers sizes a local cluster; with --scheduler the cluster's workers run")
    options = Options(
        out=Path(out),
        format=fmt,
        workers=workers,
        scheduler=scheduler,
        batch_size=batch_size or BATCH_SIZE,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
    )
    summary = run(sources, options)
    Console(stderr=True, soft_wrap=True).print(  # one line, however long the path: scripts read it
        f"{summary.documents} analysed, {summary.failures} failed "
        f"({summary.shards_written} shards written, {summary.shards_skipped} already done) in {out}",
        markup=False,
        highlight=False,
    )
    if summary.documents == 0:
        return EXIT_NONE
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def report_command(folder: str, output: str | None) -> int:
    from rich.console import Console

    from reader.corpus.report import report

    report(Path(folder), Path(output) if output else None, Console(soft_wrap=False))
    return EXIT_OK
