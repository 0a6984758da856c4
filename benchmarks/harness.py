"""The figure type, repeated timing, and the table every benchmark module reports into."""

from __future__ import annotations

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


def median_pair(
    ours: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[float, float, str]:
    """Interleave the two; the pair of runs whose ratio is the median, and the spread of all ratios.

    On a shared machine CPU-bound timings swing by a third from minute to minute.
    A baseline run and the run of ours right after it see much the same machine,
    so their ratio cancels most of that; the median pair ignores the odd pair
    a burst of load fell across. (The ratio of each side's best time does not:
    one lucky baseline run moved it from 1.09x to 1.27x for the same code.)
    The best times are printed beside it.
    """
    mine, theirs = [], []
    for _ in range(repeats):
        theirs.append(timed(baseline))
        mine.append(timed(ours))
    pairs = sorted(zip(mine, theirs, strict=True), key=lambda pair: pair[0] / pair[1])
    middle = pairs[len(pairs) // 2]
    spread = (
        f"paired ratios {pairs[0][0] / pairs[0][1]:.2f}–{pairs[-1][0] / pairs[-1][1]:.2f} over {repeats}; "
        f"best times {min(mine):.3g} s vs {min(theirs):.3g} s"
    )
    return middle[0], middle[1], spread


TABLE_HEADER = "| figure | ours | baseline | ratio | target | result |\n| --- | --- | --- | --- | --- | --- |"
