"""What start-up leaves for after the article's first frame: the store (and with it the notes)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.text import Text
from textual.css.stylesheet import Stylesheet
from textual.widgets import Tree

from reader.store import Store
from reader.tui.preferences import preferences_path
from reader.tui.screens.reading import ReadingScreen
from reader.tui.themes import DEFAULT_THEME
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.footer import KeyFooter
from reader.tui.widgets.panel import PanelTree, SidePanel
from tests.tui.test_app import ready, screen_rows

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


# What the first frame of a .txt article does without, each with where it loads instead (the docstrings below).
NOT_LOADED = (
    *("spacy", "sqlite3", "reader.store.store", "html.parser", "tomllib", "argparse", "json"),
    *("reader.store.model", "reader.store.anchoring", "hashlib", "reader.intake.webpage"),
    *("reader.tui.commands", "reader.tui.parts"),
    *("reader.analysis.model", "reader.tui.widgets.search", "reader.tui.notes.tagging"),
    *("reader.store.history", "reader.tui.rescue", "reader.intake.warc"),
)


def test_opening_an_article_loads_nothing_its_first_frame_does_not_need() -> None:
    """The store (sqlite3) opens after the first frame, Markdown's HTML parser and the TOML parser only
    for a Markdown file or a config file, spaCy only in the analysis worker: none of them at import.
    ``reader ARTICLE`` is read without argparse (14 ms), which only a longer command line needs; json
    (9 ms) only for a preferences file, the analysis's JSON or the store; the store's records (a dozen
    dataclasses) and anchoring with the store, hashlib (OpenSSL, 5 ms) for the text's key in the store, the
    HTML reader for a web page, the palette's commands when the palette opens, the analysis's parts in
    the analysis worker. The analysis's records (a dozen slotted dataclasses, 6 ms) come with an analysis:
    the screen's sentences before it are reader.analysis.sentence; the search bar with the first search;
    the notes' tagging and undo history with the store; the rescue of unsaved notes on quitting."""
    code = (
        "import sys, reader.cli; reader.cli.open_args(['article.txt']); reader.cli.open_args([]); "
        "from reader.intake import load; from reader.tui import ReaderApp; "
        "import reader.tui.screens.reading; "
        f"print(' '.join(name for name in {NOT_LOADED!r} if name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []


def test_reader_article_loads_none_of_them_before_the_first_frame_either(isolated_dirs) -> None:
    """The same from ``reader ARTICLE.txt``'s command line to the article's first frame, which imports in
    functions too: telling an article from a web archive is reader.intake.formats, not the archive reader."""
    article = isolated_dirs / "article.txt"
    article.write_text("The minister said the plan would cost 4 million euros.\n", encoding="utf-8")
    code = f"""
import asyncio, os, sys
import reader.cli
from reader.tui import ReaderApp
from reader.tui.widgets.article import ArticleView

def painted(self):
    print(" ".join(name for name in {NOT_LOADED!r} if name in sys.modules) or "none", flush=True)
    os._exit(0)

async def drive(app):
    async with app.run_test(size=(80, 24)) as pilot:
        while True:
            await pilot.pause()

ArticleView._first_paint = painted
ReaderApp.run = lambda app: asyncio.run(drive(app))
reader.cli.main([{str(article)!r}])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["none"], result.stderr[-2000:]


async def test_a_first_start_on_the_default_theme_writes_no_preferences(isolated_dirs, make_app) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        assert app.theme == DEFAULT_THEME
    assert not preferences_path().exists()  # a synced write before the first frame, for nothing


async def test_the_stylesheet_is_parsed_once_from_start_to_the_panel_filled(
    isolated_dirs, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every widget class's default CSS is there before the first parse (reader.tui.default_css): Textual
    parsed the whole stylesheet again for each round of mounting, seven times before the first frame and
    once more for the panel's tree; and a theme chosen later still restyles the screen."""
    parses = 0
    parse = Stylesheet.parse

    def counted(self: Stylesheet) -> None:
        nonlocal parses
        parses += 1
        parse(self)

    monkeypatch.setattr(Stylesheet, "parse", counted)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        assert screen.panel.tree is not None
        assert parses == 1
        before = screen.article.rich_style
        await pilot.press("T")
        await pilot.pause()
        assert app.theme != DEFAULT_THEME
        assert screen.article.rich_style != before


async def test_the_key_bar_is_in_the_first_frame_and_not_rebuilt_after_it(
    isolated_dirs, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's Footer composes empty and fills in after a frame: one more layout and frame before the
    screen settles. The keys are known when the screen composes."""
    rows: list[str] = []
    first_paint = ArticleView._first_paint  # noqa: SLF001

    def painted(self: ArticleView) -> None:
        rows.append(screen_rows(self.app)[-1])
        first_paint(self)

    monkeypatch.setattr(ArticleView, "_first_paint", painted)
    recomposed = 0
    recompose = KeyFooter.recompose

    async def counted(self: KeyFooter) -> None:
        nonlocal recomposed
        recomposed += 1
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        assert "q Quit" in rows[0] and "Search" in rows[0]
        assert recomposed == 0
        await pilot.press("tab")  # a focus change that changes the keys shown still rebuilds the bar
        await pilot.pause()
        assert "q Quit" in screen_rows(app)[-1]


async def test_filling_the_panel_reads_no_label_as_markup(
    isolated_dirs, make_app, seed_analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A str label is Rich markup to Textual's Tree, and the first markup read loads Rich's emoji table:
    10 ms between a reopened article's first frame and its filled panel."""
    read: list[str] = []
    filling = False
    from_markup = Text.from_markup.__func__  # type: ignore[attr-defined]
    show_analysis = SidePanel.show_analysis

    def recorded(cls, text: str, *args, **kwargs) -> Text:  # noqa: ANN001
        if filling:
            read.append(text)
        return from_markup(cls, text, *args, **kwargs)

    def shown(self: SidePanel, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        nonlocal filling
        filling = True
        try:
            show_analysis(self, *args, **kwargs)
        finally:
            filling = False

    monkeypatch.setattr(Text, "from_markup", classmethod(recorded))
    monkeypatch.setattr(SidePanel, "show_analysis", shown)
    app = make_app(analyzer=lambda *_args, **_kwargs: seed_analysis)
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        assert screen.panel.tree is not None and screen.panel.tree.root.children
    assert read == []


async def test_the_toast_rack_is_hidden_before_the_first_layout_and_still_shows_a_notification(
    isolated_dirs, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's default CSS hides it, and once it finds nothing to show Textual hides it again on the
    widget itself: a new rule, so one more layout and frame before the screen settles. Hidden on the widget
    at mount, that second hiding changes nothing."""
    hidden_at_mount: list[bool] = []
    mounted = ReadingScreen.on_mount

    def mounting(self: ReadingScreen) -> None:
        mounted(self)
        rack = self.query_one("ToastRack")
        hidden_at_mount.append(rack.styles.inline.has_rule("display") and not rack.display)

    monkeypatch.setattr(ReadingScreen, "on_mount", mounting)
    app = make_app()
    async with app.run_test(size=LARGE, notifications=True) as pilot:
        await ready(app, pilot)
        assert hidden_at_mount == [True]
        app.notify("Saved")
        await pilot.pause()
        assert app.screen.query_one("ToastRack").display
        assert "Saved" in "\n".join(screen_rows(app))


async def test_the_filled_panel_keeps_its_built_lines_and_still_follows_a_resize(
    isolated_dirs, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel's tree is made when the analysis arrives; Textual's Tree threw its built lines away when
    its first size came and asked for one more layout and frame before the panel settled
    (PanelTree._on_resize). Counted as Tree's resize handler run on built lines, not as layouts: under
    load other updates may land in a layout of their own."""
    thrown: list[bool] = []
    resized = Tree._on_resize

    def counted(self: Tree, event) -> None:  # noqa: ANN001
        if isinstance(self, PanelTree) and self._tree_lines_cached:  # noqa: SLF001 - built lines
            thrown.append(True)
        resized(self, event)

    monkeypatch.setattr(Tree, "_on_resize", counted)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.pause()
        assert screen.panel.tree._tree_lines_cached  # noqa: SLF001 - the panel is built and drawn
        assert thrown == []
        titles = [str(node.label) for node in screen.panel.tree.root.children]
        assert any(title in "\n".join(screen_rows(app)) for title in titles)
        await pilot.resize_terminal(250, 70)
        await pilot.pause()
        await pilot.pause()
        rows = "\n".join(screen_rows(app))
        assert all(title in rows for title in titles)


@pytest.mark.parametrize("size", [(80, 24), LARGE])
async def test_each_widget_is_styled_once_before_the_first_frame_and_as_a_full_restyle_styles_it(
    isolated_dirs, make_app, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Textual restyled the whole screen when it first came on top, right after the mount had styled it,
    and each key of the bar twice more (made compact, then bound to the bar's look): issue 22. Only the
    article, which takes the focus once mounted, and the palette key, compact by default, are styled again.
    Styled once, every widget still has what a full restyle gives it."""
    styled: list[str] = []
    apply = Stylesheet.apply
    first_paint = ArticleView._first_paint  # noqa: SLF001

    def counted(self: Stylesheet, node, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        if painted == []:
            styled.append(type(node).__name__ + ("#palette" if node.has_class("-command-palette") else ""))
        apply(self, node, *args, **kwargs)

    painted: list[bool] = []

    def painting(self: ArticleView) -> None:
        painted.append(True)
        first_paint(self)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    monkeypatch.setattr(ArticleView, "_first_paint", painting)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await ready(app, pilot)
        widgets = [name for name in styled if name != "DOMNode"]  # DOMNode: a component class's styles
        twice = {name for name in widgets if widgets.count(name) > 1 and name != "FooterKey"}
        assert twice <= {"ArticleView", "FooterKey#palette", "ReaderApp", "ReadingScreen"}
        assert (
            widgets.count("ArticleView") == 2
            and widgets.count("FooterKey") == len(screen.query("FooterKey")) - 1
        )

        def looks() -> list[object]:
            nodes = list(screen.walk_children(with_self=True))
            return [(node, node.styles.base.get_rules(), node.classes, node.rich_style) for node in nodes]

        before = looks()
        app.update_styles(screen)
        assert looks() == before


async def test_the_first_frame_has_the_article_s_scroll_height_and_asks_for_no_layout_after_it(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text is wrapped when the layout sizes the article, not while the frame is drawn: the frame's
    scrollbar knows the article's length, and drawing it asks for no second layout (issue 22)."""
    seen: list[tuple[int, int, bool]] = []
    render_lines = ArticleView.render_lines
    refresh = ArticleView.refresh
    drawing = False

    def first_render(self, crop):  # noqa: ANN001, ANN202
        nonlocal drawing
        if not seen:
            scrollbar = self.vertical_scrollbar
            seen.append((self.virtual_size.height, scrollbar.window_virtual_size, False))
        drawing = True
        try:
            return render_lines(self, crop)
        finally:
            drawing = False

    def asked(self, *regions, layout: bool = False, **kwargs):  # noqa: ANN001, ANN202
        if drawing and layout:
            seen.append((-1, -1, True))
        return refresh(self, *regions, layout=layout, **kwargs)

    monkeypatch.setattr(ArticleView, "render_lines", first_render)
    monkeypatch.setattr(ArticleView, "refresh", asked)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        lines = len(screen.article.wrapped)
    assert lines > 24
    assert seen[0] == (lines, lines, False)
    assert not any(layout for _height, _window, layout in seen)
