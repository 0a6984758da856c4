"""Parts of a long text's analysis made ready for the reading screen in the analysis worker.

Indexing the parts so far and listing them for the panel takes about a second
at the end of a 500,000-word book, so it happens in the worker, not where keys
are handled, and a part is skipped while showing the last one still costs more
than a tenth of the worker's time since: the parsing goes on nearly at full
speed and the whole analysis replaces the parts anyway. (At a fifth, the whole
of a 500,000-word book came 1.19x later than a one-shot analysis.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from reader.analysis.model import Analysis
from reader.intake.document import Document
from reader.tui.highlights import AnalysisIndex
from reader.tui.widgets.panel import Branch, branches

WORK_PER_SHOWING = 9  # after showing a part, the worker analyses for 9x as long before showing another


@dataclass(frozen=True)
class PartsView:
    index: AnalysisIndex
    branches: list[Branch]
    percent: int


class PartsShown:
    """The engine's ``partial`` callback: makes each PartsView it can afford and hands it to ``show``."""

    def __init__(
        self,
        document: Document,
        show: Callable[[PartsView], None],
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.document = document
        self.show = show
        self.clock = clock
        self.next_at = 0.0

    def __call__(self, analysis: Analysis, percent: int) -> None:
        began = self.clock()
        if began < self.next_at:
            return
        index = AnalysisIndex(analysis)
        self.show(PartsView(index, branches(index, self.document), percent))
        done = self.clock()
        self.next_at = done + WORK_PER_SHOWING * (done - began)
