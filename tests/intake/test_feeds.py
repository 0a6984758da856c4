"""Feeds: entries with title, date and outlet; an entry opens from its own content, offline; bad feeds are one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.intake import InputError
from reader.intake.feeds import carries_article, entry_document, load_feed, read_feed
from tests.fuzzing import fuzz_settings
from tests.intake.feed_fixtures import atom, rss


def test_rss_entries_have_title_date_and_outlet() -> None:
    feed = read_feed(rss(3), "bugle.xml")
    assert feed.title == "The Daily Bugle"
    assert [(e.title, e.date, e.outlet) for e in feed.entries] == [
        ("Harbour expansion approved", "2026-11-02", "The Daily Bugle"),
        ("Teaser 2", "2026-11-03", "The Daily Bugle"),
        ("Teaser 3", "2026-11-03", "The Daily Bugle"),
    ]
    assert [carries_article(e) for e in feed.entries] == [True, False, False]


def test_an_entry_with_the_whole_article_opens_from_the_feed_under_its_link() -> None:
    feed = read_feed(rss(), "bugle.xml")
    document = entry_document(feed, feed.entries[0])
    assert document.source == "https://bugle.example/harbour"
    assert document.extractor == "feed"
    assert document.text.split("\n") == [
        "Harbour expansion approved",
        "The harbour board approved the expansion on Monday, officials said, after two years of talks.",
        "About 40 per cent of the cost will come from the city, according to a person familiar with the plan.",
    ]


def test_an_atom_entry_without_a_link_is_named_by_the_feed_and_its_id(tmp_path: Path) -> None:
    path = tmp_path / "courier.atom"
    path.write_bytes(atom())
    feed = load_feed(str(path))
    (entry,) = feed.entries
    assert (entry.title, entry.date, entry.outlet, entry.link) == (
        "Floods in the valley",
        "2026-11-04",
        "Valley Courier",
        "",
    )
    document = entry_document(feed, entry)
    assert document.source == f"{path}#urn:courier:floods"
    assert document.paragraphs and document.text.endswith("Nobody was hurt.")


def test_a_linked_entry_opens_the_page_it_links_to(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = read_feed(rss(), "bugle.xml")
    asked: list[str] = []

    def fake_load(source: str, **_: object):
        asked.append(source)
        raise InputError(f"{source}: offline in the test")

    monkeypatch.setattr("reader.intake.feeds.load", fake_load)
    with pytest.raises(InputError, match="teaser-2: offline"):
        entry_document(feed, feed.entries[1])
    assert asked == ["https://bugle.example/teaser-2"]


BAD_FEEDS = {
    "not a feed": b"just some words, not XML at all\n",
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<rss version="2.0"><channel><title>&b;</title></channel></rss>',
    "external entity": b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>&x;</title></channel></rss>',
}


@pytest.mark.parametrize("case", sorted(BAD_FEEDS))
def test_bad_feeds_are_one_line_and_status_2(tmp_path: Path, capsys, case: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(BAD_FEEDS[case])
    assert main(["feed", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"reader: {path}: ")
    assert "passwd" not in err and "aaaa" not in err


def test_a_missing_feed_file_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["feed", str(tmp_path / "nothing.xml")]) == 2
    assert capsys.readouterr().err == f"reader: {tmp_path / 'nothing.xml'}: no such file or directory\n"


@pytest.mark.fuzz
@fuzz_settings
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=400))
def test_arbitrary_bytes_inside_a_valid_feed_never_raise_past_one_line(junk: bytes, where: int) -> None:
    raw = rss()
    where = min(where, len(raw))
    try:
        feed = read_feed(raw[:where] + junk + raw[where:], "fuzz.xml")
        for entry in feed.entries:
            if carries_article(entry):
                entry_document(feed, entry)
    except InputError as exc:
        assert "\n" not in str(exc)
