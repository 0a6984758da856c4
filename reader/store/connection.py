"""The store's one SQLite connection and how every change reaches it: one committed transaction each.

``Store`` builds on this class. A write runs in ``BEGIN IMMEDIATE`` ... ``COMMIT``,
is retried while another process holds the database, and when the disk refuses it
(an unwritable folder, a full disk) the connection moves to an in-memory copy of
everything committed so far, sets ``degraded`` and adds a notice, so the session
goes on and its notes can still be exported. Reads share the same lock.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from reader.store import database

T = TypeVar("T")
C = TypeVar("C", bound="Connection")


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class Connection:
    """One SQLite connection behind a lock; ``_write`` commits, ``_query`` reads."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        clock: Callable[[], str] = utc_now,
        *,
        degraded: str | None = None,
        notices: list[str] | None = None,
    ) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self._clock = clock
        self.degraded = degraded
        self.notices: list[str] = list(notices or ())

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self: C) -> C:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one committed transaction: retried while busy, moved to memory if the disk refuses.

        ``work`` may run more than once, each time in a fresh transaction, so it
        returns its results instead of changing anything outside the database.
        """
        with self._lock:
            try:
                return database.retrying(lambda: self._commit(work))
            except sqlite3.Error as exc:
                if self.degraded is not None or database.classify(exc) is not database.Failure.UNWRITABLE:
                    raise
                self._move_to_memory(str(exc))
            return self._commit(work)

    def _commit(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    def _move_to_memory(self, reason: str) -> None:
        """Carry on in a memory copy of everything committed so far; the file stays as it was."""
        connected = database.in_memory(self.path, reason, source=self._conn)
        self._conn.close()
        self._conn = connected.conn
        self.degraded = connected.degraded
        self.notices.extend(connected.notices)

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return database.retrying(lambda: self._conn.execute(sql, args).fetchall())
