"""schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview): one per decided claim of an article.

The markup fact-checking desks exchange (Google Fact Check Explorer, the Duke
Reporters' Lab database). ``reviewRating`` carries the verdict as
``alternateName`` and its place on the configured scale as ``ratingValue`` (1 =
the scale's first, best, verdict); a verdict no longer on an edited scale keeps
its name and has no ``ratingValue``. ``url`` is the publisher's URL with the
annotation id as fragment: the reader publishes nothing itself. Byte-identical
on re-export (no clock is read: ``datePublished`` is the verdict's own date).
"""

from __future__ import annotations

import json
from typing import Any

from reader.config import Config, Publisher
from reader.export.article import Article
from reader.export.errors import ExportError
from reader.labels import speaker_name
from reader.store import Annotation
from reader.store.verdicts import position

CONTEXT = "https://schema.org"
_URL_SCHEMES = ("http://", "https://")


def publisher_of(config: Config) -> Publisher:
    if config.publisher is None:
        where = config.path or "config.toml"
        raise ExportError(
            f'ClaimReview needs a publisher: set [publisher] name = "..." and url = "https://..." in {where}'
        )
    return config.publisher


def reviews(article: Article, config: Config) -> list[dict[str, Any]]:
    publisher = publisher_of(config)
    return [_review(article, a, publisher, config.scale) for a in article.placed if a.verdict is not None]


def dumps(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _review(article: Article, annotation: Annotation, publisher: Publisher, scale: tuple[str, ...]) -> dict:
    verdict = annotation.verdicts[-1]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.value}
    place = position(verdict.value, scale)
    if place is not None:
        rating.update(ratingValue=place, bestRating=1, worstRating=len(scale))
    claim: dict[str, Any] = {"@type": "Claim"}
    speaker = _speaker(article, annotation)
    if speaker is not None:
        claim["author"] = speaker
    record = article.record
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": record.title}
    web = [s for s in record.sources if s.startswith(_URL_SCHEMES)]
    if web:
        appearance["url"] = web[0]
    claim["appearance"] = appearance
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{publisher.url}#claim-{annotation.id}",
        "claimReviewed": annotation.anchor.exact,
        "datePublished": verdict.time[:10],
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "reviewRating": rating,
        "itemReviewed": claim,
    }


def _speaker(article: Article, annotation: Annotation) -> dict[str, str] | None:
    for quote in article.quotes_in(annotation):
        speaker = article.speaker(quote.speaker)
        if speaker is not None:
            kind = "Organization" if speaker.kind == "organisation" else "Person"
            return {"@type": kind, "name": speaker_name(speaker)}
    return None
