"""The benchmark's verdicts rest on these intervals: they must cover what they claim and decide when they can."""

from __future__ import annotations

import math
import random

from benchmarks.harness import ratio_figure
from benchmarks.stats import compare, percentile_interval, ratio_interval


def noisy(rng: random.Random, centre: float, load: list[float]) -> float:
    """A timing on a machine whose load (shared by the pair's two runs) swings by up to a half."""
    return centre * load[-1] * rng.uniform(0.97, 1.03)


def paired_runs(rng: random.Random, true_ratio: float):
    load = [1.0]

    def baseline() -> float:
        load.append(rng.uniform(1.0, 1.5))  # the pair's machine
        return noisy(rng, 1.0, load)

    def ours() -> float:
        return noisy(rng, true_ratio, load)

    return ours, baseline


def test_the_ratio_interval_covers_the_true_ratio_about_as_often_as_it_says():
    rng = random.Random(3)
    covered = 0
    for _ in range(400):
        ratios = [1.1 * math.exp(rng.gauss(0, 0.05)) for _ in range(8)]
        interval = ratio_interval(ratios)
        covered += interval.low <= 1.1 <= interval.high
    assert 0.91 <= covered / 400 <= 0.99


def test_paired_runs_cancel_the_load_a_side_by_side_median_would_not():
    rng = random.Random(5)
    ours, baseline = paired_runs(rng, 1.25)
    result = compare(ours, baseline, target=1.3, min_pairs=5, max_pairs=40)
    assert result.ratio.low <= 1.25 <= result.ratio.high
    assert result.ratio.high - result.ratio.low < 0.1  # the load swings by half; the pairs cancel it


def test_compare_stops_once_the_interval_is_on_one_side_and_goes_on_while_it_straddles():
    rng = random.Random(7)
    clear = compare(*paired_runs(rng, 0.8), target=1.0, min_pairs=5, max_pairs=30)
    assert clear.ratio.samples == 5 and clear.ratio.decided(1.0) and clear.ratio.verdict(1.0)
    close = compare(*paired_runs(rng, 1.0), target=1.0, min_pairs=5, max_pairs=12)
    assert close.ratio.samples == 12 and not close.ratio.decided(1.0)


def test_a_row_fails_only_when_its_whole_interval_is_over_the_target():
    rng = random.Random(11)
    slow = ratio_figure("slow", compare(*paired_runs(rng, 1.5), target=1.2), "s", 1.2, "bare")
    straddling = ratio_figure(
        "close", compare(*paired_runs(rng, 1.2), target=1.2, max_pairs=6), "s", 1.2, "bare"
    )
    fast = ratio_figure("fast", compare(*paired_runs(rng, 1.0), target=1.2), "s", 1.2, "bare")
    assert slow.passed is False and slow.row().endswith("| FAIL |")
    assert straddling.passed is True and straddling.row().endswith("| pass (undecided) |")
    assert fast.passed is True and fast.row().endswith("| pass |")
    assert "95% CI" in fast.row() and fast.to_dict()["ratio"] == fast.ratio_interval.value


def test_the_percentile_interval_covers_the_true_quantile_about_as_often_as_it_says():
    rng = random.Random(13)
    true_p95 = -math.log(0.05)  # of the exponential distribution with mean 1
    covered = 0
    for _ in range(300):
        interval = percentile_interval([rng.expovariate(1.0) for _ in range(300)], 0.95)
        covered += interval.low <= true_p95 <= interval.high
        assert interval.low <= interval.value <= interval.high
    assert 0.92 <= covered / 300 <= 0.99


def test_too_few_samples_give_the_whole_range():
    interval = percentile_interval([3.0, 1.0, 2.0], 0.95)
    assert (interval.low, interval.value, interval.high) == (1.0, 3.0, 3.0)
