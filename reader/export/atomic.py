"""Atomic file writes: a temporary file in the target's folder, then ``os.replace``.

A reader of the target sees the old file or the new one, never half of either,
and an unchanged export is not rewritten at all (its mtime stays, sync tools rest).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.export.errors import ExportError


def write_atomic(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path
