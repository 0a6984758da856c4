"""The library screen: listing, filtering, opening from the stored text, deleting with confirmation."""

from __future__ import annotations

import re

from reader.intake.document import make_document
from reader.store import Store
from reader.tui import ReaderApp
from reader.tui.screens.confirm import ChoiceScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from tests.tui.canned import plain_analysis
from tests.tui.test_app import ready, screen_rows

LARGE = (160, 48)
SMALL = (80, 24)

HARBOUR = make_document(
    "Harbour expansion approved\nThe port authority approved the expansion on Monday.\nCritics said costs would double.\n",
    source="/news/harbour.txt",
    extractor="text",
)
FLOODS = make_document(
    "Floods in the valley\nRivers rose two metres overnight.\nThe mayor said everyone was safe.\n",
    source="https://example.org/floods",
    extractor="web",
)


def library_with_two_articles() -> None:
    with Store.open() as store:
        for document, tags in ((HARBOUR, ["disputed", "needs-source"]), (FLOODS, ["verified"])):
            store.open_document(document)
            lines = document.paragraphs[1 : 1 + len(tags)]
            for paragraph, tag in zip(lines, tags, strict=True):
                store.annotate(document.sha256, paragraph.start, paragraph.end, tag=tag)
        store.annotate(
            FLOODS.sha256, FLOODS.paragraphs[2].start, FLOODS.paragraphs[2].end, note="who checked?"
        )


def make_library_app() -> ReaderApp:
    return ReaderApp(None, analyzer=lambda document, **_: plain_analysis(document), theme="reader-dark")


def rows(screen: LibraryScreen) -> list[list[str]]:
    table = screen.table
    return [[str(cell) for cell in table.get_row_at(number)] for number in range(table.row_count)]


async def test_the_library_footer_fits_80_columns_and_offers_esc_only_where_it_leads() -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        footer = screen_rows(app)[-1]
        assert "q Quit" in footer and "R Review all articles" in footer
        assert "esc" not in footer  # nothing underneath to go back to
        await pilot.press("slash")  # in the filter, Esc leaves it
        await pilot.pause()
        assert "esc Back" in screen_rows(app)[-1]
        await pilot.press("escape", "enter")  # the table again; open the first article
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("L")
        await pilot.pause()
        footer = screen_rows(app)[-1]
        assert "esc Back" in footer and "q Quit" in footer  # the article underneath


async def test_no_argument_opens_the_library_listing_annotated_articles() -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        listed = {row[0]: row for row in rows(screen)}
        assert set(listed) == {
            "Harbour expansion approved\n/news/harbour.txt",
            "Floods in the valley\nhttps://example.org/floods",
        }
        assert listed["Harbour expansion approved\n/news/harbour.txt"][1:3] == [
            "disputed 1\nneeds-source 1",
            "0",
        ]
        assert listed["Floods in the valley\nhttps://example.org/floods"][1:3] == ["verified 1", "1"]
        assert all(row[3] != "never" for row in listed.values())


async def test_an_empty_library_says_how_to_start() -> None:
    app = make_library_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert not screen.table.display
        assert "reader PATH|URL|-" in str(screen.query_one("#library-empty").render())
        await pilot.press("escape", "d")  # nothing to go back to or delete: no crash
        assert app.screen is screen


async def test_the_filter_narrows_by_title_source_or_tag() -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"flood")
        assert [row[0].split("\n")[0] for row in rows(screen)] == ["Floods in the valley"]
        await pilot.press(*["backspace"] * 5, *"needs-source")
        assert [row[0].split("\n")[0] for row in rows(screen)] == ["Harbour expansion approved"]
        await pilot.press(*["backspace"] * 12, *"nothing like this")
        assert screen.table.row_count == 0
        assert "Nothing matches" in str(screen.query_one("#library-empty").render())
        await pilot.press(*["backspace"] * 17)
        assert screen.table.row_count == 2
        await pilot.press("escape")  # leaves the filter, keeps the library
        assert app.screen is screen and screen.table.has_focus


