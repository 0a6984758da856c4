"""The figure type, repeated timing, and the table every benchmark module reports into."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    """One row of the table. ``ratio`` is ours / baseline unless ``higher_is_better``."""

    name: str
    ours: float
    baseline: float | None
    unit: str
    target: str
    passed: bool | None
    spread: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline

    def row(self) -> str:
        ours = f"{self.ours:.3g} {self.unit}".strip() + (f" ({self.spread})" if self.spread else "")
        baseline = "—" if self.baseline is None else f"{self.baseline:.3g} {self.unit}".strip()
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}x"
        verdict = {True: "pass", False: "FAIL", None: "report"}[self.passed]
        return f"| {self.name} | {ours} | {baseline} | {ratio} | {self.target} | {verdict} |"

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paired_best(
    ours: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[float, float, str]:
    """Interleave the two; the best time of each, and the spread of the paired ratios.

    On a shared machine the noise in CPU-bound timings is one-sided (a busy
    neighbour only ever adds time) and large: paired ratios of the same code
    have ranged from 0.95x to 1.31x. The minimum is the estimate least moved
    by it, the usual choice for deterministic work (``timeit`` makes the same
    one); the median paired ratio is printed beside it so nothing is hidden.
    """
    mine, theirs = [], []
    for _ in range(repeats):
        theirs.append(timed(baseline))
        mine.append(timed(ours))
    ratios = sorted(m / t for m, t in zip(mine, theirs, strict=True))
    spread = f"paired ratios {ratios[0]:.2f}–{ratios[-1]:.2f}, median {statistics.median(ratios):.2f}, over {repeats}"
    return min(mine), min(theirs), spread


TABLE_HEADER = "| figure | ours | baseline | ratio | target | result |\n| --- | --- | --- | --- | --- | --- |"
