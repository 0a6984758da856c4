"""What a corpus run reads: folders of articles and JSON Lines, as small Items sent to workers.

An Item carries only the reference (a path, a URL) or the inline text, so the
driver stays light and the intake work (decoding, HTML extraction, fetching)
happens on the workers, where a bad document becomes a failure row instead of
stopping the run. WARC files (reader.intake.warc) are the exception: their HTML
responses are read on the driver, since a record is only reachable by reading
the archive in order, and sent on as inline HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.intake import Document, InputError, formats, load, make_document, warc
from reader.intake.webpage import html_document

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PAYLOAD_KEYS = ("text", "html", "url")
# "outlet_2015-11-16_slug.txt": the file-name convention of news dumps such as POLNEAR.
_NAMED = re.compile(r"^(?P<outlet>[A-Za-z0-9-]+)_(?P<date>\d{4}-\d{2}-\d{2})(?:_|$)")


@dataclass(frozen=True)
class Item:
    """One document to analyse: ``kind`` is path, url, text or html; ``value`` the reference or body."""

    id: str
    kind: str
    value: str
    outlet: str = ""
    date: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    def load(self, max_bytes: int) -> Document:
        if self.kind in ("path", "url"):
            return load(self.value, max_bytes=max_bytes)
        if not self.value.strip():
            raise InputError(f"{self.id}: the {self.kind} is empty")
        if self.kind == "html":
            return html_document(self.value, self.id)
        return make_document(self.value, source=self.id, extractor="plain")


@dataclass(frozen=True)
class BadLine:
    """A JSON Lines record that cannot become an Item: it is reported as a failure, not fatal."""

    id: str
    error: str


def read_inputs(sources: list[str]) -> Iterator[Item | BadLine]:
    """Items in a stable order (sorted file names, then line order), so shards are reproducible."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _file(child, listed=False)
        elif path.is_file():
            yield from _file(path, listed=True)
        else:
            raise InputError(f"{source}: no such file or directory")


def _file(path: Path, listed: bool) -> Iterator[Item | BadLine]:
    """A folder's files of unknown kinds are passed over; a file named on the command line is read."""
    if formats.is_archive(path):
        yield from _warc(path)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl(path)
    elif listed or path.suffix.lower() in ARTICLE_SUFFIXES:
        yield _article(path)


def _article(path: Path) -> Item:
    named = _NAMED.match(path.name)
    outlet, date = (named["outlet"], named["date"]) if named else ("", "")
    return Item(id=str(path), kind="path", value=str(path), outlet=outlet, date=date)


def _jsonl(path: Path) -> Iterator[Item | BadLine]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadLine(where, f"not JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield BadLine(where, "not a JSON object")
            continue
        kinds = [key for key in PAYLOAD_KEYS if isinstance(record.get(key), str)]
        if not kinds:
            yield BadLine(str(record.get("id") or where), "no text, html or url field")
            continue
        kind = kinds[0]
        extra = {k: v for k, v in record.items() if k not in ("id", "outlet", "date", *PAYLOAD_KEYS)}
        yield Item(
            id=str(record.get("id") or where),
            kind=kind,
            value=record[kind],
            outlet=str(record.get("outlet") or ""),
            date=str(record.get("date") or ""),
            metadata=extra,
        )


def _warc(path: Path) -> Iterator[Item | BadLine]:
    """Each HTML (or plain text) response record; the outlet is the host, the date the crawl's."""
    read = 0
    try:
        for response in warc.responses(path):
            read += 1
            yield Item(
                id=response.url,
                kind="html" if response.html else "text",
                value=response.text,
                outlet=urlsplit(response.url).hostname or "",
                date=response.day,
                metadata={"url": response.url, "warc": path.name},
            )
    except warc.DamagedArchive as exc:
        if not read:
            raise
        yield BadLine(f"{path}#{read + 1}", f"WARC damaged after {read} records: {exc.reason}")
