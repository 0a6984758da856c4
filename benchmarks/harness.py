"""The figure type, repeated timing, and the table every benchmark module reports into."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from benchmarks.stats import Interval, Paired


@dataclass
class Figure:
    """One row of the table. ``ratio`` is ours / baseline, or the paired runs' ratio with its interval."""

    name: str
    ours: float
    baseline: float | None
    unit: str
    target: str
    passed: bool | None
    spread: str = ""
    note: str = ""
    ratio_interval: Interval | None = (
        None  # paired runs: the ratio is their geometric mean, not ours/baseline
    )
    limit: float | None = None  # the ratio's target, with ratio_interval

    @property
    def ratio(self) -> float | None:
        if self.ratio_interval is not None:
            return self.ratio_interval.value
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline

    def row(self) -> str:
        ours = f"{self.ours:.3g} {self.unit}".strip() + (f" ({self.spread})" if self.spread else "")
        baseline = "—" if self.baseline is None else f"{self.baseline:.3g} {self.unit}".strip()
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}x"
        verdict = {True: "pass", False: "FAIL", None: "report"}[self.passed]
        if self.passed and self.ratio_interval and self.limit and not self.ratio_interval.decided(self.limit):
            verdict = "pass (undecided)"  # the interval straddles the target: more pairs would tell
        return f"| {self.name} | {ours} | {baseline} | {ratio} | {self.target} | {verdict} |"

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ratio_figure(name: str, paired: Paired, unit: str, target: float, against: str, note: str = "") -> Figure:
    """A ours-against-baseline row whose verdict is the ratio's interval (benchmarks.stats)."""
    return Figure(
        name,
        paired.ours,
        paired.baseline,
        unit,
        f"<= {target:g}x {against}",
        paired.ratio.verdict(target),
        paired.ratio.describe(),
        note,
        ratio_interval=paired.ratio,
        limit=target,
    )


TABLE_HEADER = "| figure | ours | baseline | ratio | target | result |\n| --- | --- | --- | --- | --- | --- |"