async def test_enter_opens_the_article_from_the_stored_text_with_its_notes() -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"harbour", "enter")  # the only match opens
        reading = await ready(app, pilot)
        assert isinstance(reading, ReadingScreen)
        assert reading.state.document.text == HARBOUR.text
        assert reading.state.document.sha256 == HARBOUR.sha256
        assert [a.tag for a in reading.tagging.marked.items] == ["disputed", "needs-source"]
        await pilot.press("L")  # the library again, over the article; Escape comes back to it
        assert isinstance(app.screen, LibraryScreen) and app.screen is not screen
        await pilot.press("escape")
        assert app.screen is reading
        assert app.screen_stack == [screen, reading]


async def test_opening_another_article_replaces_the_reading_screen(make_app, seed_document) -> None:
    library_with_two_articles()
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        first = await ready(app, pilot)
        assert first.state.document.sha256 == seed_document.sha256
        await pilot.press("L")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("slash", *"floods", "enter")
        second = await ready(app, pilot)
        assert isinstance(second, ReadingScreen) and second is not first
        assert second.state.document.sha256 == FLOODS.sha256
        assert len(app.screen_stack) == 2  # the library opened over the first article is not kept
        await pilot.press("L", "escape")
        assert app.screen is second


async def test_delete_asks_first_and_then_forgets_the_article(make_app) -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"floods", "escape", "d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        question = str(app.screen.query_one("#choice-question").render())
        assert "Floods in the valley" in question
        assert re.search(r"from https://example\.org/floods, last opened \d{4}-\d\d-\d\d \d\d:\d\d", question)
        await pilot.press("n")
        await pilot.pause()
        assert len(app.session.store.library()) == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert app.screen is screen
        assert [entry.title for entry in app.session.store.library()] == ["Harbour expansion approved"]
        assert app.session.store.document(FLOODS.sha256) is None
        assert "Nothing matches" in str(screen.query_one("#library-empty").render())


async def test_deleting_the_open_article_leaves_it_readable_and_taggable_afresh(
    make_app, seed_document
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reading = await ready(app, pilot)
        await pilot.press("j", "1", "L", "d", "y")
        await pilot.pause()
        assert app.session.store.library() == []
        await pilot.press("escape")
        assert app.screen is reading
        assert reading.tagging.marked.items == []
        await pilot.press("2")
        assert [a.tag for a in app.session.store.annotations(seed_document.sha256)] == ["verified"]


async def test_the_newest_screen_of_an_article_owns_its_saved_position(make_app, seed_document) -> None:
    """The first article stays under the others (Textual keeps the first screen); when it is opened again
    from the library, quitting must not put back the older screen's position."""
    library_with_two_articles()
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        first = await ready(app, pilot)
        await pilot.press("j", "1", "L", "slash", *"floods", "enter", "enter")
        await ready(app, pilot)
        await pilot.press("L", "slash", *"alaska", "enter", "enter")
        again = await ready(app, pilot)
        assert again is not first and again.state.document.sha256 == seed_document.sha256
        assert again.state.cursor == 1  # where the first screen left it
        await pilot.press("J", "J", "J")
        offset = again.state.cursor_span[0]
        assert app.screen_stack == [first, again]
    saved = Store.open().position(seed_document.sha256)
    assert saved is not None and saved.offset == offset


async def test_enter_in_the_filter_opens_the_only_match_and_not_one_of_several() -> None:
    library_with_two_articles()
    app = make_library_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"e", "enter")  # both titles have an e: the list takes the keys
        await pilot.pause()
        assert app.screen is screen and screen.table.has_focus
        await pilot.press("slash", *"valley", "enter")
        reading = await ready(app, pilot)
        assert isinstance(reading, ReadingScreen)
        assert reading.state.document.sha256 == FLOODS.sha256
