"""The reading screen: article, side panel, details, status; owns the ReadingState and the analysis worker.

The text shows at once; the analysis runs in a worker (or comes from the store's
cache). A long text does not wait for the whole: the paragraphs on screen are
analysed first and light up, then the panel and the highlights fill part by part
as the rest is analysed in order (reader.analysis.engine.analyze_progressively),
and the whole analysis replaces the parts when it arrives. Every key changes
the ``ReadingState`` and then calls ``redraw``, the one way the widgets follow it; the tagging
side (tag keys, notes, selection, undo, export) is mixed in from
``reader.tui.notes.annotating``. Narrow terminals show the panel as an overlay.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key, Resize, ScreenResume
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.atomic import write_atomic
from reader.intake.document import Document
from reader.tui.bindings import keys_bound_to
from reader.tui.highlights import HIGHLIGHTS
from reader.tui.notes.annotating import ANNOTATION_BINDINGS, Annotating
from reader.tui.state import ReadingState
from reader.tui.text import inert
from reader.tui.typeahead import hand_over
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.details import SentenceDetails
from reader.tui.widgets.footer import KeyFooter
from reader.tui.widgets.panel import PanelTree, SidePanel, branches
from reader.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from reader.analysis.model import Analysis  # the records load with an analysis, after the first frame
    from reader.review import ReviewItem  # the review queue (and its exporters) loads on demand
    from reader.tui.parts import PartsView  # made in the analysis worker, which imports it
    from reader.tui.widgets.search import SearchBar  # loads with the first search (its Label with it)

Analyzer = Callable[..., "Analysis"]
NARROW = 110  # below this many columns the panel is an overlay opened on demand
TYPEAHEAD_LIMIT = 3.0  # seconds: an opening key whose input never came drops what it held (a loaded
# machine took over 1 s to mount the search bar the first time, and the query typed after / was lost)
WIDE = 150  # from here on the details area has room for more lines
CACHED_INLINE_CHARS = 50_000  # a text up to this long has its cached analysis read without the worker
# (the seed's, 4.5k characters, is read and decoded in under 1 ms on a loaded machine: this many, ~10 ms)


class AnalysisProgress(Message):
    """Posted from the worker thread; only the newest one matters."""

    def __init__(self, percent: int) -> None:
        super().__init__()
        self.percent = percent

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


class AnalysisPartial(Message):
    """The parts analysed so far, ready to show (reader.tui.parts); only the newest one matters."""

    def __init__(self, view: PartsView) -> None:
        super().__init__()
        self.view = view

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisPartial)


class ReadingScreen(Annotating, Screen[None]):
    BINDINGS = [
        Binding("slash", "search", "Search", id="reading.search"),
        Binding("n", "search_step(1)", "Next match", show=False, id="reading.next_match"),
        Binding("N", "search_step(-1)", "Previous match", show=False, id="reading.previous_match"),
        *(
            Binding(
                layer.key,
                f"toggle_layer('{layer.name}')",
                f"{layer.label} layer",
                show=False,
                id=f"layer.{layer.name}",
            )
            for layer in HIGHLIGHTS
        ),
        Binding("f", "cycle_focus_layer", "Focus layer", show=False, id="reading.focus_layer"),
        Binding("tab", "switch_focus", "Article/panel", id="reading.switch_focus"),
        Binding("p", "toggle_panel", "Panel", id="reading.toggle_panel"),
        Binding("escape", "clear", "Clear marks", show=False, id="reading.clear"),
        Binding("R", "review", "Review queue (verdicts)", show=False, id="reading.review"),
        *ANNOTATION_BINDINGS,  # tags, notes, selection, undo, export, library: reader.tui.notes.annotating
    ]

    def __init__(self, document: Document, *, analysis: Analysis | None, analyzer: Analyzer) -> None:
        super().__init__()
        self.state = ReadingState(document)
        self._analysis = analysis
        self._analyzer = analyzer
        self.panel_open = True
        self._typeahead: list[Key] | None = None  # keys held back until the input just asked for is there
        self._typing_into: MessagePump | None = None  # that input, while it still waits for its focus
        self._opening_keys = keys_bound_to(self, ("reading.search", "notes.note"))
        self._follow_pending = False  # details and status are to catch up after the next frame
        self._styled_with: int | None = None  # the App's CSS generation when the widgets were styled at mount
        self.title = inert(document.title)
        self.sub_title = inert(document.source)

    def compose(self) -> ComposeResult:
        self._fit(self.app.size.width)  # classes set before the children exist cost no restyle
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="reading"):
                yield ArticleView(self.state, id="article")
                yield SentenceDetails(id="details")
            yield SidePanel(id="panel")
        yield StatusLine(id="status")
        yield KeyFooter()

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)  # by id: Textual caches it, a type query walks the DOM

    @property
    def panel(self) -> SidePanel:
        return self.query_one("#panel", SidePanel)

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def on_mount(self) -> None:
        # Textual shows a screen's toast rack until it finds no notification to show: one more layout and
        # frame before the screen settles (issue 22). Hidden from the start, it shows with the first one.
        for rack in self.query_children("ToastRack"):  # none when notifications are off (tests)
            rack.display = False
        self.article.focus()
        self._styled_with = self.app._css_update_count  # noqa: SLF001 - bumped by every theme or CSS change
        self.redraw()
        self._follow()  # the first frame shows the details and status already
        if self._analysis is not None:
            self.adopt_analysis(self._analysis)

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Textual restyles the whole screen when it comes on top, which the first time follows the mount
        that styled every widget: a second styling of each one before the first frame (10 ms on a loaded
        machine, issue 22). Skipped then, unless the CSS changed in between (a theme); runs before Screen's
        own handler (and Annotating's), which reads ``refresh_styles``."""
        if self._styled_with == self.app._css_update_count:  # noqa: SLF001
            event.refresh_styles = False
        self._styled_with = None

    def on_article_view_drawn(self, _message: ArticleView.Drawn) -> None:
        """The article's first lines are on their way to the terminal: a reopened article's cached analysis
        is read now, without the Store (reader.store.cache.peek), which opens for the notes after its frame.

        Textual sends that first frame at once, then waits for its 60-a-second timer to send the next (the
        one the first paint is reported after, as a bare app's is): read in that wait, the analysis is in
        the very next frame. Read once the first paint was reported, it waited for one more tick of the
        timer (issue 22). A longer text's (a book's analysis takes a while to decode: keys would wait) is
        read in the worker, like a new analysis, which imports spaCy (on_article_view_painted)."""
        document = self.state.document
        if self.state.analysis is None and len(document.text) <= CACHED_INLINE_CHARS:
            cached = self.session.peek_analysis(document)
            if cached is not None:
                self.adopt_analysis(cached)

    def on_article_view_painted(self, _message: ArticleView.Painted) -> None:
        """Only now start the analysis (or read a longer text's cached one): it never delays the first frame."""
        if self.state.analysis is None:
            self.run_analysis()

    # -- analysis ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self) -> Analysis:
        from reader.tui.parts import PartsShown  # only a new analysis shows parts: not before the first frame

        worker = get_current_worker()
        last = -1

        def progress(done: int, total: int) -> None:
            nonlocal last
            percent = 100 * done // total if total else 100
            if percent != last:
                last = percent
                self.post_message(AnalysisProgress(percent))

        def focus() -> int:
            """Asked once the model is loaded: where the reader is then (a restored position included)."""
            return self.state.cursor_span[0]

        return self._analyzer(
            self.state.document,
            progress=progress,
            cancelled=lambda: worker.is_cancelled,
            partial=PartsShown(self.state.document, lambda view: self.post_message(AnalysisPartial(view))),
            focus=focus,
        )

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if self.state.loading:
            self.state.progress = message.percent
            self.panel.show_progress(message.percent)
            self.redraw()

    def on_analysis_partial(self, message: AnalysisPartial) -> None:
        """The parts done so far light up; whoever is browsing the panel keeps their place until the end."""
        if not self.state.loading:
            return
        view = message.view
        self.state.set_partial(view.index, view.percent)
        if not self.panel.has_focus_within:
            self.panel.show_analysis(view.index, view.branches)
            self._show_notes()
        self.panel.show_progress(self.state.progress)
        self.redraw()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "analysis":
            return
        from reader.analysis.model import Analysis  # loaded by the analysis worker by now

        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Analysis):
            self.adopt_analysis(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            self.state.analysis_error = f"{type(error).__name__}: {error}"
            self.panel.show_error(self.state.analysis_error)
            self.redraw()

    def adopt_analysis(self, analysis: Analysis) -> None:
        self.state.set_analysis(analysis)
        # A long analysis is hundreds of thousands of objects that live as long as the screen:
        # take them out of the cycle collector's scans, whose full passes otherwise stall keys.
        gc.freeze()
        assert self.state.index is not None
        self.panel.show_analysis(self.state.index, branches(self.state.index, self.state.document))
        self.redraw(show=True)
        if os.environ.get("READER_REPORT_PANEL_READY"):
            # Asked of the article, whose repaint is queued ahead (see redraw): asked of the screen it
            # could run before the frame that shows the analysis, and the reopen row read low.
            self.article.call_after_refresh(_report_panel_ready)

    # -- keeping the widgets in step with the state -------------------------------------------

    def redraw(self, *, show: bool = False, center: bool = False) -> None:
        """After any change to the state: the article redraws what changed since it last drew (see
        ArticleView.draw; ``show``/``center`` bring the cursor into view even if it stayed), then the
        details, the status line and the search bar's count follow once that frame is out: the key's
        frame only composites the article's changed lines, not the rows below it (issue 22)."""
        if self.article.draw(show=show, center=center):
            self.keep_position()
        if not self._follow_pending:
            self._follow_pending = True
            # Queued behind the article's own repaint request, so the screen knows the article is dirty
            # before this callback is due: asked of the screen, it ran before the frame, in the frame.
            self.article.call_after_refresh(self._follow)

    def _follow(self) -> None:
        """The details, status line and search count catch up with the state (one call for many redraws)."""
        self._follow_pending = False
        self.query_one("#details", SentenceDetails).show(self.state)
        self.query_one("#status", StatusLine).show(self.state)
        bar = self.query_one_optional("#search")
        if bar is not None:  # the SearchBar the first search mounted (and loaded the module of)
            search = self.state.search
            cast("SearchBar", bar).show_count(search.current, search.count, search.query)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.redraw(show=True, center=message.center)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Narrow screens get the panel as an overlay, closed until asked for."""
        narrow = width < NARROW
        if narrow != self.narrow:
            self.panel_open = not narrow
            self.set_class(narrow, "-narrow")
        wide = width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
        self._show_panel(self.panel_open)

    def _show_panel(self, show: bool) -> None:
        self.panel_open = show
        if self.has_class("-panel-open") != show:
            self.set_class(show, "-panel-open")

    # -- actions ----------------------------------------------------------------------------

    def action_toggle_layer(self, name: str) -> None:
        self.state.toggle_layer(name)
        self.redraw(show=True)

    def action_cycle_focus_layer(self) -> None:
        self.state.cycle_focus_layer()
        self.redraw()

    async def action_search(self) -> None:
        from reader.tui.widgets.search import SearchBar

        bars = self.query(SearchBar)
        if not bars:
            await self.mount(SearchBar(id="search"), before="#status")
        self.state.begin_search()
        bar = self.query_one(SearchBar)
        bar.open()
        self.typed_ahead_into(bar.input)

    def on_key(self, event: Key) -> None:
        """After a key that opens an input, what follows waits for that input (reader.tui.typeahead)."""
        if self._typeahead is not None:
            event.stop()
            event.prevent_default()
            self._typeahead.append(event)
        elif not hand_over(event, self._typing_into):
            self._typing_into = None
            if event.key in self._opening_keys and not isinstance(self.focused, Input):
                self._typeahead = []
                self.set_timer(TYPEAHEAD_LIMIT, lambda: self.typed_ahead_into(None))

    def typed_ahead_into(self, target: MessagePump | None) -> None:
        """The opening key's input is here (or never came): it gets the keys held back for it, and later ones."""
        held, self._typeahead = self._typeahead or [], None
        self._typing_into = target
        for event in held:
            hand_over(event, target)

    @on(Input.Changed, "#search-input")
    def _search_typed(self, event: Input.Changed) -> None:
        self.state.find(event.value)
        self.redraw(center=True)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        self._typing_into = None
        if message.keep:
            self.state.search_origin = None
        else:
            self.state.cancel_search()
        self.article.focus()
        self.redraw(show=True)

    def action_search_step(self, direction: int) -> None:
        if self.state.search.count:
            self.state.step_search(direction)
            self.redraw(center=True)
        else:
            self.app.bell()

    def action_switch_focus(self) -> None:
        """Tab: article to panel and back; a narrow screen shows the panel while it has focus."""
        tree = self.panel.tree
        if self.panel.has_focus_within or (tree is None and self.panel_open):
            self.article.focus()
            if self.narrow:
                self._show_panel(False)
        else:
            self._show_panel(True)
            if tree is not None:  # while the analysis runs the panel only has its progress to show
                tree.focus()

    def action_toggle_panel(self) -> None:
        """On a narrow screen the panel is an overlay: it takes the focus, so the arrows move in it."""
        self._show_panel(not self.panel_open)
        tree = self.panel.tree
        if not self.panel_open and self.panel.has_focus_within:
            self.article.focus()
        elif self.panel_open and self.narrow and tree is not None:
            tree.focus()
        self.call_after_refresh(self.article.show_cursor)

    def action_clear(self) -> None:
        if self.narrow and self.panel_open:
            self.action_toggle_panel()
            return
        self.state.clear_marks()
        self.redraw(show=True)

    def action_review(self) -> None:
        """The review queue of this article; undo there and here is one history. See reader.tui.screens.review."""
        from reader.tui.screens.review import ReviewScreen, article_loader

        tagging = self.tagging
        load = article_loader(tagging.store, tagging.sha256, lambda: self.state.analysis)

        def back(item: ReviewItem | None) -> None:
            self._apply(lambda: tagging.reload() or "")
            if item is not None:
                self.state.cursor_to(item.start)
                self.redraw(center=True)

        screen = ReviewScreen(
            tagging.store,
            load,
            self.session.config.scale,
            history=tagging.history,
            title=self.state.document.title,
        )
        self.app.push_screen(screen, back)

    def on_side_panel_item_selected(self, message: SidePanel.ItemSelected) -> None:
        item = message.item
        if item.kind == "orphan":
            return  # it has no place in this text: Annotating asks what to do with it
        if item.kind == "speaker":
            self.state.focus_speaker(item.key)
        self.state.select(item.start, item.end)
        if self.narrow and self.panel_open:  # the overlay would hide what it jumped to
            self._show_panel(False)
            self.article.focus()
        self.redraw(center=True)


# The widget classes the reading screen mounts, the panel's tree included: their default CSS goes in
# before the first parse (reader.tui.default_css adds the parts Textual's own widgets mount inside them).
READING_WIDGETS = (
    ReadingScreen,
    Header,
    Horizontal,
    Vertical,
    ArticleView,
    SentenceDetails,
    SidePanel,
    Static,
    PanelTree,
    StatusLine,
    KeyFooter,
)


def _report_panel_ready() -> None:
    """``READER_REPORT_PANEL_READY=path`` gets the wall-clock time the panel was drawn filled and
    whether spaCy was ever imported (the reopen benchmark and its test read both)."""
    import json

    report = {"time": time.time(), "spacy_imported": "spacy" in sys.modules}
    path = os.environ["READER_REPORT_PANEL_READY"]
    write_atomic(Path(path), json.dumps(report) + "\n")  # whoever polls the file never reads half of it
