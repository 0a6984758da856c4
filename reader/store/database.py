"""A usable SQLite connection whatever state the data folder is in, and the one retry policy.

Opening never loses what the user already has and never strands them: a damaged
file (garbage, truncated, failing ``PRAGMA quick_check``) is moved aside under a
timestamped name and a new store starts; a folder that cannot be written (read
only, not a folder, disk full) gives an in-memory database, seeded with a copy
of the existing store when it can still be read, so the article opens and new
notes live until they are exported. Each such event leaves a one-line notice for
the caller to show. A store written by a newer version of the reader is refused,
never rewritten. Busy and locked databases (another reader writing) are retried
with backoff in ``retrying``, the only place that waits.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import TypeVar

from reader.store import schema
from reader.store.errors import StoreError
from reader.store.schema import DATABASE

BUSY_TIMEOUT_MS = 5000
# On top of SQLite's own busy timeout: how long a write keeps retrying before the user hears about it.
RETRY_SECONDS = 30.0
_FIRST_DELAY, _MAX_DELAY = 0.005, 0.25
_SIDE_FILES = ("-wal", "-shm", "-journal")

T = TypeVar("T")


class Failure(Enum):
    BUSY = "busy"
    CORRUPT = "corrupt"
    UNWRITABLE = "unwritable"


# Primary result codes (the low byte of an extended code).
_CODES = {
    5: Failure.BUSY,  # SQLITE_BUSY
    6: Failure.BUSY,  # SQLITE_LOCKED
    11: Failure.CORRUPT,  # SQLITE_CORRUPT
    26: Failure.CORRUPT,  # SQLITE_NOTADB
    3: Failure.UNWRITABLE,  # SQLITE_PERM
    8: Failure.UNWRITABLE,  # SQLITE_READONLY
    10: Failure.UNWRITABLE,  # SQLITE_IOERR
    13: Failure.UNWRITABLE,  # SQLITE_FULL
    14: Failure.UNWRITABLE,  # SQLITE_CANTOPEN
}
# Errors raised without a result code (older Pythons, or code that builds them) are told apart by message.
_MESSAGES = (
    ("database is locked", Failure.BUSY),
    ("database table is locked", Failure.BUSY),
    ("database is busy", Failure.BUSY),
    ("malformed", Failure.CORRUPT),
    ("file is not a database", Failure.CORRUPT),
    ("disk is full", Failure.UNWRITABLE),
    ("readonly database", Failure.UNWRITABLE),
    ("disk i/o error", Failure.UNWRITABLE),
    ("unable to open database file", Failure.UNWRITABLE),
)


class Damaged(sqlite3.DatabaseError):
    """``PRAGMA quick_check`` found a problem SQLite did not raise on its own."""


def classify(exc: BaseException) -> Failure | None:
    if isinstance(exc, Damaged):
        return Failure.CORRUPT
    if isinstance(exc, OSError):
        return Failure.UNWRITABLE
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _CODES:
        return _CODES[code & 0xFF]
    message = str(exc).lower()
    return next((failure for text, failure in _MESSAGES if text in message), None)


def retrying(action: Callable[[], T], *, seconds: float | None = None) -> T:
    """Run ``action`` again, with jittered exponential backoff, while the database is busy or locked.

    SQLite's busy timeout covers most waits, but not all (a lock held across the
    timeout by a long writer, WAL recovery, a checkpoint), and two readers that
    save at the same moment must both succeed without "database is locked"
    reaching the user. After ``seconds`` (default RETRY_SECONDS) the error becomes a StoreError.
    """
    seconds = RETRY_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    delay = _FIRST_DELAY
    while True:
        try:
            return action()
        except sqlite3.Error as exc:
            if classify(exc) is not Failure.BUSY:
                raise
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"the store stayed busy for {seconds:g} s (another reader is writing to it); try again"
                ) from None
        time.sleep(delay + random.uniform(0, delay))
        delay = min(delay * 2, _MAX_DELAY)


@dataclass
class Connected:
    """What ``connect`` got: the connection, and whether and why it is only in memory."""

    conn: sqlite3.Connection
    degraded: str | None = None
    notices: list[str] = field(default_factory=list)


def connect(folder: Path) -> Connected:
    """The store in ``folder``: on disk if at all possible, else in memory with a notice saying why."""
    path = folder / DATABASE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return Connected(retrying(lambda: _open_file(path)))
    except (OSError, sqlite3.Error) as exc:
        failure = classify(exc)
        if failure is Failure.CORRUPT:
            return _start_over(path, exc)
        if failure is Failure.UNWRITABLE:
            return in_memory(path, _reason(exc))
        raise StoreError(f"cannot open the store {path}: {exc}") from None


def in_memory(path: Path, reason: str, source: sqlite3.Connection | None = None) -> Connected:
    """A memory database holding a copy of ``source`` (else of the file at ``path`` if readable)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        if source is not None:
            source.backup(conn)
        else:
            _copy_readable(path, conn)
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn)
    except ValueError as exc:  # a newer store is refused even when it can only be read
        conn.close()
        raise StoreError(f"cannot use the store {path}: {exc}") from None
    notice = (
        f"cannot save to {path.parent} ({reason}): notes are kept in memory until you quit;"
        " export them before quitting"
    )
    return Connected(conn, degraded=reason, notices=[notice])


