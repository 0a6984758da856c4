"""The normalised Document every other layer works on.

Offsets everywhere in the product (analysis spans, note anchors, highlights) are
code-point indices into ``Document.text``, so normalisation happens once, here,
and nothing after it alters the text.
"""

from __future__ import annotations

import bisect
import dataclasses
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
class Section:
    """A chapter of a book: its title and the index of its first paragraph."""

    title: str
    paragraph: int


@dataclass(frozen=True)
class Block:
    """One paragraph as a format reader found it, with the page it starts on (PDF) when known."""

    text: str
    page: int | None = None
    section: str | None = None  # set on the first block of a chapter


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    source: str
    extractor: str
    paragraphs: tuple[Paragraph, ...] = field(default=())
    # One page number per paragraph (same length as ``paragraphs``) for paged formats, else empty.
    pages: tuple[int, ...] = field(default=())
    sections: tuple[Section, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)

    def page_of(self, offset: int) -> int | None:
        """The page the paragraph holding ``offset`` starts on, or None for unpaged documents."""
        if not self.pages:
            return None
        index = bisect.bisect_right(self.paragraphs, offset, key=lambda paragraph: paragraph.start) - 1
        return self.pages[max(index, 0)]


def sha256_of(text: str) -> str:
    """The store's key of a text. hashlib (OpenSSL's library, 5 ms) loads on first use: opening an article
    needs it only once the article is on screen and its notes are read."""
    import hashlib

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


_SPACES = re.compile(r"\s+")


def document_from_blocks(
    blocks: list[Block], *, source: str, extractor: str, title: str | None = None
) -> Document:
    """One paragraph a block, in order, keeping each block's page and chapter beside its paragraph.

    Whitespace inside a block (line breaks included) becomes one space, so block ``i``
    is paragraph ``i`` and the page and section indices stay exact.
    """
    kept = [(_SPACES.sub(" ", block.text).strip(), block) for block in blocks]
    kept = [(text, block) for text, block in kept if text]
    document = make_document(
        "\n".join(text for text, _ in kept), source=source, extractor=extractor, title=title
    )
    pages = tuple(block.page or 0 for _, block in kept) if any(b.page for _, b in kept) else ()
    sections = tuple(Section(block.section, i) for i, (_, block) in enumerate(kept) if block.section)
    return dataclasses.replace(document, pages=pages, sections=sections)
