"""A feed's entries (title, date, outlet) to pick from; Enter opens one in the reader, Escape comes back.

The entry's document is made in a worker thread: an entry that only links to its
article fetches the page, which must not freeze the list.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header
from textual.worker import Worker, WorkerState

from reader.intake import Document, InputError
from reader.intake.feeds import Entry, Feed, carries_article, entry_document
from reader.tui.text import inert
from reader.tui.widgets.panel import snippet


class FeedScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", "Back", id="feed.back")]

    def __init__(self, feed: Feed, *, max_bytes: int) -> None:
        super().__init__()
        self.feed = feed
        self._max_bytes = max_bytes
        self.title = inert(feed.title)
        self.sub_title = inert(feed.source)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="feed-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        table = self.table
        width = max(24, self.app.size.width - 36)
        table.add_column("Entry", width=width, key="entry")
        table.add_columns("Date", "Outlet")
        for number, entry in enumerate(self.feed.entries):
            offline = "" if carries_article(entry) else " ↗"
            table.add_row(
                Text(snippet(inert(entry.title), width - 2) + offline),
                entry.date or "—",
                snippet(inert(entry.outlet), 20),
                key=str(number),
            )
        table.focus()
        if not self.feed.entries:
            self.notify("The feed has no entries", severity="warning", markup=False)

    def selected(self) -> Entry | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.feed.entries[int(key or 0)]

    @on(DataTable.RowSelected, "#feed-table")
    def _open(self, _event: DataTable.RowSelected) -> None:
        entry = self.selected()
        if entry is not None:
            if not carries_article(entry):
                self.notify(f"Fetching {entry.link}", timeout=3, markup=False)
            self.make_document(entry)

    @work(thread=True, exclusive=True, exit_on_error=False, group="feed-entry")
    def make_document(self, entry: Entry) -> Document:
        return entry_document(self.feed, entry, max_bytes=self._max_bytes)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "feed-entry":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Document):
            self.app.push_screen(self.app.reading_screen(event.worker.result))  # type: ignore[attr-defined]
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            line = str(error) if isinstance(error, InputError) else f"{type(error).__name__}: {error}"
            self.notify(line, severity="error", timeout=10, markup=False)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
