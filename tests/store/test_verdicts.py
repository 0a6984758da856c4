"""Verdicts with their history and evidence records in the store: saved, undone, upgraded from v2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.intake import Document, make_document
from reader.store import History, Store
from reader.store.schema import MIGRATIONS, VERSION, migrate, user_version
from reader.store.store import DATABASE
from reader.store.verdicts import archive_url, check_verdict, position, shown

TEXT = "Officials said the dam will be finished in 2027. Critics call that unlikely.\n"


@pytest.fixture
def document() -> Document:
    return make_document(TEXT, source="/tmp/dam.txt", extractor="plain")


def test_a_verdict_on_an_untagged_span_keeps_its_history_and_undoes(store: Store, document: Document) -> None:
    store.open_document(document)
    history = History(store)
    fresh = store.span_annotation(document.sha256, 0, 48)
    first = history.record(store.decide(fresh, "false"))
    assert first.before is None and first.after is not None
    second = history.record(store.decide(first.after, "misleading"))
    [stored] = store.annotations(document.sha256)
    assert stored.tag is None and stored.note is None
    assert [v.value for v in stored.verdicts] == ["false", "misleading"]
    assert stored.verdict == "misleading" and stored.verdicts[0].time < stored.verdicts[1].time
    assert second.label == "verdict"
    history.undo()
    assert store.annotation(stored.id).verdict == "false"
    history.undo()
    assert store.annotations(document.sha256) == []
    history.redo()
    history.redo()
    assert store.annotation(stored.id) == stored


def test_clearing_the_tag_keeps_an_annotation_with_a_verdict(store: Store, document: Document) -> None:
    store.open_document(document)
    tagged = store.annotate(document.sha256, 0, 48, tag="needs-source").after
    decided = store.decide(tagged, "unproven").after
    store.edit(decided.id, tag=None)
    kept = store.annotation(decided.id)
    assert kept is not None and kept.tag is None and kept.verdict == "unproven"


def test_evidence_add_edit_delete_and_undo(store: Store, document: Document) -> None:
    store.open_document(document)
    history = History(store)
    span = store.span_annotation(document.sha256, 49, 76)
    added = history.record(
        store.add_evidence(span, "https://example.org/report", title="Report", accessed="2026-11-30")
    ).after
    [record] = added.evidence
    assert record.archive_url == "https://web.archive.org/web/https://example.org/report"
    edited = history.record(
        store.edit_evidence(added.id, record.id, "https://example.org/report2", passage="p. 4")
    ).after
    assert edited.evidence[0].url.endswith("report2") and edited.evidence[0].title is None
    assert edited.evidence[0].passage == "p. 4"
    gone = history.record(store.delete_evidence(added.id, record.id))
    assert gone.after is None and store.annotation(added.id) is None  # it held nothing else
    history.undo()
    assert store.annotation(added.id).evidence == edited.evidence
    history.undo()
    assert store.annotation(added.id).evidence == added.evidence


@pytest.mark.parametrize(
    ("url", "details"),
    [
        ("example.org/x", {}),
        ("ftp://example.org/x", {}),
        ("https://exa mple.org", {}),
        ("https://x.org", {"accessed": "30/11/2026"}),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_written(
    store: Store, document: Document, url: str, details: dict[str, str]
) -> None:
    store.open_document(document)
    span = store.span_annotation(document.sha256, 0, 10)
    with pytest.raises(ValueError):
        store.add_evidence(span, url, **details)
    assert store.annotations(document.sha256) == []


def test_scale_helpers_show_an_off_scale_verdict() -> None:
    scale = ("true", "false")
    assert position("false", scale) == 2 and position("misleading", scale) is None
    assert shown("misleading", scale) == "misleading (off-scale)" and shown(None, scale) == "undecided"
    assert archive_url("https://a.b/c?d=1") == "https://web.archive.org/web/https://a.b/c?d=1"
    with pytest.raises(ValueError, match="not on the verdict scale"):
        check_verdict("maybe", scale)


def test_a_database_made_by_the_v2_schema_upgrades_without_loss(tmp_path: Path, document: Document) -> None:
    """The v2 schema (the reader before verdicts) with a tag and a note; v3 on keeps both and takes verdicts."""
    assert VERSION == len(MIGRATIONS) == 5  # v4 added documents.pages, v5 the feeds table
    conn = sqlite3.connect(tmp_path / DATABASE, isolation_level=None)
    migrate(conn, target=2)
    conn.execute(
        "INSERT INTO documents (sha256, title, text, first_seen) VALUES (?, 'Dam', ?, 't0')",
        (document.sha256, TEXT),
    )
    conn.execute(
        'INSERT INTO annotations (id, sha256, exact, prefix, suffix, start, "end", tag, note, created, modified)'
        " VALUES ('a1', ?, 'Officials', '', ' said', 0, 9, 'verified', 'a note', 't0', 't0')",
        (document.sha256,),
    )
    conn.close()
    with Store.open(tmp_path) as store:
        assert user_version(sqlite3.connect(store.path)) == VERSION
        [old] = store.annotations(document.sha256)
        assert (old.id, old.tag, old.note, old.anchor.exact, old.verdicts) == (
            "a1",
            "verified",
            "a note",
            "Officials",
            (),
        )
        store.decide(old, "true")
    with Store.open(tmp_path) as again:
        assert again.annotation("a1").verdict == "true" and again.annotation("a1").note == "a note"
