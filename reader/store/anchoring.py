"""Find an anchor again in a text that may have changed since the anchor was made.

The order follows Hypothesis: the quote at its old offsets with its context
intact; else every exact occurrence of the quote, the one whose context agrees
best (nearest to the old offset among equals); else a scored approximate search
over windows suggested by the prefix, the suffix, the quote's own ends and the
old position. All of it runs on whitespace-collapsed text, so re-flowed or
re-indented articles re-anchor exactly. Below the minimum score there is no
match: an annotation is orphaned rather than attached to other words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from os.path import commonprefix

from reader.store.model import Anchor

# Weights as in Hypothesis' approximate anchoring: the quote dominates, context breaks ties.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
MIN_SCORE = 0.7
MIN_QUOTE_SIMILARITY = 0.7
# A quote this long is distinctive on its own; a shorter exact hit also needs its context.
DISTINCTIVE_QUOTE = 20
MIN_CONTEXT_FOR_SHORT = 0.5
PROBE = 16
MAX_HITS = 200
MAX_CANDIDATES = 60


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    score: float
    exact: bool


@dataclass(frozen=True)
class _Collapsed:
    """Text with whitespace runs collapsed to one space, and where each character came from."""

    text: str
    origin: list[int]  # origin[i] = index in the original text; one extra entry = len(original)

    @classmethod
    def of(cls, text: str) -> _Collapsed:
        out: list[str] = []
        origin: list[int] = []
        previous_space = False
        for index, char in enumerate(text):
            space = char.isspace()
            if space and previous_space:
                continue
            out.append(" " if space else char)
            origin.append(index)
            previous_space = space
        origin.append(len(text))
        return cls("".join(out), origin)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1

    def from_original(self, offset: int) -> int:
        return max(0, bisect_right(self.origin, offset) - 1)


@lru_cache(maxsize=4)
def _collapsed(text: str) -> _Collapsed:
    """Re-anchoring places every annotation of an article in the same new text: collapse it once."""
    return _Collapsed.of(text)


def collapse(text: str) -> str:
    return _Collapsed.of(text).text


def locate(anchor: Anchor, text: str) -> Match | None:
    """The best confident place for ``anchor`` in ``text``, in original offsets, or None."""
    if (
        text[anchor.start : anchor.end] == anchor.exact
        and text[max(0, anchor.start - len(anchor.prefix)) : anchor.start] == anchor.prefix
        and text[anchor.end : anchor.end + len(anchor.suffix)] == anchor.suffix
    ):
        return Match(anchor.start, anchor.end, 1.0, exact=True)
    quote = collapse(anchor.exact)
    if not quote.strip():
        return None
    haystack = _collapsed(text)
    prefix, suffix = collapse(anchor.prefix), collapse(anchor.suffix)
    expected = haystack.from_original(anchor.start)
    found = _exact(haystack.text, quote, prefix, suffix, expected) or _approximate(
        haystack.text, quote, prefix, suffix, expected
    )
    if found is None:
        return None
    start, end = haystack.to_original(found.start, found.end)
    return Match(start, end, found.score, found.exact)


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context(text: str, start: int, end: int, prefix: str, suffix: str) -> tuple[float, float]:
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return _similarity(prefix, before), _similarity(suffix, after)


def _score(quote: float, prefix: float, suffix: float, distance: int, length: int) -> float:
    position = 1.0 - min(1.0, distance / max(length, 1))
    total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    return (
        QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position
    ) / total


def _occurrences(text: str, needle: str) -> list[int]:
    hits: list[int] = []
    if not needle:
        return hits
    at = text.find(needle)
    while at != -1 and len(hits) < MAX_HITS:
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits


def _exact(text: str, quote: str, prefix: str, suffix: str, expected: int) -> Match | None:
    """The exact occurrence whose context agrees best, nearest ``expected`` among equals.

    Ranking uses how many context characters agree right next to the quote (a
    string comparison, cheap for quotes that occur hundreds of times); only the
    winner gets the full similarity score.
    """
    best: tuple[tuple[float, int], int] | None = None
    for hit in _occurrences(text, quote):
        end = hit + len(quote)
        agreement = _adjacent(prefix[::-1], text[max(0, hit - len(prefix)) : hit][::-1]) + _adjacent(
            suffix, text[end : end + len(suffix)]
        )
        key = (round(agreement / max(len(prefix) + len(suffix), 1), 2), -abs(hit - expected))
        if best is None or key > best[0]:
            best = (key, hit)
    if best is None:
        return None
    hit = best[1]
    before, after = _context(text, hit, hit + len(quote), prefix, suffix)
    if len(quote) < DISTINCTIVE_QUOTE and (before + after) / 2 < MIN_CONTEXT_FOR_SHORT:
        return None
    return Match(
        hit, hit + len(quote), _score(1.0, before, after, abs(hit - expected), len(text)), exact=True
    )


def _adjacent(expected: str, found: str) -> int:
    """How many leading characters the two strings share."""
    return len(commonprefix([expected, found]))


def _candidates(text: str, quote: str, prefix: str, suffix: str, expected: int) -> list[int]:
    """Likely start offsets of the (edited) quote, the most strongly suggested first."""
    votes: dict[int, int] = {}

    def vote(start: int) -> None:
        start = min(max(0, start), len(text))
        votes[start] = votes.get(start, 0) + 1

    if len(prefix) >= PROBE // 2:
        probe = prefix[-PROBE:]
        for hit in _occurrences(text, probe):
            vote(hit + len(probe))
    if len(suffix) >= PROBE // 2:
        for hit in _occurrences(text, suffix[:PROBE]):
            vote(hit - len(quote))
    if len(quote) >= PROBE:
        for hit in _occurrences(text, quote[:PROBE]):
            vote(hit)
        for hit in _occurrences(text, quote[-PROBE:]):
            vote(hit + PROBE - len(quote))
    vote(expected)
    ranked = sorted(votes, key=lambda start: (-votes[start], abs(start - expected)))
    chosen: list[int] = []
    spacing = max(4, len(quote) // 8)
    for start in ranked:
        if all(abs(start - other) > spacing for other in chosen):
            chosen.append(start)
        if len(chosen) == MAX_CANDIDATES:
            break
    return chosen


def _approximate(text: str, quote: str, prefix: str, suffix: str, expected: int) -> Match | None:
    best: Match | None = None
    slack = max(8, len(quote) // 4)
    for candidate in _candidates(text, quote, prefix, suffix, expected):
        low = max(0, candidate - slack)
        region = text[low : candidate + len(quote) + slack]
        blocks = [
            b for b in SequenceMatcher(None, quote, region, autojunk=False).get_matching_blocks() if b.size
        ]
        blocks = [b for b in blocks if b.size >= 3] or blocks
        if not blocks:
            continue
        first, last = blocks[0], blocks[-1]
        starts = {low + first.b, max(low, low + first.b - first.a)}
        ends = {
            low + last.b + last.size,
            min(len(text), low + last.b + last.size + len(quote) - last.a - last.size),
        }
        for start in starts:
            for end in ends:
                if end <= start:
                    continue
                similarity = _similarity(quote, text[start:end])
                if similarity < MIN_QUOTE_SIMILARITY:
                    continue
                before, after = _context(text, start, end, prefix, suffix)
                score = _score(similarity, before, after, abs(start - expected), len(text))
                if best is None or score > best.score:
                    best = Match(start, end, score, exact=False)
    return best if best is not None and best.score >= MIN_SCORE else None
