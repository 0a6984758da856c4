"""Which reader a source goes to, decided in this one place: the content first, the name second.

A file's bytes say what it is more reliably than its name (a report saved as
``download.bin``, an EPUB renamed ``.zip``), so the signatures are read first;
the suffix (or a URL's Content-Type) decides only when the bytes say nothing,
and then a reader that cannot open them gives its own one-line error.
"""

from __future__ import annotations

import re
from pathlib import Path

PDF = "pdf"
EPUB = "epub"
DOCX = "docx"
HTML = "html"
MARKDOWN = "markdown"
PLAIN = "plain"

_SUFFIXES = {
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
    ".epub": EPUB,
    ".docx": DOCX,
}
_CONTENT_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
    "text/plain": PLAIN,
    "application/pdf": PDF,
    "application/epub+zip": EPUB,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX,
}
_ZIP = b"PK\x03\x04"
# An EPUB's first part is the uncompressed "mimetype" file, so its name and content open the zip.
_EPUB_HEAD = b"mimetypeapplication/epub+zip"


# A web archive holds many pages, read by reader.intake.warc; ``warc:ARCHIVE#URL@DATE`` names one capture.
# Decided here, so that `reader ARTICLE` tells an article from an archive without loading the archive reader.
WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_SCHEME = "warc:"


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def from_suffix(path: Path) -> str | None:
    return _SUFFIXES.get(path.suffix.lower())


def from_content_type(content_type: str) -> str | None:
    return _CONTENT_TYPES.get(content_type)


def sniff(raw: bytes) -> str | None:
    """The container format the bytes open as (PDF, EPUB, DOCX), whatever the name says; None for text."""
    if raw[:1024].lstrip(b"\x00\t\r\n\x0c ").startswith(b"%PDF-"):
        return PDF
    if raw.startswith(_ZIP):
        if raw[30:58] == _EPUB_HEAD or b"META-INF/container.xml" in raw:
            return EPUB
        if b"word/document.xml" in raw:
            return DOCX
    return None


def choose(raw: bytes, declared: str | None) -> str | None:
    """The format to read ``raw`` as: a sniffed container, else what the name or type declared (None: sniff text)."""
    return sniff(raw) or declared


_SNIFF_CHARS = 1024
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the text opens as an HTML document (``<!doctype html`` or ``<html`` near the start)."""
    head = text.lstrip("\ufeff \t\r\n")
    return head.startswith("<") and bool(_HTML_START.search(head[:_SNIFF_CHARS]))
