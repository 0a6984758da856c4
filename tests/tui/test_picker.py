"""The picker: a feed's entries (title, date, outlet), an archive's pages (URL, date); Enter opens one over the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from reader.intake import load, warc
from reader.intake.feeds import read_feed
from reader.store import Store
from reader.tui import ReaderApp
from reader.tui.screens.picker import PickerScreen, archive_picker, feed_picker, followed_picker
from reader.tui.screens.reading import ReadingScreen
from tests.corpus.test_inputs import write_warc
from tests.intake.feed_fixtures import atom, rss
from tests.tui.canned import plain_analysis


def picker_app(picker: object) -> ReaderApp:
    """The reader opened on ``picker``, analysing what it opens with the canned analysis."""
    return ReaderApp(
        None, picker=picker, analyzer=lambda document, **_: plain_analysis(document), theme="reader-dark"
    )


def cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def settle(pilot: Pilot, condition: Callable[[], object]) -> None:
    """Up to 2.5 s for ``condition``: what Enter picks opens in a worker."""
    for _ in range(50):
        await pilot.pause(0.05)
        if condition():
            return


async def test_enter_opens_the_entry_from_the_feed_over_the_list() -> None:
    feed = read_feed(rss(3), "bugle.xml")
    app = picker_app(feed_picker(feed, 1 << 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        table = screen.table
        rows = cells(table)
        assert rows[0][1:] == ["2026-11-02", "The Daily Bugle"]
        assert rows[0][0].startswith("Harbour expansion approved")
        assert rows[1][0].endswith("↗")  # only a link: opening it fetches the page
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReadingScreen))
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        assert reading.state.document.source == "https://bugle.example/harbour"
        assert reading.state.document.text.startswith("Harbour expansion approved\nThe harbour board")
        assert app.screen_stack[-2] is screen  # the list stays underneath the article


async def test_an_archive_lists_its_pages_and_opens_the_capture_named_by_archive_url_and_date(
    tmp_path: Path,
) -> None:
    archive = write_warc(tmp_path / "crawl.warc.gz")
    pages = list(warc.responses(archive))
    app = picker_app(archive_picker(archive, pages))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        table = app.screen.table
        rows = cells(table)
        assert rows == [
            ["https://news.example/a", "2024-03-05T10:00:00Z"],
            ["https://other.example/b", "2024-04-01T08:00:00Z"],
        ]
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, ReadingScreen))
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        source = reading.state.document.source
        assert source == f"warc:{archive.resolve()}#https://other.example/b@2024-04-01T08:00:00Z"
    assert load(source).text == reading.state.document.text  # the name reopens the same capture


async def test_the_followed_feeds_list_opens_a_feed_then_its_entry(tmp_path: Path) -> None:
    bugle, courier = tmp_path / "bugle.xml", tmp_path / "courier.atom"
    bugle.write_bytes(rss(3))
    courier.write_bytes(atom())
    with Store.open() as store:
        store.add_feed(str(bugle), "The Daily Bugle")
        store.add_feed(str(courier), "Valley Courier")
        followed = store.feeds()
    app = picker_app(followed_picker(followed, 1 << 20))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, PickerScreen)
        table = listing.table
        rows = cells(table)
        assert [row[0] for row in rows] == ["The Daily Bugle", "Valley Courier"]
        await pilot.press("down", "enter")
        await settle(pilot, lambda: app.screen is not listing)
        entries = app.screen
        assert isinstance(entries, PickerScreen) and entries.picker.title == "Valley Courier"
        assert str(entries.table.get_row_at(0)[0]) == "Floods in the valley"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.state.document.text.endswith("Nobody was hurt.")
        assert app.screen_stack[-3:-1] == [listing, entries]  # Escape goes back through both lists


async def test_no_followed_feeds_says_how_to_follow_one() -> None:
    app = ReaderApp(None, picker=followed_picker([], 1 << 20), theme="reader-dark")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "No feeds followed yet: reader feed --add URL|FILE"
        ]


async def test_a_followed_feed_that_no_longer_loads_is_a_notice_over_the_list(tmp_path: Path) -> None:
    gone = tmp_path / "gone.xml"
    with Store.open() as store:
        store.add_feed(str(gone), "Gone Gazette")
        followed = store.feeds()
    app = ReaderApp(None, picker=followed_picker(followed, 1 << 20), theme="reader-dark")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        listing = app.screen
        await pilot.press("enter")
        await settle(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == [f"{gone}: no such file or directory"]
        assert app.screen is listing
