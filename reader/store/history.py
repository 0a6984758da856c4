"""Session undo/redo: every mutating Store call returns a Change; the TUI records it here.

A Change holds the annotation before and after (None = absent), so undoing is
restoring ``before`` and redoing is restoring ``after``, each one committed
transaction like the original action. The history lives for the session only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.store.model import Annotation

if TYPE_CHECKING:
    from reader.store.store import Store


@dataclass(frozen=True)
class Change:
    label: str  # "tag", "note", "edit", "delete", "re-attach": for a status line such as "undid tag"
    before: Annotation | None
    after: Annotation | None

    @property
    def annotation_id(self) -> str:
        state = self.after or self.before
        assert state is not None, "a change has a state on at least one side"
        return state.id

    @property
    def changed(self) -> bool:
        return self.before != self.after


class History:
    """Undo and redo stacks over one Store; a new change clears the redo stack."""

    def __init__(self, store: Store, limit: int = 1000) -> None:
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
