"""The search bar: typing searches as you go; Enter keeps the matches, Escape drops them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    BINDINGS = [Binding("escape", "cancel", "Close search", id="search.cancel")]

    class Closed(Message):
        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield Input(placeholder="search the article", id="search-input", select_on_focus=False)
        yield Label("", id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self) -> None:
        self.display = True
        self.input.value = ""
        self.input.focus()

    def show_count(self, current: int, count: int, query: str) -> None:
        label = f"{current + 1}/{count}" if count else ("no match" if query else "")
        self.query_one("#search-count", Label).update(label)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Closed(keep=True))

    def action_cancel(self) -> None:
        self.display = False
        self.post_message(self.Closed(keep=False))
