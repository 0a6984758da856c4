"""Help built from the live bindings of the screen underneath, so it can never drift from the keys.

The App passes the rows of the active bindings (the config's tag keys and the
keymap included) to ``HelpScreen``, which shows them as one table; the command
palette lists the same rows (``reader.tui.commands``), so there is one list of
what each key does and it is the one Textual dispatches from.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.commands import KeyRow


def key_table(rows: list[KeyRow]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("action", ratio=1)
    for row in rows:
        table.add_row(" ".join(row.keys), row.description)
    return table


class HelpBody(VerticalScroll):
    """The key list scrolls with the keys that move through the article (the arrows and page keys work too)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, rows: list[KeyRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with HelpBody(id="help-body"):
            yield Static(Text("Keys", "bold"), id="help-title")
            yield Static(key_table(self.rows), id="help-keys")
            yield Static(Text("Esc, ? or q closes · ctrl+p lists every command", "dim"))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
