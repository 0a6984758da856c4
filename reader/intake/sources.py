"""One entry point for every source: a path, an ``http(s)://`` URL, or ``-`` for stdin.

The format is chosen once, by ``reader.intake.formats``: PDF, EPUB and DOCX by
their bytes first and their suffix (or a URL's Content-Type) second; Markdown
by extension; HTML by extension or by its opening (``<!doctype html``,
``<html``); everything else is plain text, kept exactly as written apart from
newlines, BOM and NFC.
"""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from reader.intake import formats
from reader.intake.decoding import decode_bytes
from reader.intake.document import Document, make_document, normalise_text
from reader.intake.errors import InputError
from reader.intake.limits import DEFAULT_MAX_BYTES, too_large

STDIN = "-"
STDIN_NAME = "<stdin>"

# Types whose bytes may still be an article: judged by the URL's extension and the content itself.
_UNLABELLED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
# "name:" with two or more letters: a URL scheme, not a Windows drive letter.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))


def load(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The Document for ``source``, or InputError with the one line the user should see."""
    if source == STDIN:
        return _from_bytes(_read_stdin(max_bytes), STDIN_NAME, kind=None, what="input")
    if source.startswith(formats.WARC_SCHEME):  # a capture named by an earlier open: the same record again
        from reader.intake import warc

        return warc.load_named(source)
    if _SCHEME.match(source.lstrip(_C0_OR_SPACE)):  # what urlsplit would read a scheme from
        from reader.intake import fetch as fetching  # only for an address: http.client and ssl load slowly

        if fetching.is_url(source):
            return _from_url(source, max_bytes)
    scheme = _SCHEME.match(source)
    if scheme and not Path(source).exists():
        raise InputError(
            f"{source}: unsupported URL scheme '{scheme.group(1).lower()}:' (only http and https)"
        )
    path = Path(source)
    if formats.is_archive(path) and path.is_file():
        raise InputError(
            f"{source}: a web archive holds many pages: open it with 'reader {source}' to pick one,"
            f" or give the page with 'reader {source} --url URL'"
        )
    return _from_bytes(_read_file(path, source, max_bytes), source, kind=formats.from_suffix(path))


def read_bytes(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a path or an ``http(s)://`` URL, within the cap (feeds and archives are read whole)."""
    from reader.intake import fetch as fetching

    if fetching.is_url(source):
        return fetching.fetch(source, max_bytes=max_bytes).body
    raw = _read_file(Path(source), source, max_bytes)
    if not raw:
        raise InputError(f"{source}: the file is empty")
    return raw


def _read_file(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot open ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{source}: is a directory, not a file")
    # Regular files, and pipes so that `reader <(curl ...)` works; never devices or sockets.
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise InputError(f"{source}: not a regular file")
    if info.st_size > max_bytes:
        raise InputError(f"{source}: {too_large(max_bytes, info.st_size)}")
    try:
        with open(path, "rb") as stream:
            raw = _read_capped(stream, max_bytes)
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if raw is None:
        raise InputError(f"{source}: {too_large(max_bytes)}")
    return raw


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(f"{STDIN_NAME}: nothing piped in (use 'reader - < article.txt' or a path)")
    raw = _read_capped(sys.stdin.buffer, max_bytes)
    if raw is None:
        raise InputError(f"{STDIN_NAME}: {too_large(max_bytes)}")
    return raw


def _read_capped(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """At most ``max_bytes``; None when there is more, having read only one byte past the cap."""
    raw = stream.read(max_bytes + 1)
    return None if len(raw) > max_bytes else raw


def _from_url(url: str, max_bytes: int) -> Document:
    from reader.intake import fetch as fetching

    fetched = fetching.fetch(url, max_bytes=max_bytes)
    kind = formats.from_content_type(fetched.content_type)
    if fetched.content_type in _UNLABELLED_TYPES:
        kind = formats.from_suffix(Path(urlsplit(fetched.url).path))
    elif kind is None and formats.sniff(fetched.body) is None:
        raise InputError(
            f"{url}: the server sent {fetched.content_type}, not an article (HTML, plain text, PDF, EPUB or DOCX)"
        )
    return _from_bytes(fetched.body, url, kind=kind, charset=fetched.charset, what="page")


def _from_bytes(
    raw: bytes, source: str, *, kind: str | None, charset: str | None = None, what: str = "file"
) -> Document:
    """Dispatch on the format the bytes sniff as, else ``kind``; None means sniff HTML, else plain text."""
    if not raw:
        raise InputError(f"{source}: the {what} is empty")
    kind = formats.choose(raw, kind)
    if kind == formats.PDF:
        from reader.intake.pdf import read_pdf  # each container reader imports its library only when needed

        return read_pdf(raw, source)
    if kind == formats.EPUB:
        from reader.intake.epub import read_epub

        return read_epub(raw, source)
    if kind == formats.DOCX:
        from reader.intake.docx import read_docx

        return read_docx(raw, source)
    if kind == formats.HTML or (kind is None and _sniff_html(raw)):
        from reader.intake.webpage import declared_charset, html_document  # not for a text file (3 ms)

        text = decode_bytes(raw, source, declared=charset or declared_charset(raw))
        _require_text(text, source, what)
        return html_document(text, source)
    text = decode_bytes(raw, source, declared=charset)
    _require_text(text, source, what)
    if kind == formats.MARKDOWN:
        from reader.intake.markdown import render_markdown  # html.parser: only Markdown needs it

        rendered = render_markdown(normalise_text(text))
        if not rendered.text.replace("\ufeff", "").strip():
            raise InputError(f"{source}: the Markdown has no readable text")
        return make_document(rendered.text, source=source, extractor="markdown", title=rendered.title)
    return make_document(text, source=source, extractor="plain")


def _sniff_html(raw: bytes) -> bool:
    head = raw[:2048]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return formats.looks_like_html(head[2:].decode(codec, errors="ignore"))
    return formats.looks_like_html(head.decode("latin-1"))


def _require_text(text: str, source: str, what: str) -> None:
    if not text.replace("\ufeff", "").strip():  # a second BOM is all a normalised b"\xef\xbb\xbf" * 2 leaves
        raise InputError(f"{source}: the {what} contains only whitespace")
