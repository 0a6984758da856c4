"""The corpus tables: one fixed Arrow schema each, and an Analysis flattened into plain rows.

Every table is keyed by ``doc_id`` and repeats the document's ``outlet`` and
``date`` so a researcher can filter any table without a join. Fixed schemas
(not inferred per shard) keep shards of one dataset compatible and the bytes
reproducible.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from reader.analysis.model import Analysis

KEY = [("doc_id", pa.string()), ("outlet", pa.string()), ("date", pa.string())]


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema(KEY + list(columns))


SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        ("month", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("sha256", pa.string()),
        ("chars", pa.int64()),
        ("words", pa.int64()),
        ("extractor", pa.string()),
        ("model", pa.string()),
        ("speakers", pa.int64()),
        ("quotes", pa.int64()),
        ("numbers", pa.int64()),
        ("claims", pa.int64()),
        ("checks", pa.int64()),
        ("metadata", pa.string()),  # the input's other fields, as a JSON object
    ),
    "speakers": _schema(
        ("speaker_id", pa.string()),
        ("name", pa.string()),
        ("label", pa.string()),
        ("role", pa.string()),
        ("kind", pa.string()),
        ("mentions", pa.int64()),
        ("quotes", pa.int64()),
    ),
    "quotes": _schema(
        ("quote_id", pa.string()),
        ("speaker_id", pa.string()),
        ("speaker_name", pa.string()),
        ("speaker_kind", pa.string()),
        ("kind", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ),
    "numbers": _schema(
        ("number_id", pa.string()),
        ("kind", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
    ),
    "claims": _schema(
        ("claim_id", pa.string()),
        ("category", pa.string()),
        ("weight", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("explanation", pa.string()),
    ),
    "checks": _schema(
        ("kind", pa.string()),
        ("message", pa.string()),
        ("spans", pa.string()),  # JSON list of {start, end, text}
    ),
    "failures": _schema(("stage", pa.string()), ("error", pa.string())),
}
TABLES = tuple(SCHEMAS)

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def analysis_rows(
    analysis: Analysis, doc_id: str, outlet: str, date: str, metadata: dict[str, Any], text: str
) -> Rows:
    """Every table's rows for one analysed document."""
    key = {"doc_id": doc_id, "outlet": outlet, "date": date}
    rows = empty_rows()
    rows["documents"].append(_document_row(analysis, key, metadata, text))
    _people(analysis, key, rows)
    for n in analysis.numbers:
        rows["numbers"].append(
            {
                **key,
                "number_id": n.id,
                "kind": n.kind,
                "start": n.start,
                "end": n.end,
                "text": n.text,
                "value": n.value,
                "low": n.low,
                "high": n.high,
                "unit": n.unit,
                "qualifier": n.qualifier,
            }
        )
    for c in analysis.claims:
        rows["claims"].append(
            {
                **key,
                "claim_id": c.id,
                "category": c.category,
                "weight": c.weight,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "explanation": c.explanation,
            }
        )
    for check in analysis.checks:
        spans = [{"start": s.start, "end": s.end, "text": s.text} for s in check.spans]
        rows["checks"].append(
            {
                **key,
                "kind": check.kind,
                "message": check.message,
                "spans": json.dumps(spans, ensure_ascii=False),
            }
        )
    return rows


def _document_row(
    analysis: Analysis, key: dict[str, str], metadata: dict[str, Any], text: str
) -> dict[str, Any]:
    info = analysis.document
    return {
        **key,
        "month": key["date"][:7],
        "source": info.source,
        "title": info.title,
        "sha256": info.sha256,
        "chars": info.chars,
        "words": len(text.split()),
        "extractor": info.extractor,
        "model": analysis.engine.model,
        "speakers": len(analysis.speakers),
        "quotes": len(analysis.quotes),
        "numbers": len(analysis.numbers),
        "claims": len(analysis.claims),
        "checks": len(analysis.checks),
        "metadata": json.dumps(metadata, ensure_ascii=False, sort_keys=True, default=str),
    }


def _people(analysis: Analysis, key: dict[str, str], rows: Rows) -> None:
    """The speakers' rows (with how often each is quoted) and the quotes' (with who says them)."""
    speakers = {speaker.id: speaker for speaker in analysis.speakers}
    quoted: dict[str, int] = {}
    for quote in analysis.quotes:
        if quote.speaker:
            quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
    for s in analysis.speakers:
        rows["speakers"].append(
            {
                **key,
                "speaker_id": s.id,
                "name": s.name,
                "label": s.label,
                "role": s.role,
                "kind": s.kind,
                "mentions": len(s.mentions),
                "quotes": quoted.get(s.id, 0),
            }
        )
    for q in analysis.quotes:
        speaker = speakers.get(q.speaker or "")
        rows["quotes"].append(
            {
                **key,
                "quote_id": q.id,
                "speaker_id": q.speaker,
                "speaker_name": speaker.name if speaker else None,
                "speaker_kind": speaker.kind if speaker else None,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "text": q.text,
            }
        )


def failure_rows(doc_id: str, outlet: str, date: str, stage: str, error: str) -> Rows:
    rows = empty_rows()
    rows["failures"].append(
        {"doc_id": doc_id, "outlet": outlet, "date": date, "stage": stage, "error": error}
    )
    return rows


def merge(into: Rows, more: Rows) -> None:
    for name, items in more.items():
        into[name].extend(items)


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
