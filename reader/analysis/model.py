"""The Analysis dataclasses: the `reader analyze --json` contract (shared/docs/analysis-schema.md).

Every span is a half-open code-point range into the document text and, where it
carries ``text``, ``text == document_text[start:end]``. Serialisation is
deterministic: the same input gives byte-identical JSON.
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.analysis.sentence import Sentence

SCHEMA = "reader.analysis/1"


@dataclass(slots=True)
class TextSpan:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document_text: str, start: int, end: int) -> TextSpan:
        """The span's text is interned: cues and mentions repeat ("said", "he", a name), and a long
        text's spans would otherwise each hold a copy of the same few words (issue 22)."""
        return cls(start, end, sys.intern(document_text[start:end]))


@dataclass(slots=True)
class ParagraphSpan:
    start: int
    end: int


@dataclass(slots=True)
class Speaker:
    id: str
    name: str | None
    label: str | None
    role: str | None
    kind: str  # person | organisation | unnamed
    mentions: list[TextSpan] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    speaker: str | None
    kind: str  # direct | indirect | according_to | mixed
    start: int
    end: int
    text: str
    cue: TextSpan | None = None


@dataclass(slots=True)
class Number:
    id: str
    start: int
    end: int
    text: str
    kind: str  # count | percent | money | quantity | date | range | ratio
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    group: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    start: int
    end: int
    text: str
    sentence: str | None
    category: str  # unverifiable | hedge | vague_source | anonymous_source | single_source
    weight: str  # strong | weak
    cues: list[TextSpan] = field(default_factory=list)
    qualified_by: str | None = None
    explanation: str = ""


@dataclass(slots=True)
class CheckSpan:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Check:
    kind: str  # name_variant | place_variant | number_conflict
    message: str
    spans: list[CheckSpan] = field(default_factory=list)


@dataclass(slots=True)
class DocumentInfo:
    source: str
    title: str
    sha256: str
    chars: int
    extractor: str
    language: str = "en"


def engine_version() -> str:
    """What an analysis says made it, and the key the store caches analyses under: a new release
    invalidates old caches."""
    from reader import __version__

    return f"reader {__version__}"


@dataclass(slots=True)
class EngineInfo:
    model: str
    version: str


@dataclass(slots=True)
class Analysis:
    document: DocumentInfo
    engine: EngineInfo
    paragraphs: list[ParagraphSpan] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **asdict(self)}

    def to_json(self, *, indent: int | None = None) -> str:
        import json  # not at import: the reader's first frame needs the model's classes, not json (9 ms)

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild from ``to_dict`` output (the store's cache); unknown keys are ignored."""

        def spans(items: list[dict[str, Any]] | None, kind: type = TextSpan) -> list[Any]:
            return [kind(**_known(kind, item)) for item in items or []]

        def one(kind: type, item: dict[str, Any], **nested: Any) -> Any:
            values = _known(kind, item)
            values.update(nested)
            return kind(**values)

        return cls(
            document=one(DocumentInfo, data["document"]),
            engine=one(EngineInfo, data["engine"]),
            paragraphs=spans(data.get("paragraphs"), ParagraphSpan),
            sentences=spans(data.get("sentences"), Sentence),
            speakers=[one(Speaker, s, mentions=spans(s.get("mentions"))) for s in data.get("speakers", [])],
            quotes=[
                one(Quote, q, cue=TextSpan(**_known(TextSpan, q["cue"])) if q.get("cue") else None)
                for q in data.get("quotes", [])
            ],
            numbers=[one(Number, n) for n in data.get("numbers", [])],
            claims=[one(Claim, c, cues=spans(c.get("cues"))) for c in data.get("claims", [])],
            checks=[one(Check, c, spans=spans(c.get("spans"), CheckSpan)) for c in data.get("checks", [])],
            warnings=list(data.get("warnings", [])),
        )


def _known(kind: type, item: dict[str, Any]) -> dict[str, Any]:
    names = kind.__dataclass_fields__.keys()
    return {key: value for key, value in item.items() if key in names}