def _open_file(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        schema.refuse_newer(conn)  # before WAL mode rewrites the header of a file that is not ours to change
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        # About 1-2 ms per MB: catches a truncated or overwritten file at start rather than mid-session.
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise Damaged(verdict)
        schema.migrate(conn)
    except ValueError as exc:
        conn.close()
        raise StoreError(f"cannot use the store {path}: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _start_over(path: Path, exc: BaseException) -> Connected:
    """Move the damaged file (and its WAL, which must not be replayed onto a new file) aside; start anew.

    Under a lock on the folder, and only if the file is still damaged: two readers
    that found it damaged at once must not both move it (the second would move
    the first one's new store aside).
    """
    with _folder_lock(path.parent):
        try:
            return Connected(retrying(lambda: _open_file(path)))  # another reader started over, and said so
        except (OSError, sqlite3.Error) as again:
            if classify(again) is not Failure.CORRUPT:
                return in_memory(path, _reason(again))
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.damaged-{stamp}")
        number = 1
        while backup.exists():
            number += 1
            backup = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
        try:
            for suffix in _SIDE_FILES:
                side = path.with_name(path.name + suffix)
                if side.exists():
                    side.replace(backup.with_name(backup.name + suffix))
            path.replace(backup)
        except OSError as move_error:
            return in_memory(
                path, f"the store is damaged and could not be moved aside: {_reason(move_error)}"
            )
        notice = (
            f"the store was damaged ({_reason(exc)}); it was moved to {backup} and a new store was started"
        )
        try:
            fresh = Connected(retrying(lambda: _open_file(path)), notices=[notice])
        except (OSError, sqlite3.Error) as failed:
            fresh = in_memory(path, _reason(failed))
            fresh.notices.insert(0, notice)
        return fresh


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on the data folder itself (POSIX); elsewhere, no lock."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _copy_readable(path: Path, target: sqlite3.Connection) -> None:
    """Copy the store at ``path`` into ``target`` if it can be read at all; else leave ``target`` empty."""
    if not path.is_file():
        return
    uri = path.resolve().as_uri()
    # A WAL store in a read-only folder cannot create its -shm file; immutable reads the file as it is.
    for mode in ("?mode=ro", "?immutable=1"):
        try:
            source = sqlite3.connect(uri + mode, uri=True)
        except sqlite3.Error:
            continue
        try:
            source.backup(target)
            return
        except sqlite3.Error:
            continue
        finally:
            source.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__
