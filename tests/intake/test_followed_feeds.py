"""Followed feeds: ``reader feed --add/--list/--remove`` remember them in the store; bad input is one line, status 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import make_document
from reader.store import Store
from reader.store.schema import VERSION, migrate, user_version
from reader.store.store import DATABASE
from tests.intake.feed_fixtures import atom, rss


def feeds(tmp_path: Path) -> tuple[Path, Path]:
    bugle, courier = tmp_path / "bugle.xml", tmp_path / "courier.atom"
    bugle.write_bytes(rss(3))
    courier.write_bytes(atom())
    return bugle, courier


def test_added_feeds_are_listed_in_order_and_removed_by_either_spelling(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    bugle, courier = feeds(tmp_path)
    assert main(["feed", "--add", str(bugle)]) == 0
    assert capsys.readouterr().out == f"following The Daily Bugle ({bugle}, 3 entries now)\n"
    monkeypatch.chdir(tmp_path)
    assert main(["feed", "--add", "courier.atom"]) == 0  # a relative path is remembered absolute
    assert main(["feed", "--add", str(bugle)]) == 0  # again: still one entry
    capsys.readouterr()
    assert main(["feed", "--list"]) == 0
    listed = capsys.readouterr()
    assert listed.out == f"{bugle}  The Daily Bugle\n{courier}  Valley Courier\n"
    assert listed.err == "2 feeds followed\n"
    assert main(["feed", "--remove", str(courier)]) == 0
    assert capsys.readouterr().out == f"no longer following {courier}\n"
    main(["feed", "--list"])
    assert capsys.readouterr().out == f"{bugle}  The Daily Bugle\n"
    with Store.open() as store:  # the store holds them, not the process
        assert [(f.source, f.title) for f in store.feeds()] == [(str(bugle), "The Daily Bugle")]


def test_no_feeds_followed_says_how_to_follow_one(capsys) -> None:
    assert main(["feed", "--list"]) == 0
    assert capsys.readouterr() == ("", "0 feeds followed ('reader feed --add URL|FILE' follows one)\n")


@pytest.mark.parametrize(
    "argv, line",
    [
        (
            ["feed", "--remove", "https://nowhere.example/rss"],
            "reader: https://nowhere.example/rss: not a followed feed",
        ),
        (["feed", "--add", "{missing}"], "reader: {missing}: no such file or directory"),
        (["feed", "--add", "{words}"], "reader: {words}: not an RSS or Atom feed"),
        (["feed", "--add", "http://"], "reader: http://"),
        (["feed", "{words}", "--list"], "reader: feed: give URL|FILE or one of --add, --remove, --list"),
        (
            ["feed", "--add", "{words}", "--list"],
            "reader: feed: argument --list: not allowed with argument --add",
        ),
    ],
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, capsys, argv: list[str], line: str) -> None:
    words = tmp_path / "words.txt"
    words.write_text("just some words, not XML at all\n")
    names = {"missing": str(tmp_path / "missing.xml"), "words": str(words)}
    assert main([item.format(**names) for item in argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith(line.format(**names))
    with Store.open() as store:
        assert store.feeds() == []  # nothing refused was remembered


def test_a_v4_database_opens_with_its_articles_and_follows_feeds(tmp_path: Path) -> None:
    """The version before the feeds table: its data stays, and the new table works on it."""
    folder = tmp_path / "data"
    folder.mkdir()
    conn = sqlite3.connect(folder / DATABASE, isolation_level=None)
    migrate(conn, target=4)
    document = make_document("Title line.\nSome text here.\n", source="/old/a.txt", extractor="plain")
    conn.execute(
        "INSERT INTO documents (sha256, title, text, first_seen, last_opened, pages)"
        " VALUES (?, 'Title line.', ?, 't0', 't1', NULL)",
        (document.sha256, document.text),
    )
    conn.execute(
        "INSERT INTO sources (source, sha256, seen) VALUES ('/old/a.txt', ?, 't1')", (document.sha256,)
    )
    conn.close()
    with Store.open(folder) as store:
        assert user_version(sqlite3.connect(store.path)) == VERSION == 5
        record = store.document(document.sha256)
        assert record is not None and (record.title, record.text) == ("Title line.", document.text)
        store.add_feed("https://bugle.example/rss", "The Daily Bugle")
        assert store.remove_feed("https://bugle.example/rss") is True
        assert store.remove_feed("https://bugle.example/rss") is False
