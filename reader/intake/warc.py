"""Web archives (WARC, read with warcio): the HTML and plain-text responses they hold, and one as a Document.

A record is only reachable by reading the archive in order, so ``responses``
walks it once; ``reader ARCHIVE.warc.gz`` lists what it yields to pick from,
``--url`` opens one directly, and ``reader corpus`` analyses them all. A
record's Document is named ``warc:ARCHIVE#URL@DATE``: the library, the notes and
the exports then say which archive and which capture the text came from, and
``load`` of that name reopens the same capture.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.intake.document import Document, make_document
from reader.intake.errors import InputError
from reader.intake.formats import WARC_SCHEME

TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset=([\w-]+)")


class DamagedArchive(InputError):
    """The archive stops being readable after ``read`` records (zero: it is no WARC at all)."""

    def __init__(self, path: Path, read: int, reason: str) -> None:
        self.read = read
        self.reason = reason
        what = "not a readable WARC file" if not read else f"the WARC is damaged after {read} records"
        super().__init__(f"{path}: {what} ({reason})")


@dataclass(frozen=True)
class Response:
    url: str
    date: str  # the record's WARC-Date as written (e.g. 2024-03-05T10:00:00Z), "" when missing
    html: bool  # False: plain text
    text: str

    @property
    def day(self) -> str:
        return self.date[:10]


def responses(path: Path) -> Iterator[Response]:
    """Each HTML (or plain text) response, in archive order; DamagedArchive where reading stops."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    read = 0
    try:
        with open(path, "rb") as stream:
            records = iter(ArchiveIterator(stream))
            while True:
                # warcio writes its own warnings (a lying Content-Length) to stderr: the user sees
                # one line or none. Restored before each yield, so the caller's output is untouched.
                with contextlib.redirect_stderr(io.StringIO()):
                    response = _next_response(records, path, read + 1)
                if response is None:
                    return
                read += 1
                yield response
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        reason = " ".join(str(exc).split())  # warcio quotes the bad line, newline and all
        raise DamagedArchive(path, read, reason) from None


def _next_response(records: Iterator, path: Path, number: int) -> Response | None:
    """The next HTML or text response record read whole, None at the end of the archive."""
    for record in records:
        if record.rec_type != "response" or record.http_headers is None:
            continue
        declared = record.http_headers.get_header("Content-Type") or ""
        kind = declared.split(";")[0].strip().lower()
        if kind not in TYPES:
            continue
        body = record.content_stream().read()
        charset = _CHARSET.search(declared)
        try:
            text = body.decode(charset[1] if charset else "utf-8", errors="replace")
        except LookupError:
            text = body.decode("utf-8", errors="replace")
        return Response(
            url=record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{number}",
            date=record.rec_headers.get_header("WARC-Date") or "",
            html=kind != "text/plain",
            text=text,
        )
    return None


def source_name(path: Path, response: Response) -> str:
    return f"{WARC_SCHEME}{path.expanduser().resolve()}#{response.url}@{response.date}"


def document(path: Path, response: Response) -> Document:
    source = source_name(path, response)
    if not response.text.strip():
        raise InputError(f"{source}: the archived page is empty")
    if response.html:
        from reader.intake.webpage import html_document  # not loaded by `reader ARTICLE`

        return html_document(response.text, source)
    return make_document(response.text, source=source, extractor="plain")


def find(path: Path, url: str, date: str = "") -> Response:
    """The capture of ``url`` (at ``date`` when given, else the first) in the archive."""
    seen = 0
    for response in responses(path):
        seen += 1
        if response.url == url and (not date or response.date == date):
            return response
    at = f" captured {date}" if date else ""
    raise InputError(f"{path}: no HTML response for {url}{at} in the archive ({seen} pages in it)")


def load_named(source: str) -> Document:
    """The Document of a ``warc:ARCHIVE#URL@DATE`` name (see ``source_name``)."""
    archive, _, rest = source[len(WARC_SCHEME) :].partition("#")
    url, at, date = rest.rpartition("@")
    if not at:
        url, date = rest, ""
    if not archive or not url:
        raise InputError(f"{source}: not a web archive capture (warc:ARCHIVE#URL@DATE)")
    path = Path(archive)
    if not path.is_file():
        raise InputError(f"{path}: no such file or directory")
    return document(path, find(path, url, date))
