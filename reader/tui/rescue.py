"""Notes that live only in memory, offered for export before the reader quits.

When the store cannot be written (an unwritable data folder, a store from a newer
reader) the session keeps an empty store in memory and says so; whatever the reader
tags or writes there is gone once the process ends. Quitting then asks first: export
those notes (Markdown and JSON) to a folder that can be written, or quit without them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store import Store


def unsaved_annotations(store: Store) -> int:
    """How many tags and notes would be lost on quitting: all of them when the store is in memory."""
    if store.degraded is None:
        return 0
    return sum(entry.annotations for entry in store.library())


def writable_folder(candidates: list[Path]) -> Path | None:
    """The first of ``candidates`` that exists (or can be made) and takes a new file."""
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError:
            continue
        return folder
    return None


def rescue_folder(exports: Path) -> Path | None:
    """The configured exports folder if it can be written, else the current folder, else the temp folder."""
    try:
        here = Path.cwd()
    except OSError:  # the current folder was deleted under the reader
        here = None
    candidates = [exports, *([here] if here is not None else []), Path(tempfile.gettempdir())]
    return writable_folder(candidates)


def export_notes(store: Store, folder: Path) -> list[Path]:
    """Every article with notes as Markdown (one file each and an index) and as one JSON Lines file."""
    from reader.export import export_all

    return [*export_all(store, "md", folder), *export_all(store, "json", folder)]
