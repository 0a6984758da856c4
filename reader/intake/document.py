"""The normalised Document every other layer works on.

Offsets everywhere in the product (analysis spans, note anchors, highlights) are
code-point indices into ``Document.text``, so normalisation happens once, here,
and nothing after it alters the text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    source: str
    extractor: str
    paragraphs: tuple[Paragraph, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, Unicode NFC, no BOM: the only changes intake makes to the words."""
    text = text.replace("\ufeff", "") if text.startswith("\ufeff") else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def paragraph_spans(text: str) -> tuple[Paragraph, ...]:
    """One paragraph per non-blank line: the shared seeds and the extractors put one paragraph a line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            spans.append(Paragraph(start, start + len(stripped)))
        pos += len(line) + 1
    return tuple(spans)


def first_line_title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return ""


def make_document(text: str, *, source: str, extractor: str, title: str | None = None) -> Document:
    text = normalise_text(text)
    return Document(
        text=text,
        title=(title or first_line_title(text)),
        source=source,
        extractor=extractor,
        paragraphs=paragraph_spans(text),
    )
