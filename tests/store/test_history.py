"""Undo/redo over the store: each step is committed, sequences replay exactly."""

from __future__ import annotations

from reader.intake import Document
from reader.store import History, Store


def state(store: Store, sha: str) -> list[tuple[str | None, str | None, int, int]]:
    return [(a.tag, a.note, a.anchor.start, a.anchor.end) for a in store.annotations(sha)]


def test_undo_redo_sequence(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store)
    snapshots = [state(store, sha)]
    first = history.record(store.annotate(sha, 0, 10, tag="verified")).after
    snapshots.append(state(store, sha))
    history.record(store.annotate(sha, 20, 40, note="hmm"))
    snapshots.append(state(store, sha))
    history.record(store.edit(first.id, tag="disputed", note="not so sure"))
    snapshots.append(state(store, sha))
    history.record(store.delete_annotation(first.id))
    snapshots.append(state(store, sha))

    for expected in reversed(snapshots[:-1]):
        assert history.undo() is not None
        assert state(store, sha) == expected
    assert history.undo() is None and not history.can_undo
    for expected in snapshots[1:]:
        assert history.redo() is not None
        assert state(store, sha) == expected
    assert history.redo() is None


def test_undo_restores_identity_and_timestamps(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store)
    original = history.record(store.annotate(sha, 0, 10, tag="verified", note="n")).after
    history.record(store.edit(original.id, note="changed"))
    history.record(store.delete_annotation(original.id))
    history.undo()
    history.undo()
    assert store.annotations(sha) == [original]


def test_a_new_change_clears_redo(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store)
    history.record(store.annotate(sha, 0, 10, tag="verified"))
    history.undo()
    assert history.can_redo
    history.record(store.annotate(sha, 5, 15, tag="opinion"))
    assert not history.can_redo and history.redo() is None
    assert state(store, sha) == [("opinion", None, 5, 15)]


def test_no_op_edits_are_not_recorded(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store)
    made = history.record(store.annotate(sha, 0, 10, tag="verified")).after
    history.record(store.edit(made.id, tag="verified"))
    history.undo()
    assert state(store, sha) == [] and not history.can_undo


def test_reattach_is_undoable(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store)
    made = history.record(store.annotate(sha, 0, 10, note="x")).after
    history.record(store.reattach(made.id, 30, 45))
    assert state(store, sha) == [(None, "x", 30, 45)]
    history.undo()
    assert store.annotations(sha) == [made]


def test_history_is_bounded(store: Store, seed_document: Document) -> None:
    sha = seed_document.sha256
    store.open_document(seed_document)
    history = History(store, limit=3)
    for offset in range(5):
        history.record(store.annotate(sha, offset, offset + 3, tag="verified"))
    undone = 0
    while history.undo() is not None:
        undone += 1
    assert undone == 3 and len(store.annotations(sha)) == 2
