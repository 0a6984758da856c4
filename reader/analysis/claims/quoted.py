"""Where a speaker's own words are: the direct stretches of quotes, and a fast "is this offset inside?"."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from reader.analysis.model import Quote
from reader.analysis.quotation import ANGLE_SINGLE_MARKS, CURLY_SINGLE_MARKS, DOUBLE_MARKS

QUOTE_MARKS = DOUBLE_MARKS + CURLY_SINGLE_MARKS + ANGLE_SINGLE_MARKS


def direct_regions(quote: Quote) -> list[tuple[int, int]]:
    """The stretches of a quote that are the speaker's own words."""
    if quote.kind == "direct":
        return [(quote.start, quote.end)]
    if quote.kind != "mixed":
        return []
    regions = []
    opened: int | None = None
    for i, char in enumerate(quote.text):
        if char in QUOTE_MARKS and not (
            char == "’" and 0 < i < len(quote.text) - 1 and quote.text[i + 1].isalpha()
        ):
            if opened is None:
                opened = i
            else:
                regions.append((quote.start + opened, quote.start + i + 1))
                opened = None
    return regions


class Regions:
    """Sorted, possibly overlapping [start, end) ranges, asked whether they hold an offset."""

    def __init__(self, regions: Iterable[tuple[int, int]]) -> None:
        self.regions = sorted(regions)
        self.starts = [start for start, _ in self.regions]
        self.longest = max((end - start for start, end in self.regions), default=0)

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset)
        low = bisect.bisect_left(self.starts, offset - self.longest)
        return any(start <= offset < end for start, end in self.regions[low:index])
