"""Quit and reopen: notes, tags, position and the analysis come back; changed text gives orphans to handle."""

from __future__ import annotations

from pathlib import Path

from reader.intake import load
from reader.intake.document import make_document
from reader.store import Store
from reader.tui import ReaderApp
from reader.tui.screens.confirm import ChoiceScreen
from reader.tui.screens.reading import ReadingScreen
from tests.tui.canned import plain_analysis
from tests.tui.test_app import ready, screen_rows

LARGE = (160, 48)


def refuse(*_args, **_kwargs):
    raise AssertionError("the analyzer must not run: the analysis is cached")


def sentence_text(screen: ReadingScreen) -> str:
    start, end = screen.state.cursor_span
    return screen.state.document.text[start:end].rstrip()


async def notes_opened(screen: ReadingScreen, pilot) -> None:  # noqa: ANN001
    """The notes and the reading position come with the store, which opens once the first frame is out:
    on a loaded machine that can be after ``ready``'s one pause (there is no analysis worker to wait for)."""
    for _ in range(500):
        if screen._tagging is not None:  # noqa: SLF001 - opened, not opened on demand by asking
            return
        await pilot.pause(0.01)


async def test_quitting_and_reopening_restores_notes_tags_position_and_analysis(make_app, seed_path) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("J", "J", "2", "a", *"seen elsewhere", "ctrl+s")
        await pilot.pause()
        tagged = sentence_text(screen)
        await pilot.press("J", "j")  # then read on; the position is saved when the app closes
        position = screen.state.cursor
        await pilot.press("q")
    again = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        await notes_opened(screen, pilot)
        assert screen.state.analysis is not None and screen.state.analysis.engine.model == "canned"
        assert screen.state.cursor == position
        assert [(a.tag, a.note, a.anchor.exact) for a in screen.tagging.marked.items] == [
            ("verified", "seen elsewhere", tagged)
        ]
        assert str(screen.panel.tree.root.children[0].label) == "Notes (1)"
        first, last = screen.article.wrapped.lines_of(*screen.state.cursor_span)
        top = round(screen.article.scroll_y)
        assert top <= first and last < top + screen.article.scrollable_content_region.height


