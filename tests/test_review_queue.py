"""reader.review: the queue's filters and orders (weight: strong claims, then tagged spans, then weak)."""

from __future__ import annotations

import pytest

from reader.review import ReviewItem, arranged
from reader.store import Anchor, Annotation
from reader.store.verdicts import Verdict


def item(sha: str, start: int, weight: str | None, verdict: str | None = None) -> ReviewItem:
    annotation = None
    if verdict is not None:
        anchor = Anchor("x", "", "", start, start + 1)
        annotation = Annotation(
            f"a{start}", sha, anchor, None, None, "t", "t", verdicts=(Verdict(verdict, "t"),)
        )
    kind = "tagged" if weight is None else "claim"
    return ReviewItem(sha, sha, start, start + 1, "x", kind, None, weight, None, annotation)


ITEMS = [
    item("b", 5, "weak"),
    item("b", 9, "strong", "false"),
    item("b", 12, None),
    item("a", 1, "weak", "true"),
    item("a", 3, "strong"),
]


def spans(items: list[ReviewItem]) -> list[tuple[str, int]]:
    return [(i.sha256, i.start) for i in items]


def test_filters_keep_the_article_order() -> None:
    assert spans(arranged(ITEMS)) == [("b", 5), ("b", 12), ("a", 3)]
    assert spans(arranged(ITEMS, "decided")) == [("b", 9), ("a", 1)]
    assert spans(arranged(ITEMS, "all")) == spans(ITEMS)


def test_by_weight_strong_claims_come_first_then_tagged_spans_then_weak_ones() -> None:
    assert spans(arranged(ITEMS, "all", "weight")) == [("b", 9), ("a", 3), ("b", 12), ("b", 5), ("a", 1)]


def test_an_unknown_filter_or_order_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        arranged(ITEMS, "maybe")
