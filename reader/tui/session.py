"""What the app opens once and every screen shares: the user's config and the store.

The config's tag keys are checked against the reading keys before anything is
drawn (a collision is a ConfigError: one line, exit status 2). The store is
opened on first use, which the reading screen makes right after the article's
first frame (or a key that needs it makes sooner), so opening and checking the
database never delays the text. The store never stops the reader: a store that
cannot be used at all is replaced by an empty one in memory, with a notice
saying that notes last only until quitting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader import paths
from reader.config import Config, load_config
from reader.store import StoreError

if TYPE_CHECKING:
    from reader.analysis.model import Analysis
    from reader.intake import Document
    from reader.store import Store


@dataclass
class Session:
    config: Config
    _store: Store | None = None
    _opening: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def start(cls, reserved_keys: Iterable[str]) -> Session:
        config = load_config()
        config.validate(reserved_keys)
        return cls(config)

    @property
    def store(self) -> Store:
        """Opened on first use, from whichever thread asks first (the analysis worker may, for its cache)."""
        with self._opening:
            if self._store is None:
                from reader.store import Store  # sqlite3 and the store load here, after the first frame

                try:
                    self._store = Store.open()
                except StoreError as exc:
                    self._store = _memory_store(str(exc))
            return self._store

    @property
    def store_open(self) -> bool:
        return self._store is not None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def take_notices(self) -> list[str]:
        """The store's messages for the user not shown yet (a damaged file moved aside, a switch to memory)."""
        if self._store is None:
            return []
        notices = list(self._store.notices)
        self._store.notices.clear()
        return notices

    def stored_analysis(self, document: Document) -> Analysis | None:
        """The store's analysis of this text by this engine version (the store opens if it is not yet)."""
        try:
            return self.store.load_analysis(document.sha256)
        except StoreError:
            return None

    def peek_analysis(self, document: Document) -> Analysis | None:
        """The same, without opening the store if it is not yet (reader.store.cache.peek): for the reading
        screen, which shows a reopened article's analysis before the store opens for its notes."""
        if self._store is not None:
            return self.stored_analysis(document)
        from reader.store.cache import peek

        return peek(paths.data_dir(), document)

    def cached(self, analyze: Callable[..., Analysis]) -> Callable[..., Analysis]:
        """``analyze`` behind the store: a stored analysis of the same text by this engine version comes
        back without running it (spaCy never loads), a fresh one is stored. It runs in the analysis
        worker, so even a large cached analysis never delays the article's first frame."""

        def analyze_or_load(document: Document, **options: Any) -> Analysis:
            found = self.stored_analysis(document)
            if found is not None:
                return found
            analysis = analyze(document, **options)
            try:
                self.store.save_analysis(analysis)
            except StoreError:
                pass  # only a cache: the next open analyses again
            return analysis

        return analyze_or_load


def _memory_store(reason: str) -> Store:
    """An empty store in memory, for a store file this reader must not touch (e.g. from a newer reader)."""
    import sqlite3

    from reader.store import Store, database

    path = paths.data_dir() / database.DATABASE
    empty = sqlite3.connect(":memory:")
    try:
        connected = database.in_memory(path, reason, source=empty)
    finally:
        empty.close()
    return Store(connected.conn, path, degraded=connected.degraded, notices=connected.notices)
