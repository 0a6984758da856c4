"""The run's progress bar on stderr, fed by the driver as Dask futures complete."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s")


class RunProgress:
    """Documents done of the total, docs/s, ETA and failures; quiet when stderr is not a terminal."""

    def __init__(self, total: int, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failures]} failed"),
            console=self.console,
            disable=not sys.stderr.isatty(),
        )
        self.task = self.progress.add_task("analysing", total=total, failures=0)
        self.failures = 0

    def note(self, message: str) -> None:
        self.console.print(message)

    def advance(self, documents: int, failures: int) -> None:
        self.failures += failures
        self.progress.update(self.task, advance=documents + failures, failures=self.failures)

    def __enter__(self) -> RunProgress:
        self.progress.start()
        return self

    def __exit__(self, kind: type | None, value: BaseException | None, trace: TracebackType | None) -> None:
        self.progress.stop()
