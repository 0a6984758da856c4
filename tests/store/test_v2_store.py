"""A store written by the reader before verdicts (schema v2, main's code) opens with every note and tag intact.

The files in ``data/`` were written by that reader (``data/write_v2_store.py`` says how), so
this checks the v3 migration against a real old database, not one rebuilt with today's code.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import asdict
from pathlib import Path

from reader.review import library_items
from reader.store import Store
from reader.store.schema import VERSION, user_version
from reader.store.store import DATABASE

DATA = Path(__file__).resolve().parent / "data"


def test_the_v2_store_of_main_upgrades_keeping_every_note_and_tag(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA / "v2-store", folder)
    assert user_version(sqlite3.connect(folder / DATABASE)) == 2
    expected = json.loads((DATA / "v2-store.json").read_text(encoding="utf-8"))
    assert len(expected) == 5 and {a["orphaned"] for a in expected} == {True, False}
    documents = list(dict.fromkeys(a["sha256"] for a in expected))
    with Store.open(folder) as store:
        assert user_version(sqlite3.connect(store.path)) == VERSION
        found = [a for sha in documents for a in store.annotations(sha)]
        assert [
            {k: v for k, v in asdict(a).items() if k not in ("verdicts", "evidence")} for a in found
        ] == expected
        assert all(a.verdicts == () and a.evidence == () for a in found)
        assert store.position(documents[0]).offset == 12
        # the old annotations take verdicts and evidence, and all of them are in the review queue
        tagged = found[0]
        store.decide(tagged, "false")
        store.add_evidence(store.annotation(tagged.id), "https://example.org/source", title="Source")
        queued = {item.text for item in library_items(store)}  # tagged spans; not a bare note, nor the orphan
        assert queued == {a["anchor"]["exact"] for a in expected if a["tag"] and not a["orphaned"]}
    with Store.open(folder) as again:
        kept = again.annotation(tagged.id)
        assert (kept.tag, kept.note, kept.verdict, kept.evidence[0].url) == (
            "needs-source",
            None,
            "false",
            "https://example.org/source",
        )
        notes = {a["id"]: a["note"] for a in expected}
        assert {a.id: a.note for sha in documents for a in again.annotations(sha)} == notes