async def test_the_same_text_on_stdin_finds_its_notes(make_app, seed_text) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "5")
    piped = make_document(seed_text, source="-", extractor="text")
    again = ReaderApp(piped, analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        assert [a.tag for a in screen.tagging.marked.items] == ["opinion"]
        assert screen.state.cursor == 1


async def test_the_position_is_saved_while_reading_not_only_on_quit(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("J", "J", "J")
        await pilot.pause(1.2)  # longer than the debounce
        saved = Store.open().position(seed_document.sha256)
        assert saved is not None and saved.offset == screen.state.cursor_span[0]
        assert saved.sentence == screen.state.sentence.id


def write(path: Path, paragraphs: list[str]) -> None:
    path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")


KEEP = "The council approved the new budget on Tuesday after a long debate."
GONE = "Officials said the old stadium would be demolished within a year."
OTHER = "Residents were invited to comment until the end of the month."


async def test_changed_text_shows_an_orphan_that_can_be_reattached(tmp_path, make_app) -> None:
    article = tmp_path / "story.txt"
    write(article, ["Budget news", KEEP, GONE, OTHER])
    document = load(str(article))
    app = make_app(document, analyzer=lambda doc, **_: plain_analysis(doc))
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1", "j", "3", "a", *"source?", "ctrl+s")
        await pilot.pause()
    write(article, ["Budget news", KEEP, "Officials now say the stadium stays.", OTHER])
    changed = load(str(article))
    app = make_app(changed, analyzer=lambda doc, **_: plain_analysis(doc))
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        tagging = screen.tagging
        assert [a.anchor.exact for a in tagging.marked.items] == [KEEP]
        assert [(a.tag, a.note, a.anchor.exact) for a in tagging.orphans] == [("disputed", "source?", GONE)]
        tree = screen.panel.tree
        notes = tree.root.children[0]
        assert str(notes.label) == "Notes (2), 1 orphaned"
        assert "orphaned disputed: source?" in str(notes.children[1].label)
        assert GONE[:30] in str(notes.children[1].label)
        await pilot.press("j", "j")  # the changed sentence
        here = sentence_text(screen)
        await pilot.press("tab")
        tree.move_cursor(notes.children[1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert GONE[:30] in str(app.screen.query_one("#choice-question").render())
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen
        store = app.session.store
        placed = [(a.tag, a.anchor.exact, a.orphaned) for a in store.annotations(changed.sha256)]
        assert placed == [("needs-source", KEEP, False), ("disputed", here, False)]
        assert tagging.orphans == []
        assert str(tree.root.children[0].label) == "Notes (2)"
        await pilot.press("U")  # undo puts it back where it was: an orphan again
        assert [a.anchor.exact for a in tagging.orphans] == [GONE]


async def test_an_orphan_can_be_deleted_after_confirmation(tmp_path, make_app) -> None:
    article = tmp_path / "story.txt"
    write(article, ["Budget news", KEEP, GONE])
    app = make_app(load(str(article)), analyzer=lambda doc, **_: plain_analysis(doc))
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "4")
    write(article, ["Budget news", KEEP, OTHER])
    changed = load(str(article))
    app = make_app(changed, analyzer=lambda doc, **_: plain_analysis(doc))
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        tree = screen.panel.tree
        orphan_node = tree.root.children[0].children[0]
        await pilot.press("tab")
        tree.move_cursor(orphan_node)
        await pilot.press("enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # the confirmation
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert len(app.session.store.annotations(changed.sha256)) == 1
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.press("enter", "d", "y")
        await pilot.pause()
        assert app.session.store.annotations(changed.sha256) == []
        assert screen.tagging.orphans == []


async def test_an_article_s_cached_analysis_fills_the_panel_in_the_frame_after_the_first_without_the_worker(
    make_app, seed_path, monkeypatch
) -> None:
    """Read where the article's first frame is handled, not handed to the analysis worker and back (one
    more thread and a few more turns of the event loop, 20-60 ms on a loaded machine: issue 22). A text
    longer than CACHED_INLINE_CHARS still has its cached analysis decoded in the worker."""
    from reader.tui.screens import reading

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)  # the analysis is now in the store's cache

    workers: list[str] = []
    run_analysis = ReadingScreen.run_analysis

    def counted(self: ReadingScreen):  # noqa: ANN202
        workers.append("analysis")
        return run_analysis(self)

    monkeypatch.setattr(ReadingScreen, "run_analysis", counted)
    again = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        while not again.screen.query_one("#article")._painted:  # noqa: SLF001 - the first frame is out
            await pilot.pause(0.01)
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, ReadingScreen) and screen.state.analysis is not None
        assert screen.panel.tree is not None and len(screen.panel.tree.root.children) > 1
    assert workers == []

    monkeypatch.setattr(reading, "CACHED_INLINE_CHARS", 10)
    longer = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with longer.run_test(size=LARGE) as pilot:
        screen = await ready(longer, pilot)
        assert screen.state.analysis is not None and screen.state.analysis.engine.model == "canned"
    assert workers == ["analysis"]


async def test_the_frame_with_the_cached_analysis_does_not_wait_for_the_notes_to_register(
    make_app, seed_path, monkeypatch
) -> None:
    """Registering the article in the store is its first write, which SQLite syncs to disk (10-25 ms on a
    loaded machine): the article's lines are drawn with the analysis before it, the notes come next."""
    from reader.tui.widgets.article import ArticleView

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1")  # a tag, which has to come back
    events: list[str] = []
    adopt, render_line, open_document = (
        ReadingScreen.adopt_analysis,
        ArticleView.render_line,
        Store.open_document,
    )

    def adopting(self: ReadingScreen, analysis) -> None:  # noqa: ANN001
        events.append("analysis")
        adopt(self, analysis)

    def drawing(self: ArticleView, y: int):  # noqa: ANN202
        if events and events[-1] != "drawn":
            events.append("drawn")
        return render_line(self, y)

    def registering(self: Store, document, **kwargs):  # noqa: ANN001, ANN003, ANN202
        events.append("register")
        return open_document(self, document, **kwargs)

    monkeypatch.setattr(ReadingScreen, "adopt_analysis", adopting)
    monkeypatch.setattr(ArticleView, "render_line", drawing)
    monkeypatch.setattr(Store, "open_document", registering)
    again = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        await pilot.pause()
        assert [a.tag for a in screen.tagging.marked.items] == ["needs-source"]
    assert events[:3] == ["analysis", "drawn", "register"]


async def test_a_reopened_article_s_analysis_is_on_screen_before_the_store_opens(
    make_app, seed_path, monkeypatch
) -> None:
    """The cached analysis is read without the Store (reader.store.cache.peek): importing and opening it
    for the notes, ~10 ms, comes after the frame with the filled panel (issue 22)."""
    from reader.tui.widgets.article import ArticleView

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)  # the analysis is now in the store's cache
    events: list[str] = []
    adopt, render_line, open_store = (
        ReadingScreen.adopt_analysis,
        ArticleView.render_line,
        Store.open.__func__,  # type: ignore[attr-defined]
    )

    def adopting(self: ReadingScreen, analysis) -> None:  # noqa: ANN001
        events.append("analysis")
        adopt(self, analysis)

    def drawing(self: ArticleView, y: int):  # noqa: ANN202
        if events and events[-1] == "analysis":
            events.append("drawn")
        return render_line(self, y)

    def opening(cls, *args, **kwargs):  # noqa: ANN001, ANN202
        events.append("store")
        return open_store(cls, *args, **kwargs)

    monkeypatch.setattr(ReadingScreen, "adopt_analysis", adopting)
    monkeypatch.setattr(ArticleView, "render_line", drawing)
    monkeypatch.setattr(Store, "open", classmethod(opening))
    again = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        await pilot.pause()
        assert screen.panel.tree is not None and len(screen.panel.tree.root.children) > 1
    assert events == ["analysis", "drawn", "store"]


async def test_a_reopened_article_s_analysis_is_in_the_frame_its_first_paint_is_reported_after(
    make_app, seed_path, monkeypatch
) -> None:
    """Read while Textual waits for its frame timer to send the frame after the article's first lines, not
    once that frame is out: the filled panel then waited for one more tick of the timer (issue 22)."""
    from reader.tui.widgets.article import ArticleView

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)  # the analysis is now in the store's cache
    seen: list[tuple[bool, str]] = []
    first_paint = ArticleView._first_paint  # noqa: SLF001

    def painted(self: ArticleView) -> None:
        seen.append((self.state.analysis is not None, "\n".join(screen_rows(self.app))))
        first_paint(self)

    monkeypatch.setattr(ArticleView, "_first_paint", painted)
    again = ReaderApp(load(str(seed_path)), analyzer=refuse, theme="reader-dark")
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        titles = [str(node.label) for node in screen.panel.tree.root.children]
    [(adopted, rows)] = seen
    assert adopted
    sections = [title for title in titles if not title.startswith("Notes")]  # the notes come with the store
    assert len(sections) > 1 and all(title in rows for title in sections)
