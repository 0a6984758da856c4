"""Intervals that let a benchmark row decide: paired ratios and percentiles with their confidence.

A shared two-core machine swings CPU-bound timings by a third from minute to minute, so one
median ratio flips between pass and fail on unchanged code. Instead each comparison runs ours and
the baseline in interleaved pairs (a pair sees much the same machine), takes the log of each pair's
ratio and reports the geometric-mean ratio with a Student-t interval. More pairs are run until the
interval lies wholly on one side of the target or the budget is spent; a row fails only when its
whole interval is over the target. Latency percentiles get a distribution-free interval from the
order statistics (the binomial rule), so a p95 over 300 presses says how sure it is.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass

# Two-sided 95% Student-t quantiles by degrees of freedom (1-30); beyond 30 the normal's 1.96 is close.
_T95 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042)  # fmt: skip
CONFIDENCE = 0.95


def t95(df: int) -> float:
    return _T95[df - 1] if df <= len(_T95) else 1.96 + 2.4 / df


@dataclass
class Interval:
    """An estimate with its 95% interval; ``samples`` is how many measurements (or pairs) it rests on."""

    value: float
    low: float
    high: float
    samples: int

    def verdict(self, target: float) -> bool:
        """Pass unless the whole interval is over the target (lower is better)."""
        return self.low <= target

    def decided(self, target: float) -> bool:
        return self.high <= target or self.low > target

    def describe(self, unit: str = "x") -> str:
        return f"95% CI {self.low:.3g}–{self.high:.3g}{unit} over {self.samples}"


def ratio_interval(ratios: list[float]) -> Interval:
    """Geometric mean of paired ratios, with the t interval of their logs."""
    logs = [math.log(r) for r in ratios]
    mean = statistics.fmean(logs)
    if len(logs) < 2:
        return Interval(math.exp(mean), 0.0, math.inf, len(logs))
    half = t95(len(logs) - 1) * statistics.stdev(logs) / math.sqrt(len(logs))
    return Interval(math.exp(mean), math.exp(mean - half), math.exp(mean + half), len(logs))


@dataclass
class Paired:
    """What ``compare`` measured: each side's median and the ratio's interval."""

    ours: float
    baseline: float
    ratio: Interval


def compare(
    ours: Callable[[], float],
    baseline: Callable[[], float],
    target: float,
    min_pairs: int = 5,
    max_pairs: int = 20,
) -> Paired:
    """Interleave ``baseline()`` then ``ours()`` (each returns its own measurement, seconds say) in
    pairs until the ratio's interval is on one side of ``target`` or ``max_pairs`` were run."""
    mine: list[float] = []
    theirs: list[float] = []
    while True:
        theirs.append(baseline())
        mine.append(ours())
        interval = ratio_interval([m / t for m, t in zip(mine, theirs, strict=True)])
        if len(mine) >= max_pairs or (len(mine) >= min_pairs and interval.decided(target)):
            return Paired(statistics.median(mine), statistics.median(theirs), interval)


def percentile_interval(samples: list[float], q: float) -> Interval:
    """The ``q`` quantile of ``samples`` with a distribution-free 95% interval.

    The true quantile lies between the order statistics of ranks l and u with the binomial
    probability P(l <= B < u), B ~ Binomial(n, q); the narrowest symmetric-in-rank pair that reaches
    95% is taken (the interval is the whole range when n is too small for that)."""
    ordered = sorted(samples)
    n = len(ordered)
    point = ordered[min(n - 1, max(0, math.ceil(q * n) - 1))]
    cdf, total = [], 0.0
    for k in range(n + 1):
        total += math.comb(n, k) * q**k * (1 - q) ** (n - k)
        cdf.append(total)
    centre = min(n - 1, max(0, math.ceil(q * n) - 1))
    for width in range(n):
        low, high = max(0, centre - width), min(n - 1, centre + width + 1)
        # P(ordered[low] <= true quantile < ordered[high]) = P(low < B <= high) with ranks counted from 1
        if cdf[high] - cdf[low] >= CONFIDENCE:
            return Interval(point, ordered[low], ordered[high], n)
    return Interval(point, ordered[0], ordered[-1], n)
