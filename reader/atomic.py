"""Atomic file writes: a temporary file in the target's folder, then ``os.replace``.

A reader of the target sees the old file or the new one, never half of either,
and an unchanged file is not rewritten at all (its mtime stays, sync tools rest).
Exports, the preferences file and the panel-ready report of the benchmarks all
write through here; a failure is an ``OSError`` for the caller to word (an
export turns it into its one-line ExportError).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all, keeping an existing file's mode."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
