"""`reader feed`: the entries listed (title, date, outlet); Enter opens one offline in the reader, over the list."""

from __future__ import annotations

from reader.intake.feeds import read_feed
from reader.tui import ReaderApp
from reader.tui.screens.feed import FeedScreen
from reader.tui.screens.reading import ReadingScreen
from tests.intake.feed_fixtures import rss
from tests.tui.canned import plain_analysis


async def test_enter_opens_the_entry_from_the_feed_over_the_list() -> None:
    feed = read_feed(rss(3), "bugle.xml")
    app = ReaderApp(
        None, feed=feed, analyzer=lambda document, **_: plain_analysis(document), theme="reader-dark"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FeedScreen)
        table = screen.table
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert rows[0][1:] == ["2026-11-02", "The Daily Bugle"]
        assert rows[0][0].startswith("Harbour expansion approved")
        assert rows[1][0].endswith("↗")  # only a link: opening it fetches the page
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ReadingScreen):
                break
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        assert reading.state.document.source == "https://bugle.example/harbour"
        assert reading.state.document.text.startswith("Harbour expansion approved\nThe harbour board")
        assert app.screen_stack[-2] is screen  # the list stays underneath the article
