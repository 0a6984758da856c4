"""The local store: articles, annotations (tags and notes), reading positions and cached analyses.

Public API (no Textual, no spaCy is imported by ``import reader.store``)::

    store = Store.open(data_dir=None)             # reader.paths.data_dir() by default; SQLite, WAL
    store.notices                                 # one-line messages to show (damaged file moved aside, ...)
    store.degraded                                # None, or why changes only live in memory (export them)
    opened = store.open_document(document)        # -> Opened(record, annotations, position,
                                                  #    reanchored_from, moved, orphaned)
    change = store.annotate(sha, start, end, tag="needs-source", note="who says?")   # -> Change
    change = store.edit(annotation_id, tag=None, note="...")  # clearing both deletes
    change = store.delete_annotation(annotation_id)
    change = store.reattach(annotation_id, start, end)       # for orphans
    store.annotations(sha) / store.annotation(id)             # document order
    store.set_position(sha, offset, sentence_id) / store.position(sha)
    store.save_analysis(analysis) / store.load_analysis(sha)  # keyed by engine_version()
    store.library() -> list[LibraryEntry]; store.delete_document(sha)
    store.add_feed(source, title) / store.feeds() / store.remove_feed(source)  # `reader feed --add`

Every mutating call is one committed transaction (autosave, no save key) and
returns a Change; ``History(store).record(change)`` then ``undo()``/``redo()``
give session-long undo. Annotations whose text changed and could not be found
again confidently come back with ``orphaned=True`` and their original quote.

``Store.open`` raises StoreError only for a store written by a newer reader: a
damaged file is moved aside (``reader.sqlite3.damaged-<UTC time>``) and a new
store started; an unwritable folder or a full disk, at start or mid-session,
gives an in-memory store holding a copy of everything saved so far, with
``degraded`` set. Either way ``notices`` says so; reader.export works on any
Store, so notes made while degraded can be exported before quitting.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store.anchoring import Match, locate
    from reader.store.errors import StoreError
    from reader.store.history import History
    from reader.store.model import (
        Anchor,
        Annotation,
        Change,
        DocumentRecord,
        LibraryEntry,
        Opened,
        Position,
        source_key,
    )
    from reader.store.store import Store
    from reader.store.verdicts import DEFAULT_TAGS, check_tag

# Each name loads its module on first use: the reading screen's first frame needs StoreError and the
# verdict checks of the config, not the records (a dozen dataclasses), the anchoring or sqlite3.
_HOMES = {
    "Match": "anchoring",
    "locate": "anchoring",
    "StoreError": "errors",
    "History": "history",
    "Store": "store",
    "check_tag": "verdicts",
    "DEFAULT_TAGS": "verdicts",
    **dict.fromkeys(
        (
            "Anchor",
            "Annotation",
            "Change",
            "DocumentRecord",
            "LibraryEntry",
            "Opened",
            "Position",
            "source_key",
        ),
        "model",
    ),
}

__all__ = [
    "DEFAULT_TAGS",
    "Anchor",
    "Annotation",
    "Change",
    "DocumentRecord",
    "History",
    "LibraryEntry",
    "Match",
    "Opened",
    "Position",
    "Store",
    "StoreError",
    "check_tag",
    "locate",
    "source_key",
]


def __getattr__(name: str) -> object:
    """``from reader.store import X`` loads X's module then, once (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
