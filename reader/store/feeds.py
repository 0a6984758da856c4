"""The feeds the reader follows: added with ``reader feed --add``, listed by ``reader feed`` to pick from.

A feed is remembered under its source key (a URL as given, a file's absolute
path), so adding it again from another folder or by a relative path is the same
feed, and removing it takes either spelling.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.store.connection import Connection
from reader.store.model import source_key


@dataclass(frozen=True)
class FollowedFeed:
    source: str
    title: str
    added: str  # UTC time, ISO 8601


class Feeds(Connection):
    """The ``feeds`` table (schema v5); ``Store`` inherits these calls."""

    def add_feed(self, source: str, title: str) -> FollowedFeed:
        """Remember the feed (its title refreshed when it was already there; its added time kept)."""
        key = source_key(source) or source
        now = self._clock()
        self._write(
            lambda conn: conn.execute(
                "INSERT INTO feeds (source, title, added) VALUES (?, ?, ?)"
                " ON CONFLICT(source) DO UPDATE SET title = excluded.title",
                (key, title, now),
            )
        )
        feed = self.feed(key)
        assert feed is not None
        return feed

    def feed(self, source: str) -> FollowedFeed | None:
        rows = self._query(
            "SELECT source, title, added FROM feeds WHERE source = ?", (source_key(source) or source,)
        )
        return FollowedFeed(*rows[0]) if rows else None

    def feeds(self) -> list[FollowedFeed]:
        """In the order they were added."""
        return [
            FollowedFeed(*row)
            for row in self._query("SELECT source, title, added FROM feeds ORDER BY added, source")
        ]

    def remove_feed(self, source: str) -> bool:
        """False when no such feed was followed."""
        key = source_key(source) or source
        return self._write(
            lambda conn: conn.execute("DELETE FROM feeds WHERE source = ?", (key,)).rowcount > 0
        )
