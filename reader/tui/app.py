"""The Textual application: themes, preferences, help and the palette around the reading screen.

``ReaderApp`` owns the session (the store, opened after the first frame, and the
config), the theme and its saved preference, the quit question when notes only
live in memory, and navigation: screens never import one another but ask the App
(``reader.tui.host``) to open the library or an article, so the screen modules form
no import circle. The analyzer is injected, so tests pass a canned or blocking one.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.intake.document import Document, make_document
from reader.resources import stylesheet
from reader.tui.default_css import add_default_css
from reader.tui.notes.annotating import key_characters
from reader.tui.preferences import Preferences
from reader.tui.screens.reading import READING_WIDGETS, Analyzer, ReadingScreen
from reader.tui.session import Session
from reader.tui.themes import DARK, DEFAULT_THEME, THEME_LABELS, THEMES, next_theme
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.panel import PanelTree

STORED = "store"  # how a document reopened from the library was read: from the store's copy

if TYPE_CHECKING:
    from textual.command import Provider

    from reader.analysis.model import Analysis  # the records load with an analysis, after the first frame
    from reader.store import Store
    from reader.tui.screens.picker import Picker


def analyze(document: Document, **options: object) -> Analysis:
    """The engine, imported only when an article is analysed: the first frame never waits for it."""
    from reader.analysis import analyze as run

    return run(document, **options)  # type: ignore[arg-type]


def reader_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens (Textual's COMMANDS takes a callable
    for that): nothing of them is needed before the first frame."""
    from reader.tui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    """``analyzer`` is injected so tests pass a canned or blocking one; ``analysis`` skips it (a cached result).

    Without a document the library opens. Raises ConfigError (before anything is drawn) when the
    config's tag keys collide with the reading keys.
    """

    CSS_PATH = str(stylesheet("app.tcss"))
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {reader_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("T", "cycle_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(
        self,
        document: Document | None,
        *,
        analysis: Analysis | None = None,
        analyzer: Analyzer = analyze,
        theme: str | None = None,
        review: bool = False,
        picker: Picker | None = None,
    ) -> None:
        super().__init__()
        self._review = review  # `reader review`: the library's review queue over the library
        self._picker = picker  # `reader feed`, `reader ARCHIVE.warc`: the entries to pick from
        self.session = Session.start(key_characters(type(self), ReadingScreen, ArticleView, PanelTree))
        self.document = document
        self._analysis = analysis
        self._analyzer = analyzer
        for reader_theme in THEMES:
            self.register_theme(reader_theme)
        self.preferences = Preferences.load()
        chosen = theme or self.preferences.theme
        self.theme = chosen if chosen in THEME_LABELS else DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        if self._picker is not None:
            from reader.tui.screens.picker import PickerScreen

            return PickerScreen(self._picker)
        if self.document is None:
            from reader.tui.screens.library import LibraryScreen

            return LibraryScreen()
        return self.reading_screen(self.document, self._analysis)

    def reading_screen(self, document: Document, analysis: Analysis | None = None) -> ReadingScreen:
        """The analyzer goes behind the store's cache: a text analysed before by this engine opens without it."""
        return ReadingScreen(document, analysis=analysis, analyzer=self.session.cached(self._analyzer))

    # -- navigation: screens ask the App (reader.tui.host) and never import one another ------------

    def open_library(self) -> None:
        """Over the current article (Escape comes back to it); opening another one from there replaces it."""
        from reader.tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def open_article(self, sha256: str) -> None:
        """Read a stored article again (from the library or its review queue) from the store's copy.

        Opening replaces the reading screen underneath rather than stacking screens, so Escape
        always leads back to exactly one article; the article already underneath just comes back.
        """
        record = self.session.store.document(sha256)
        if record is None or record.text is None:
            self.notify(
                "Only the notes of this article are stored (imported): open its file or URL",
                severity="warning",
                markup=False,
            )
            return
        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        if isinstance(below, ReadingScreen) and below.state.document.sha256 == sha256:
            self.pop_screen()
            return
        source = record.sources[0] if record.sources else "-"
        document = make_document(record.text, source=source, extractor=STORED, title=record.title)
        if len(record.pages) == len(document.paragraphs):  # a PDF keeps its page numbers
            document = dataclasses.replace(document, pages=record.pages)
        screen = self.reading_screen(document)
        if isinstance(below, ReadingScreen) and self.screen_stack[0] is not below:
            self.call_later(self._replace_below, screen)
        elif below is not None:  # over the first screen, which Textual cannot replace: replace the library
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    async def _replace_below(self, screen: Screen) -> None:
        """Close the library, then put ``screen`` in place of the article it was opened over (one step at a
        time: both change the screen stack). The stack so stays the first screen, one article, the library."""
        await self.pop_screen()
        await self.switch_screen(screen)

    def on_load(self) -> None:
        """Before the stylesheet is first parsed (see reader.tui.default_css): one parse, not seven."""
        add_default_css(self.stylesheet, READING_WIDGETS)

    def on_mount(self) -> None:
        self.call_after_refresh(self._started)
        if self._review and self.document is None:
            self.call_after_refresh(self.screen.run_action, "review")

    def _started(self) -> None:
        """The first frame is out. ``reader`` turns the cycle collector off while it imports and builds
        the UI (tens of thousands of long-lived objects, which collections in between scanned again and
        again, tens of ms before the text showed): what start-up built lives as long as the app, so the
        collector leaves it alone from now on (gc.freeze) and collects what comes after as usual."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def show_notices(self) -> None:
        """What the store has to say (a damaged file moved aside, notes kept in memory), once it is open."""
        for notice in self.session.take_notices():
            self.notify(notice, severity="warning", timeout=12, markup=False)

    def on_unmount(self) -> None:
        self.session.close()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(DARK.variables)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Of Textual's own commands only Screenshot, into the exports folder: its theme picker lists dozens
        of themes (the reader offers its three), Quit is the reader's q, Keys is ?, Maximize has no use here."""
        yield SystemCommand(
            "Screenshot", "Save an SVG picture of the screen in the exports folder", self.screenshot
        )

    def screenshot(self) -> None:
        folder = self.session.config.exports_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notify(f"Screenshot not saved: {exc}", severity="error", timeout=10, markup=False)
            return
        self.set_timer(0.1, lambda: self.deliver_screenshot(path=str(folder)))

    def watch_theme(self, name: str) -> None:
        """Remember a theme the reader chose; the default one at start writes nothing (a synced write
        before the first frame, on every start until a theme was chosen)."""
        if name in THEME_LABELS and name != (self.preferences.theme or DEFAULT_THEME):
            self.preferences.theme = name
            self.preferences.save()

    async def action_quit(self) -> None:
        """Quit; but with notes kept only in memory (the store could not be written), ask first."""
        store = self.session.store if self.session.store_open else None
        if store is None:
            self.exit()
            return
        from reader.tui.rescue import rescue_folder, unsaved_annotations  # only when quitting with a store

        count = unsaved_annotations(store)
        if not count:
            self.exit()
            return
        from reader.tui.screens.confirm import ChoiceScreen

        if isinstance(self.screen, ChoiceScreen):
            return  # already asking
        folder = rescue_folder(self.session.config.exports_dir())
        question = Text.assemble(
            ("Your notes are not saved", "bold"),
            f"\nThe store could not be written ({store.degraded}), so your tags and notes on {count} "
            "passage(s) exist only in memory and are lost when the reader quits.",
        )
        choices = {"q": "quit without saving them"}
        if folder is not None:
            choices = {"e": f"export them (Markdown + JSON) to {folder}", **choices}

        def chosen(key: str | None) -> None:
            if key == "q":
                self.exit()
            elif key == "e" and folder is not None:
                self._export_and_quit(store, folder)

        self.push_screen(ChoiceScreen(question, choices), chosen)

    def _export_and_quit(self, store: Store, folder: Path) -> None:
        from reader.export import ExportError
        from reader.tui.rescue import export_notes

        try:
            written = export_notes(store, folder)
        except (ExportError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error", timeout=10, markup=False)
            return
        self.exit(message=Text(f"reader: {len(written)} export file(s) of your notes written to {folder}"))

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme)
        self.notify(f"Theme: {THEME_LABELS[self.theme]}", timeout=2, markup=False)

    def action_help(self) -> None:
        from reader.tui.commands import key_rows
        from reader.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        pairs = ((active.node, active.binding) for active in self.screen.active_bindings.values())
        self.push_screen(HelpScreen(key_rows(pairs, self.get_key_display)))
