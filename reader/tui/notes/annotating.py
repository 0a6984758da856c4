"""The reading screen's tagging side: tag keys, notes, span selection, undo, export, library, autosave.

A mixin of ReadingScreen, so the screen stays one class while this lives in its
own module: ReadingScreen lists ANNOTATION_BINDINGS in its BINDINGS and inherits
the actions and the handlers (Textual calls a handler on every class of the MRO,
the screen's own first). The store work itself is reader.tui.notes.tagging.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from reader.store import StoreError
from reader.tui.bindings import add_bindings
from reader.tui.host import host
from reader.tui.notes.branch import NotesBranch
from reader.tui.text import snippet
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.panel import SidePanel

if TYPE_CHECKING:
    from reader.store import Opened
    from reader.tui.notes.tagging import (
        Tagging,
    )  # loads with the store, after the first frame (its History too)
    from reader.tui.session import Session
    from reader.tui.state import ReadingState

POSITION_DELAY = 0.75  # seconds of stillness before the reading position is saved (and always on leaving)

SELECTION_BINDINGS = [
    Binding(
        "j,down", "extend('sentence', 1)", "Select to sentence end", show=False, id="select.sentence_down"
    ),
    Binding("k,up", "extend('sentence', -1)", "Select back a sentence", show=False, id="select.sentence_up"),
    Binding("l,w,right", "extend('word', 1)", "Select next word", show=False, id="select.word_right"),
    Binding("h,b,left", "extend('word', -1)", "Select back a word", show=False, id="select.word_left"),
    Binding("escape", "cancel_selection", "Cancel selection", show=False, id="select.cancel"),
]
ANNOTATION_BINDINGS = [
    Binding("a", "note", "Note on sentence/selection", show=False, id="notes.note"),
    Binding("v", "select", "Select a span to tag", show=False, id="notes.select"),
    Binding("u", "remove", "Remove tag/note here", show=False, id="notes.remove"),
    Binding("U,ctrl+z", "undo", "Undo", show=False, id="notes.undo"),
    Binding("ctrl+y,ctrl+r", "redo", "Redo", show=False, id="notes.redo"),
    Binding("e", "export('md')", "Export notes as Markdown", show=False, id="notes.export_md"),
    Binding("E", "export('json')", "Export notes as JSON", show=False, id="notes.export_json"),
    Binding("L", "library", "Library", show=False, id="notes.library"),
]


def key_characters(*owners: type[DOMNode]) -> set[str]:
    """The printable characters bound by these classes and their bases, and the selection keys (bound to
    each reading screen while it selects): what the config's tag keys must avoid."""
    bindings = [*SELECTION_BINDINGS]
    for owner in owners:
        for cls in owner.__mro__:
            bindings += cls.__dict__.get("BINDINGS", [])
    characters = (key_to_character(binding.key) for binding in Binding.make_bindings(bindings))
    return {character for character in characters if character is not None}


