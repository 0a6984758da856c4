"""Session undo/redo: every mutating Store call returns a Change; the TUI records it here.

A Change holds the annotation before and after (None = absent), so undoing is
restoring ``before`` and redoing is restoring ``after``, each one committed
transaction like the original action. The history lives for the session only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.store.model import Annotation, Change


class Restores(Protocol):
    """What History needs of a store: putting one annotation back to a state (None: absent)."""

    def restore(self, annotation_id: str, state: Annotation | None) -> None: ...


class History:
    """Undo and redo stacks over one Store; a new change clears the redo stack."""

    def __init__(self, store: Restores, limit: int = 1000) -> None:
        self._store = store
        self._limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    def record(self, change: Change) -> Change:
        if change.changed:
            self._done.append(change)
            del self._done[: -self._limit]
            self._undone.clear()
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> Change | None:
        """Revert the latest change; returns it (for the status line and cursor) or None."""
        if not self._done:
            return None
        change = self._done.pop()
        self._store.restore(change.annotation_id, change.before)
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        change = self._undone.pop()
        self._store.restore(change.annotation_id, change.after)
        self._done.append(change)
        return change
