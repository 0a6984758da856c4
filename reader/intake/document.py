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
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    return unicodedata.normalize("NFC", without_surrogates(text))


def without_surrogates(text: str) -> str:
    """Lone surrogates (from ``&#xD800;``-style input or a broken caller) become U+FFFD, one for one.

    They cannot be encoded as UTF-8, so the sha256, the store and the terminal
    would all fail on them; replacing each keeps every offset where it was.
    """
    return _SURROGATE.sub("\ufffd", text)


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
        title=(without_surrogates(title) if title else first_line_title(text)),
        source=source,
        extractor=extractor,
        paragraphs=paragraph_spans(text),
    )
