"""The note editor: a modal TextArea over the article, showing the passage the note is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.tui.text import snippet
from reader.tui.typeahead import hand_over

QUOTE_CHARS = 240


class NoteText(TextArea):
    """Saves on ctrl+s and cancels on Escape in its own key handler, not through bindings: Textual checks
    bindings only when the key has bubbled up to the app, so letters typed right after ctrl+s (a tag
    key, say) would reach the text first and end up in the note."""

    CLOSING_KEYS: ClassVar[dict[str, str]] = {"ctrl+s": "save", "escape": "cancel"}

    async def _on_key(self, event: events.Key) -> None:
        action = self.CLOSING_KEYS.get(event.key)
        if action is None:
            return  # TextArea's own handler (next in the MRO) types it
        event.stop()
        event.prevent_default()
        editor = self.screen
        assert isinstance(editor, NoteEditor)
        if action == "save":
            editor.finish(self.text)
        else:
            editor.cancel()


class NoteEditor(ModalScreen["str | None"]):
    """Dismisses with the text to save (empty removes the note), or None when cancelled.

    Typed text is never dropped without asking: Escape on a changed note asks whether to save or
    discard it, and an editor closed with the app (ctrl+q, a crash) hands its text to ``keep``.
    """

    def __init__(self, quote: str, note: str = "", keep: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.note = note
        self._keep = keep
        self._settled = False
        self.draft = note  # the text as typed, kept here too: the text area is gone once this unmounts

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.draft = event.text_area.text

    def finish(self, text: str | None) -> None:
        self._settled = True
        self.dismiss(text)

    def cancel(self) -> None:
        """Escape: close at once when nothing was typed; otherwise ask (Escape again keeps editing)."""
        if self.draft == self.note:
            self.finish(None)
            return
        from reader.tui.screens.confirm import ChoiceScreen

        def chosen(key: str | None) -> None:
            if key == "s":
                self.finish(self.draft)
            elif key == "d":
                self.finish(None)

        question = Text.assemble(("This note has changes", "bold"), "\nSave them, or discard what you typed?")
        choices = {"s": "save the note", "d": "discard the changes"}
        self.app.push_screen(ChoiceScreen(question, choices, cancel="keep editing"), chosen)

    def on_unmount(self) -> None:
        """Closed without an answer (the app quit while editing): the text typed is kept, not lost."""
        if not self._settled and self._keep is not None and self.draft != self.note:
            self._keep(self.draft)

    def compose(self) -> ComposeResult:
        quote = snippet(self.quote, QUOTE_CHARS)
        with Vertical(id="note-body"):
            yield Static(Text.assemble(("Note on ", "bold"), (f"“{quote}”", "italic")), id="note-quote")
            yield NoteText(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                Text("ctrl+s saves · esc closes (asks first if you typed) · an empty note is removed", "dim"),
                id="note-hint",
            )

    def on_key(self, event: events.Key) -> None:
        """Keys typed right after ``a``, before the text area has focus, are the note's."""
        areas = self.query(NoteText)
        if areas:
            hand_over(event, areas.first())

    def on_mount(self) -> None:
        area = self.query_one(NoteText)
        area.focus()
        area.move_cursor(area.document.end)
