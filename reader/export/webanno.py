"""W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/) out and back in.

One AnnotationCollection per article; each annotation targets ``urn:sha256:<hex>``
(the exact normalised text its offsets count in) with a TextQuoteSelector and a
TextPositionSelector, and has a TextualBody per tag (purpose "tagging") and per
note (purpose "commenting"). Verdicts (their whole history) and evidence records
ride along as ``reader:verdicts`` and ``reader:evidence``. Ids, timestamps and
the orphan flag are carried so that export, wipe, import, export is byte-identical.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from reader import __version__
from reader.export.article import Article
from reader.export.errors import ExportError
from reader.store import Anchor, Annotation, check_tag
from reader.store.verdicts import Evidence, Verdict, check_date, check_label, check_url

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATION_IRI = "urn:reader:annotation:"
DOCUMENT_IRI = "urn:sha256:"
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ImportedArticle:
    sha256: str
    title: str
    sources: tuple[str, ...]
    annotations: list[Annotation]


def to_collection(article: Article) -> dict[str, Any]:
    record = article.record
    items = [_annotation(a) for a in article.annotations]
    return {
        "@context": CONTEXT,
        "id": f"{DOCUMENT_IRI}{record.sha256}#annotations",
        "type": "AnnotationCollection",
        "label": record.title,
        "generator": {"type": "Software", "name": f"reader {__version__}"},
        "reader:document": {"sha256": record.sha256, "title": record.title, "sources": list(record.sources)},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dumps(collection: dict[str, Any], *, lines: bool) -> str:
    if lines:
        return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _annotation(annotation: Annotation) -> dict[str, Any]:
    a = annotation.anchor
    body = []
    if annotation.tag is not None:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": annotation.tag})
    if annotation.note is not None:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": annotation.note, "format": "text/plain"}
        )
    item: dict[str, Any] = {
        "id": ANNOTATION_IRI + annotation.id,
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": annotation.created,
        "modified": annotation.modified,
        "body": body,
        "target": {
            "source": DOCUMENT_IRI + annotation.sha256,
            "selector": [
                {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    }
    if annotation.orphaned:
        item["reader:orphaned"] = True
    if annotation.verdicts:
        item["reader:verdicts"] = [{"value": v.value, "time": v.time} for v in annotation.verdicts]
    if annotation.evidence:
        item["reader:evidence"] = [
            {key: value for key, value in vars(e).items() if value is not None} for e in annotation.evidence
        ]
    return item


def _motivation(annotation: Annotation) -> str:
    if annotation.note is not None:
        return "commenting"
    return "tagging" if annotation.tag is not None else "assessing"


def parse(text: str, name: str) -> list[ImportedArticle]:
    """Collections from one exported file: a single JSON document, or JSON Lines from ``--all``."""
    stripped = text.strip()
    if not stripped:
        raise ExportError(f"{name}: the file is empty")
    try:
        return [_collection(json.loads(stripped), name)]
    except json.JSONDecodeError:
        pass
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExportError(f"{name}: line {number}: not JSON ({exc.msg})") from None
        articles.append(_collection(data, f"{name}: line {number}"))
    return articles


def _collection(data: Any, where: str) -> ImportedArticle:
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise ExportError(f"{where}: not a Web Annotation collection exported by reader")
    document = data.get("reader:document")
    items = (data.get("first") or {}).get("items") if isinstance(data.get("first"), dict) else None
    if not isinstance(document, dict) or not isinstance(items, list):
        raise ExportError(f"{where}: the collection lacks reader:document or first.items")
    sha = document.get("sha256")
    title = document.get("title")
    sources = document.get("sources", [])
    if not isinstance(sha, str) or not _SHA.match(sha) or not isinstance(title, str):
        raise ExportError(f"{where}: reader:document needs a sha256 and a title")
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ExportError(f"{where}: reader:document sources must be a list of strings")
    annotations = [_item(item, sha, f"{where}: annotation {index + 1}") for index, item in enumerate(items)]
    return ImportedArticle(sha, title, tuple(sources), annotations)


def _item(item: Any, sha: str, where: str) -> Annotation:
    try:
        ident = item["id"]
        if (
            not isinstance(ident, str)
            or not ident.startswith(ANNOTATION_IRI)
            or not _ID.match(ident[len(ANNOTATION_IRI) :])
        ):
            raise ValueError(f"id must look like {ANNOTATION_IRI}<letters and digits>")
        target = item["target"]
        if target.get("source") != DOCUMENT_IRI + sha:
            raise ValueError("target source is not the collection's document")
        selectors = {s["type"]: s for s in target["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        anchor = Anchor(
            _text(quote["exact"]),
            _text(quote.get("prefix", "")),
            _text(quote.get("suffix", "")),
            _int(position["start"]),
            _int(position["end"]),
        )
        if not 0 <= anchor.start < anchor.end or anchor.end - anchor.start != len(anchor.exact):
            raise ValueError("the position selector does not fit the quote")
        tags = [b["value"] for b in item.get("body", []) if b.get("purpose") == "tagging"]
        notes = [b["value"] for b in item.get("body", []) if b.get("purpose") == "commenting"]
        verdicts = tuple(_verdict(v) for v in item.get("reader:verdicts", []))
        evidence = tuple(_evidence(e) for e in item.get("reader:evidence", []))
        if len(tags) > 1 or len(notes) > 1 or not (tags or notes or verdicts or evidence):
            raise ValueError("needs one tagging body and/or one commenting body, a verdict or evidence")
        return Annotation(
            id=ident[len(ANNOTATION_IRI) :],
            sha256=sha,
            anchor=anchor,
            tag=check_tag(_text(tags[0])) if tags else None,
            note=_text(notes[0]) if notes else None,
            created=_text(item["created"]),
            modified=_text(item["modified"]),
            orphaned=item.get("reader:orphaned", False) is True,
            verdicts=verdicts,
            evidence=evidence,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ExportError(f"{where}: malformed annotation ({type(exc).__name__}: {exc})") from None
    except ValueError as exc:
        raise ExportError(f"{where}: {exc}") from None


def _verdict(data: Any) -> Verdict:
    value = data["value"]
    return Verdict(None if value is None else check_label(_text(value)), _text(data["time"]))


def _evidence(data: Any) -> Evidence:
    optional = {key: _text(data[key]) for key in ("title", "accessed", "passage", "note") if key in data}
    if "accessed" in optional:
        check_date(optional["accessed"])
    if not _ID.match(_text(data["id"])):
        raise ValueError("evidence id must be letters and digits")
    return Evidence(data["id"], check_url(_text(data["url"])), **optional)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"expected an integer offset, got {value!r}")
    return value
