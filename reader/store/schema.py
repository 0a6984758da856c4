"""The SQLite schema and its forward migrations, keyed on ``PRAGMA user_version``.

Each entry of MIGRATIONS moves a database from version ``i`` to ``i + 1``; a new
database runs them all, an old one runs the ones it lacks, each in one
transaction (SQLite's DDL is transactional), so a crash mid-upgrade leaves the
previous version intact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

# The store's file in the data folder: here for reader.store.cache, which looks for it before it loads
# sqlite3, and reads it without the connection handling of reader.store.database (dataclasses, an Enum,
# datetime, random: 5 ms).
DATABASE = "reader.sqlite3"

# The annotations table's columns as v1 made them; v3 rebuilds the table with the same ones (and
# copies every row across), only without v1's "tag or note" CHECK.
ANNOTATION_COLUMNS = """
    id       TEXT PRIMARY KEY,
    sha256   TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    exact    TEXT NOT NULL,
    prefix   TEXT NOT NULL,
    suffix   TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    tag      TEXT,
    note     TEXT,
    created  TEXT NOT NULL,
    modified TEXT NOT NULL,
    orphaned INTEGER NOT NULL DEFAULT 0""".strip("\n")

V1 = (
    """
CREATE TABLE documents (
    sha256      TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    text        TEXT,
    first_seen  TEXT NOT NULL,
    last_opened TEXT
);
CREATE TABLE sources (
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    PRIMARY KEY (source, sha256)
);
CREATE TABLE annotations (
"""
    + ANNOTATION_COLUMNS
    + """,
    CHECK (tag IS NOT NULL OR note IS NOT NULL)
);
CREATE INDEX annotations_by_document ON annotations(sha256, start);
CREATE TABLE positions (
    sha256   TEXT PRIMARY KEY REFERENCES documents(sha256) ON DELETE CASCADE,
    "offset" INTEGER NOT NULL,
    sentence TEXT
);
"""
)

# v2: the analysis cache (opening a known article paints its highlights without
# re-parsing) and when each source was last seen, so a changed file re-anchors
# from its most recent version rather than an arbitrary one.
V2 = """
CREATE TABLE analyses (
    sha256         TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    engine_version TEXT NOT NULL,
    json           TEXT NOT NULL,
    PRIMARY KEY (sha256, engine_version)
);
ALTER TABLE sources ADD COLUMN seen TEXT NOT NULL DEFAULT '';
UPDATE sources SET seen = (SELECT COALESCE(d.last_opened, d.first_seen) FROM documents d WHERE d.sha256 = sources.sha256);
CREATE INDEX sources_by_source ON sources(source, seen);
"""

# v3: verdicts (every change kept, in order) and evidence records on annotations. An annotation may
# now hold only a verdict or evidence (a flagged claim decided without a tag), so the table is rebuilt
# without v1's "tag or note" CHECK; nothing referenced it before this version, so the copy is exact.
V3 = (
    """
CREATE TABLE annotations_v3 (
"""
    + ANNOTATION_COLUMNS
    + """
);
INSERT INTO annotations_v3 SELECT id, sha256, exact, prefix, suffix, start, "end", tag, note, created, modified, orphaned FROM annotations;
DROP TABLE annotations;
ALTER TABLE annotations_v3 RENAME TO annotations;
CREATE INDEX annotations_by_document ON annotations(sha256, start);
CREATE TABLE verdicts (
    annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    value      TEXT,
    time       TEXT NOT NULL,
    PRIMARY KEY (annotation, seq)
);
CREATE TABLE evidence (
    annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    id         TEXT NOT NULL,
    url        TEXT NOT NULL,
    title      TEXT,
    accessed   TEXT,
    passage    TEXT,
    note       TEXT,
    PRIMARY KEY (annotation, seq)
);
"""
)

# v4: the page each paragraph starts on (JSON list; NULL for unpaged texts), so notes and exports of a
# PDF say "p. 12" without reading the file again.
V4 = """
ALTER TABLE documents ADD COLUMN pages TEXT;
"""

# v5: the feeds the reader follows (`reader feed --add`), so `reader feed` alone lists them to pick from.
V5 = """
CREATE TABLE feeds (
    source TEXT PRIMARY KEY,
    title  TEXT NOT NULL,
    added  TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5)
VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(conn: sqlite3.Connection) -> int:
    """The database's version; ValueError if a newer reader wrote it (checked before anything is written)."""
    version = user_version(conn)
    if version > VERSION:
        raise ValueError(f"the database is version {version}, newer than this reader understands ({VERSION})")
    return version


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> int:
    """Bring the database up to ``target``; returns the version it started at.

    Each step runs under BEGIN IMMEDIATE and re-reads the version inside it, so
    two processes opening a new store at once do not both run a step. A
    database newer than this program is refused rather than guessed at.
    """
    start = refuse_newer(conn)
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) <= version:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start


def _statements(script: str) -> list[str]:
    """The migration scripts hold no semicolons inside literals, so a split is exact."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
