"""One spreadsheet row per annotation (RFC 4180 through the csv module: CRLF rows, quoted as needed).

Opens cleanly in a spreadsheet: a UTF-8 text with a fixed header, several values
in one cell (tags, evidence URLs) joined by " | ".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.export.article import Article
from reader.labels import speaker_name
from reader.store import Annotation

HEADER = (
    "article",
    "sha256",
    "passage",
    "start",
    "end",
    "tags",
    "verdict",
    "verdict_history",
    "note",
    "evidence_urls",
    "speaker",
    "claim_category",
    "orphaned",
)


def render_csv(articles: Iterable[Article]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for article in articles:
        writer.writerows(_row(article, a) for a in article.annotations)
    return out.getvalue()


def _row(article: Article, annotation: Annotation) -> list[str]:
    a = annotation.anchor
    return [
        article.record.title,
        article.record.sha256,
        a.exact,
        str(a.start),
        str(a.end),
        annotation.tag or "",
        annotation.verdict or "",
        " | ".join(f"{v.value or 'cleared'} {v.time}" for v in annotation.verdicts),
        annotation.note or "",
        " | ".join(e.url for e in annotation.evidence),
        "" if annotation.orphaned else _speaker(article, annotation),
        "" if annotation.orphaned else _category(article, annotation),
        "yes" if annotation.orphaned else "",
    ]


def _speaker(article: Article, annotation: Annotation) -> str:
    for quote in article.quotes_in(annotation):
        speaker = article.speaker(quote.speaker)
        if speaker is not None:
            return speaker_name(speaker)
    return ""


def _category(article: Article, annotation: Annotation) -> str:
    a = annotation.anchor
    claims = article.analysis.claims if article.analysis is not None else []
    return " | ".join(dict.fromkeys(c.category for c in claims if c.start < a.end and a.start < c.end))
