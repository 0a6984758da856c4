"""Writes ``v2-store/`` and ``v2-store.json`` with the reader of main before verdicts (schema v2, commit c58b78e).

Run with that reader's code on the path, never with this one's::

    git archive c58b78e reader | tar -x -C /tmp/v2 && PYTHONPATH=/tmp/v2 python tests/store/data/write_v2_store.py

``v2-store.json`` is every annotation as that reader reads it back; tests/store/test_v2_store.py
opens a copy of the store with this reader (the v3 migration runs) and expects the same.
"""

from __future__ import annotations

import itertools
import json
import shutil
from dataclasses import asdict, replace
from pathlib import Path

from reader.intake import make_document
from reader.store import Store
from reader.store.schema import VERSION

HERE = Path(__file__).resolve().parent
FIRST = (
    "Dam report\n\nOfficials said the dam holds 40 percent more water.\n\nCritics called it “a fantasy”.\n"
)
SECOND = "Budget\n\nThe minister said spending rose 3% last year.\n"


def main() -> None:
    assert VERSION == 2, "run this with the reader of schema v2"
    folder = HERE / "v2-store"
    shutil.rmtree(folder, ignore_errors=True)
    ticks = itertools.count()
    with Store.open(folder, clock=lambda: f"2026-11-01T10:00:{next(ticks):02d}Z") as store:
        first = make_document(FIRST, source="https://news.example/dam", extractor="plain")
        second = make_document(SECOND, source="/articles/budget.txt", extractor="plain")
        store.open_document(first)
        store.open_document(second)
        start = FIRST.index("Officials")
        store.annotate(first.sha256, start, start + 9, tag="needs-source")
        store.annotate(
            first.sha256,
            FIRST.index("40 percent"),
            FIRST.index(" more"),
            note="Which survey?\nPage 2 — check",
        )
        both = store.annotate(
            first.sha256, FIRST.index("Critics"), len(FIRST) - 1, tag="opinion", note="loaded ‘word’"
        )
        store.edit(both.after.id, note="loaded ‘word’, edited")
        gone = store.annotate(second.sha256, SECOND.index("spending"), SECOND.index(" last"), tag="disputed")
        store.restore(gone.after.id, replace(gone.after, orphaned=True))  # as after the text changed
        store.annotate(second.sha256, 0, 6, tag="verified", note="headline ok")
        store.set_position(first.sha256, start)
        expected = [asdict(a) for sha in (first.sha256, second.sha256) for a in store.annotations(sha)]
    (HERE / "v2-store.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
