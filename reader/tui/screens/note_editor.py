"""The note editor: a modal TextArea over the article, showing the passage the note is about."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.tui.text import inert

QUOTE_CHARS = 240


class NoteEditor(ModalScreen["str | None"]):
    """Dismisses with the text to save (empty removes the note), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "dismiss(None)", "Cancel", id="note.cancel"),
    ]

    def __init__(self, quote: str, note: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.note = note

    def compose(self) -> ComposeResult:
        quote = " ".join(inert(self.quote).split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        with Vertical(id="note-body"):
            yield Static(Text.assemble(("Note on ", "bold"), (f"“{quote}”", "italic")), id="note-quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text("ctrl+s saves · esc cancels · an empty note is removed", "dim"), id="note-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
