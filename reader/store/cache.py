"""The analysis cache's one read, which needs only sqlite3 and json: the Store's and the reading screen's.

``Store.load_analysis`` reads through it on the Store's connection. ``peek`` reads it
without the Store (whose records, anchoring and checks cost ~8 ms of imports, its connection
handling in reader.store.database 5 ms more, and whose opening checks and migrates the file):
a reopened article's analysis fills the panel in the frame after the article's first, before
the Store opens for the notes (issue 22).
It never writes and never waits: a missing, busy, damaged, older or newer file is a
miss, and the caller falls back to the Store, which handles each of those.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.store.schema import DATABASE, VERSION

if TYPE_CHECKING:
    from reader.analysis.model import Analysis
    from reader.intake.document import Document

SELECT = "SELECT json FROM analyses WHERE sha256 = ? AND engine_version = ?"


def decoded(rows: list[tuple[Any, ...]]) -> Analysis | None:
    """The analysis in the rows SELECT gave, or None (no row, or a corrupt entry: a miss)."""
    if not rows:
        return None
    import json  # 1.3 ms: only once there is a row to decode

    from reader.analysis.model import Analysis

    try:
        return Analysis.from_dict(json.loads(rows[0][0]))
    except (ValueError, KeyError, TypeError):
        return None


def engine_version() -> str:
    from reader.analysis.model import engine_version  # reader.analysis loads only when an analysis is cached

    return engine_version()


def peek(folder: Path, document: Document) -> Analysis | None:
    """The cached analysis of ``document`` in the store of ``folder`` by this engine version, read-only; None
    on any failure. With no store file yet (a first start) it loads nothing: not sqlite3, json or hashlib
    (for the text's key)."""
    path = folder / DATABASE
    if not path.is_file():
        return None
    import sqlite3

    uri = f"{path.absolute().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0)  # busy: the Store retries, not the first frame
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != VERSION:
            return None  # an older file the Store migrates first, or a newer one it refuses
        return decoded(conn.execute(SELECT, (document.sha256, engine_version())).fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
