"""The report's charts: nothing drawn over the figures they show."""

from __future__ import annotations

from reader.corpus.figures import Figure
from reader.corpus.report import _draw


def test_the_claims_legend_sits_beside_the_bars_not_over_them():
    columns = ("outlet", "hedge", "single_source", "vague_source", "claims")
    rows = [(f"outlet-{index}", 0.8, 0.05, 0.15, 20) for index in range(7)]
    drawn = _draw(Figure("claims", "Claims per category", columns, rows))
    drawn.canvas.draw()
    renderer = drawn.canvas.get_renderer()
    axis = drawn.axes[0]
    assert not axis.get_legend().get_window_extent(renderer).overlaps(axis.get_window_extent(renderer))
