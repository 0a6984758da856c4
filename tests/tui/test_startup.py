"""What start-up leaves for after the article's first frame: the store (and with it the notes)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.store import Store
from reader.tui.preferences import preferences_path
from reader.tui.themes import DEFAULT_THEME
from reader.tui.widgets.article import ArticleView
from tests.tui.test_app import ready

LARGE = (160, 48)


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """'paint' when the article's first frame is out, 'store' when the store is opened."""
    seen: list[str] = []
    open_store = Store.open.__func__  # type: ignore[attr-defined]
    first_paint = ArticleView._first_paint  # noqa: SLF001

    def opening(cls, *args, **kwargs):  # noqa: ANN001, ANN202
        seen.append("store")
        return open_store(cls, *args, **kwargs)

    def painted(self) -> None:  # noqa: ANN001
        seen.append("paint")
        first_paint(self)

    monkeypatch.setattr(Store, "open", classmethod(opening))
    monkeypatch.setattr(ArticleView, "_first_paint", painted)
    return seen


async def test_the_store_opens_after_the_first_frame_and_then_restores_the_notes(
    isolated_dirs, events, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1")
        sentence = screen.state.cursor_span
    assert events == ["paint", "store"]

    events.clear()
    again = make_app()
    assert not again.session.store_open  # constructing the app never touches the store
    async with again.run_test(size=LARGE) as pilot:
        screen = await ready(again, pilot)
        assert [a.tag for a in screen.tagging.marked.items] == ["needs-source"]
        assert screen.state.cursor_span == sentence  # the reading position came back with the store
    assert events == ["paint", "store"]


async def test_a_tag_key_before_the_store_opened_opens_it_and_is_saved(isolated_dirs, make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen._tagging = None  # noqa: SLF001 - as between the first frame and the store's opening
        app.session._store.close()  # noqa: SLF001
        app.session._store = None  # noqa: SLF001
        screen.action_tag(0)
        assert app.session.store_open
        assert [a.tag for a in app.session.store.annotations(screen.state.document.sha256)] == [
            "needs-source"
        ]


async def test_the_cycle_collector_the_command_line_turned_off_is_back_after_the_first_frame(
    isolated_dirs, make_app
) -> None:
    import gc

    gc.disable()  # as reader.cli.run_open does before importing the TUI
    try:
        app = make_app()
        async with app.run_test(size=LARGE) as pilot:
            await ready(app, pilot)
            assert gc.isenabled()
    finally:
        gc.enable()


def test_opening_an_article_loads_nothing_its_first_frame_does_not_need() -> None:
    """The store (sqlite3) opens after the first frame, Markdown's HTML parser and the TOML parser only
    for a Markdown file or a config file, spaCy only in the analysis worker: none of them at import."""
    heavy = ("spacy", "sqlite3", "reader.store.store", "html.parser", "tomllib")
    code = (
        "import sys, reader.cli; from reader.intake import load; from reader.tui import ReaderApp; "
        "import reader.tui.screens.reading; "
        f"print(' '.join(name for name in {heavy!r} if name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []


async def test_a_first_start_on_the_default_theme_writes_no_preferences(isolated_dirs, make_app) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        assert app.theme == DEFAULT_THEME
    assert not preferences_path().exists()  # a synced write before the first frame, for nothing
