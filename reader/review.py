"""The review queue: every claim to decide in an article (or the whole library), as plain records.

A claim to decide is one the analysis flagged or a span the user tagged (or
already gave a verdict or evidence). Built from the store and the cached
analysis only (never the NLP engine), so the queue of a whole library opens at
once; the TUI's review screen and ``reader review`` both read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.export.article import Article
from reader.labels import speaker_name
from reader.store import Annotation, Change, Store

FILTERS = ("undecided", "decided", "all")
ORDERS = ("article", "weight")
_WEIGHT = {"strong": 0, None: 1, "weak": 2}  # a span the user tagged ranks between strong and weak claims


@dataclass(frozen=True)
class ReviewItem:
    sha256: str
    title: str
    start: int
    end: int
    text: str
    kind: str  # "claim" (flagged by the analysis) or "tagged" (the user's span)
    category: str | None  # the claim's category; None for a tagged span
    weight: str | None
    speaker: str | None  # the attributed speaker of a quote the claim sits in
    annotation: Annotation | None  # where its tag, verdict and evidence live (None: nothing yet)

    @property
    def verdict(self) -> str | None:
        return self.annotation.verdict if self.annotation is not None else None

    @property
    def decided(self) -> bool:
        return self.verdict is not None


def article_items(article: Article) -> list[ReviewItem]:
    """The article's claims in text order: flagged claims first matched to an annotation on their span."""
    record = article.record
    placed = article.placed
    by_span = {(a.anchor.start, a.anchor.end): a for a in placed}
    items: list[ReviewItem] = []
    claimed: set[tuple[int, int]] = set()
    for claim in article.analysis.claims if article.analysis is not None else []:
        span = (claim.start, claim.end)
        claimed.add(span)
        items.append(
            ReviewItem(
                record.sha256,
                record.title,
                claim.start,
                claim.end,
                claim.text,
                "claim",
                claim.category,
                claim.weight,
                _speaker(article, by_span.get(span), claim.start, claim.end),
                by_span.get(span),
            )
        )
    for annotation in placed:
        span = (annotation.anchor.start, annotation.anchor.end)
        if span in claimed or not (annotation.tag or annotation.verdicts or annotation.evidence):
            continue
        items.append(
            ReviewItem(
                record.sha256,
                record.title,
                *span,
                annotation.anchor.exact,
                "tagged",
                None,
                None,
                _speaker(article, annotation, *span),
                annotation,
            )
        )
    items.sort(key=lambda item: (item.start, item.end))
    return items


def _speaker(article: Article, annotation: Annotation | None, start: int, end: int) -> str | None:
    for quote in article.analysis.quotes if article.analysis is not None else []:
        if quote.start < end and start < quote.end and quote.speaker is not None:
            speaker = article.speaker(quote.speaker)
            if speaker is not None:
                return speaker_name(speaker)
    return None


def library_items(store: Store) -> list[ReviewItem]:
    """Every article's claims, articles by title."""
    items: list[ReviewItem] = []
    for sha in store.document_ids():
        items += article_items(Article.load(store, sha))
    return items


def arranged(items: list[ReviewItem], filter_: str = "undecided", order: str = "article") -> list[ReviewItem]:
    if filter_ not in FILTERS or order not in ORDERS:
        raise ValueError(f"unknown filter {filter_!r} or order {order!r}")
    kept = [i for i in items if filter_ == "all" or i.decided == (filter_ == "decided")]
    if order == "weight":
        articles = {sha: n for n, sha in enumerate(dict.fromkeys(i.sha256 for i in items))}
        kept.sort(key=lambda i: (_WEIGHT.get(i.weight, 1), articles[i.sha256], i.start, i.end))
    return kept


def decide(store: Store, item: ReviewItem, value: str | None) -> tuple[ReviewItem, Change]:
    """Give ``item`` a verdict (one committed transaction); the item as it is now and the Change for undo."""
    annotation = item.annotation or store.span_annotation(item.sha256, item.start, item.end)
    change = store.decide(annotation, value)
    return replace(item, annotation=change.after), change


def refreshed(store: Store, item: ReviewItem) -> ReviewItem:
    """The item with its annotation as stored now (after an undo, an evidence edit, a note)."""
    if item.annotation is not None:
        return replace(item, annotation=store.annotation(item.annotation.id))
    return replace(item, annotation=_on_span(store, item))


def _on_span(store: Store, item: ReviewItem) -> Annotation | None:
    found = store.span_annotation(item.sha256, item.start, item.end)
    return found if store.annotation(found.id) is not None else None
