"""Forward migrations: every older schema version upgrades to the current one with its data intact."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.intake import make_document
from reader.store import Store, StoreError
from reader.store.schema import VERSION, migrate, user_version
from reader.store.store import DATABASE

SAMPLE = "Title line.\nThe minister said 40 percent of funds vanished.\n"


def build(path: Path, version: int) -> None:
    """A database at ``version`` holding one article with one annotation, as that version would have it."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    if version >= 1:
        sha = make_document(SAMPLE, source="x", extractor="plain").sha256
        conn.execute(
            "INSERT INTO documents (sha256, title, text, first_seen, last_opened) VALUES (?, 'Title line.', ?, 't0', 't1')",
            (sha, SAMPLE),
        )
        conn.execute("INSERT INTO sources (source, sha256) VALUES ('/old/path.txt', ?)", (sha,))
        conn.execute(
            'INSERT INTO annotations (id, sha256, exact, prefix, suffix, start, "end", tag, note, created, modified)'
            " VALUES ('a1', ?, 'Title', '', ' line.', 0, 5, 'verified', NULL, 't0', 't0')",
            (sha,),
        )
    conn.close()


@pytest.mark.parametrize("version", range(VERSION))
def test_every_older_version_upgrades(tmp_path: Path, version: int) -> None:
    build(tmp_path / DATABASE, version)
    with Store.open(tmp_path) as store:
        conn = sqlite3.connect(store.path)
        assert user_version(conn) == VERSION
        document = make_document(SAMPLE, source="/old/path.txt", extractor="plain")
        if version >= 1:
            [annotation] = store.annotations(document.sha256)
            assert (annotation.id, annotation.tag, annotation.anchor.exact) == ("a1", "verified", "Title")
            # v2 fills "seen" from "last opened"; a v2 database written without it keeps its default
            assert conn.execute("SELECT seen FROM sources").fetchall() == [("t1" if version < 2 else "",)]
        # the v2 analysis cache works on an upgraded database
        store.open_document(document)
        assert store.load_analysis(document.sha256) is None


def test_migration_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.store import schema

    build(tmp_path / DATABASE, 1)
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.V1, schema.V2 + "\nTHIS IS NOT SQL;"))
    with pytest.raises(StoreError):
        Store.open(tmp_path)
    conn = sqlite3.connect(tmp_path / DATABASE)
    assert user_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'analyses'").fetchall() == []
    assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DATABASE)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this reader"):
        Store.open(tmp_path)


def test_two_processes_creating_one_store_at_once(tmp_path: Path) -> None:
    code = "import sys; from pathlib import Path; from reader.store import Store; Store.open(Path(sys.argv[1])).close()"
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    results = [(run.wait(), run.stderr.read()) for run in runs]
    assert results == [(0, b"")] * 4
    assert user_version(sqlite3.connect(tmp_path / DATABASE)) == VERSION