class Annotating:
    """Mixed into ReadingScreen (which provides state, article, panel, redraw and Screen itself).

    The article's notes come from the store, which opens only after the first frame (see
    reader.tui.session): ``tagging`` opens it sooner if a key needs it first, so a tag is never lost.
    """

    state: ReadingState
    _tagging: Tagging | None = None
    _notes: NotesBranch
    _position_timer: Timer | None = None
    _hidden = False  # suspended under another screen
    _tags: tuple[str, ...] = ()

    # -- start and finish -------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return host(self).session

    def on_mount(self) -> None:
        """After ReadingScreen.on_mount: the tag keys from the config (the store waits for the first frame)."""
        config = self.session.config
        self._tags = tuple(config.tag_keys.values())
        tag_bindings = [
            Binding(key, f"tag({number})", f"Tag: {tag}", show=False, id=f"tag.{key}")
            for number, (key, tag) in enumerate(config.tag_keys.items())
        ]
        # Per-screen bindings (the tag keys from the config, the selection keys) before the class's own:
        # a selection key is tried first and, disabled outside a selection, passes the key on (escape).
        add_bindings(self, [*tag_bindings, *SELECTION_BINDINGS])  # type: ignore[arg-type]
        self._notes = NotesBranch(self.query_one(SidePanel))

    @property
    def tagging(self) -> Tagging:
        """The article in the store, opened on first use: after the first frame, or sooner for a key."""
        if self._tagging is None:
            self._open_notes()
        assert self._tagging is not None
        return self._tagging

    def _open_notes(self) -> None:
        """Open the article in the store and restore its notes, tags and reading position."""
        from reader.tui.notes.tagging import Tagging

        self._tagging = Tagging(self.session.store, self.state)
        try:
            opened = self._tagging.open()
        except (StoreError, ValueError) as exc:
            message = f"{exc}: notes cannot be saved for this article"
            self.notify(message, severity="error", timeout=10, markup=False)
        else:
            self._report_reopen(opened)
        self.redraw(center=True)
        self.call_after_refresh(self.article.show_cursor, center=True)
        if self.state.index is not None or self._tagging.marked.items or self._tagging.orphans:
            self._show_notes()
        self._show_notices()

    def _report_reopen(self, opened: Opened) -> None:
        if opened.reanchored_from is None:
            return
        lost = len(opened.orphaned)
        message = f"The text changed since last time: {opened.moved} note(s) followed it"
        if lost:
            message += f", {lost} could not be placed (listed as orphaned under Notes)"
        self.notify(message, severity="warning" if lost else "information", timeout=8, markup=False)

    def on_article_view_painted(self, _message: ArticleView.Painted) -> None:
        """The text is on the screen: now open the store and put the notes and the position back.

        When ReadingScreen put a cached analysis in the panel (on_article_view_drawn), the panel's frame goes
        out first, for registering the article in the store writes to it, and SQLite syncs its new log
        file (and folder) to disk on the first write: 10-25 ms on a loaded machine (issue 22). A key that
        needs the notes before then opens them at once (``tagging``)."""
        if self._tagging is None and self.state.analysis is not None:
            # Asked of the article, whose repaint is queued ahead: asked of the screen, it could run on the
            # screen's idle before the screen heard the article was dirty, i.e. before that frame.
            self.article.call_after_refresh(self._open_notes_once)
        elif self._tagging is None:
            self._open_notes()

    def _open_notes_once(self) -> None:
        if self._tagging is None:
            self._open_notes()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """After ReadingScreen's handler rebuilt the panel (or gave up): put Notes back at its top."""
        if event.worker.group == "analysis" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._show_notes()

    def on_screen_resume(self) -> None:
        """Back from the library, where this very article may have been deleted: register it afresh."""
        self._hidden = False
        tagging = self._tagging
        if tagging is None or self.session.store.document(tagging.sha256) is not None:
            return
        from reader.tui.notes.tagging import Tagging

        self._tagging = Tagging(self.session.store, self.state)
        self._tagging.open()
        self.redraw()
        self._show_notes()

    def keep_position(self) -> None:
        """The cursor moved (ReadingScreen.redraw): save where it is once it has been still a moment."""
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._save_position)

    def on_screen_suspend(self) -> None:
        """Another screen on top (the library, an editor): save now, and not again when unmounted while
        hidden, which would put back a position older than one saved by a newer screen of the same text."""
        self._hidden = True
        self._flush_position()

    def on_unmount(self) -> None:
        if not self._hidden:
            self._flush_position()

    def _flush_position(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._save_position()

    def _save_position(self) -> None:
        self._position_timer = None
        if self._tagging is None:
            return  # the store never opened: the position is still the one it holds
        import sqlite3  # loaded by the store, which is open by now

        try:
            self._tagging.save_position()
        except (StoreError, ValueError, sqlite3.Error):
            pass  # not stored: the store failed when it opened (and said so), or the library just deleted it

    # -- showing changes --------------------------------------------------------------------

    def _show_notes(self) -> None:
        if self._tagging is not None:
            self._notes.show(self._tagging.marked, self._tagging.orphans, self.session.config.scale)

    def _show_notices(self) -> None:
        host(self).show_notices()

    def _apply(self, work: Callable[[], str | None], nothing: str = "") -> None:
        """Run one store action and show its result only once it returned (it is committed by then).

        ``work`` returns what to say, or None when there was nothing to do (then a bell and ``nothing``).
        """
        message: str | None = None
        try:
            message = work()
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
        except (KeyError, ValueError) as exc:
            gone = isinstance(exc, KeyError)
            self.notify(
                "That note was removed elsewhere" if gone else f"Not done: {exc}",
                severity="warning",
                markup=False,
            )
            self.tagging.reload()
        else:
            if message is None:
                self.app.bell()
                if nothing:
                    self.notify(nothing, timeout=2, markup=False)
        self.redraw(show=True)
        self._show_notes()
        self._show_notices()
        self.refresh_bindings()
        if message:
            self.notify(message, timeout=2, markup=False)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("extend", "cancel_selection"):
            return self.state.selection is not None
        return super().check_action(action, parameters)  # type: ignore[misc]

    def action_tag(self, number: int) -> None:
        tag = self._tags[number]
        self._apply(lambda: self.tagging.tag(tag), "Nothing to tag here")

    def action_note(self) -> None:
        span, note = self.tagging.note_target()
        if span[0] >= span[1]:
            self.typed_ahead_into(None)
            self.app.bell()
            return

        def saved(text: str | None) -> None:
            if text is not None:
                self._apply(lambda: self.tagging.save_note(span, text))

        from reader.tui.screens.note_editor import NoteEditor

        def keep(text: str) -> None:
            """The app quits while the note is open: save what was typed (the store is still open)."""
            try:
                self.tagging.save_note(span, text)
            except (StoreError, KeyError, ValueError):
                pass  # the store could not take it; quitting with notes in memory only asked first

        editor = NoteEditor(self.state.document.text[span[0] : span[1]], note, keep)
        self.app.push_screen(editor, saved)
        self.typed_ahead_into(editor)  # keys typed right after ``a`` are the note's

    def action_remove(self) -> None:
        self._apply(self.tagging.remove, "No tag or note here to remove")

    def action_undo(self) -> None:
        self._apply(self.tagging.undo, "Nothing to undo")

    def action_redo(self) -> None:
        self._apply(self.tagging.redo, "Nothing to redo")

    def action_select(self) -> None:
        """``v`` starts a selection at the cursor sentence's first word (again: cancel it)."""
        if self.tagging.selection is not None:
            self.action_cancel_selection()
            return
        self.article.focus()
        self.tagging.begin_selection()
        self.redraw(show=True)
        self.refresh_bindings()

    def action_extend(self, unit: str, delta: int) -> None:
        self.tagging.extend(unit, delta)
        self.redraw(show=True)

    def action_cancel_selection(self) -> None:
        self.tagging.end_selection()
        self.redraw()
        self.refresh_bindings()

    def action_export(self, fmt: str) -> None:
        from reader.export import ExportError

        try:
            path = self.tagging.export(fmt)
        except (ExportError, StoreError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error", timeout=10, markup=False)
            return
        if self.app.is_web:  # `reader serve`: to the reader's browser, not only the server's disk
            self.app.deliver_text(path, encoding="utf-8")
            self.notify(f"Downloading {path.name}", title="Export", timeout=8, markup=False)
            return
        self.notify(f"Exported to {path}", title="Export", timeout=8, markup=False)

    def action_library(self) -> None:
        """Over this article (Escape comes back to it); opening another one from there replaces this screen."""
        host(self).open_library()

    # -- orphans ----------------------------------------------------------------------------

    def on_side_panel_item_selected(self, message: SidePanel.ItemSelected) -> None:
        if message.item.kind != "orphan":
            return
        from reader.tui.notes.tagging import describe
        from reader.tui.screens.confirm import ChoiceScreen, confirm

        orphan = self.tagging.orphan(message.item.key)
        if orphan is None:
            return
        target = self.tagging.target()
        here = snippet(self.state.document.text[target[0] : target[1]], 50)
        question = Text.assemble(
            ("Orphaned ", "bold"),
            describe(orphan),
            "\n",
            (f"was on “{snippet(orphan.anchor.exact, 120)}”", "italic"),
            *((f"\nnote: {snippet(orphan.note, 160)}",) if orphan.note else ()),
        )
        choices = {"r": f"re-attach to “{here}”", "d": "delete"}

        def chosen(key: str | None) -> None:
            if key == "r":
                self._apply(lambda: self.tagging.reattach(orphan.id))
            elif key == "d":
                question = Text.assemble("Delete the orphaned ", describe(orphan), "?")
                self.app.push_screen(confirm(question, "delete it"), confirmed)

        def confirmed(answer: str | None) -> None:
            if answer == "y":
                self._apply(lambda: self.tagging.delete(orphan.id))

        self.app.push_screen(ChoiceScreen(question, choices), chosen)
