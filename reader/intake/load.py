"""Dispatch a source (path, URL or ``-``) to the right reader. (Minimal: plain text; the intake issue extends it.)"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.intake.document import Document, make_document
from reader.intake.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def load(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if source == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        return _from_bytes(raw, "<stdin>")
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file")
    raw = path.read_bytes()
    return _from_bytes(raw, source)


def _from_bytes(raw: bytes, source: str) -> Document:
    text = raw.decode("utf-8-sig")
    if not text.strip():
        raise InputError(f"{source}: the file is empty")
    return make_document(text, source=source, extractor="plain")
