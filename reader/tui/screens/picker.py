"""A list to pick from: a feed's entries (title, date, outlet), a web archive's pages (URL, date), the
followed feeds (title, source, since when).

Enter opens the row over the list: an article in the reader, or a followed feed's own list of entries.
What the row opens is made in a worker thread: a feed entry that only links to its article fetches
the page, a followed feed is read again from its URL, and neither must freeze the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header
from textual.worker import Worker, WorkerState

from reader.intake import Document, InputError
from reader.intake.feeds import Feed, carries_article, entry_document, load_feed
from reader.store.feeds import FollowedFeed
from reader.tui.text import inert
from reader.tui.widgets.panel import snippet


@dataclass(frozen=True)
class Picker:
    title: str
    source: str
    columns: tuple[str, ...]  # the first one takes the width the others leave
    rows: list[tuple[str, ...]]
    open_row: Callable[[int], Document | Picker]  # runs in a worker thread
    empty: str


def feed_picker(feed: Feed, max_bytes: int) -> Picker:
    """An entry that only links to its page is marked ↗: opening it fetches the page."""
    rows = [
        (entry.title + ("" if carries_article(entry) else " ↗"), entry.date or "—", entry.outlet)
        for entry in feed.entries
    ]
    return Picker(
        title=feed.title,
        source=feed.source,
        columns=("Entry", "Date", "Outlet"),
        rows=rows,
        open_row=lambda n: entry_document(feed, feed.entries[n], max_bytes=max_bytes),
        empty="The feed has no entries",
    )


def followed_picker(feeds: list[FollowedFeed], max_bytes: int) -> Picker:
    """The feeds ``reader feed --add`` remembered; Enter reads the feed now and lists its entries."""
    return Picker(
        title="Followed feeds",
        source="reader feed --add URL|FILE follows one",
        columns=("Feed", "Source", "Since"),
        rows=[(feed.title, feed.source, feed.added[:10]) for feed in feeds],
        open_row=lambda n: feed_picker(load_feed(feeds[n].source, max_bytes=max_bytes), max_bytes),
        empty="No feeds followed yet: reader feed --add URL|FILE",
    )


def archive_picker(path: Path, pages: list) -> Picker:  # list[reader.intake.warc.Response]
    from reader.intake import warc

    return Picker(
        title=path.name,
        source=str(path),
        columns=("Page", "Captured"),
        rows=[(page.url, page.date or "—") for page in pages],
        open_row=lambda n: warc.document(path, pages[n]),
        empty="The archive holds no HTML pages",
    )


class PickerScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", "Back", id="picker.back")]

    def __init__(self, picker: Picker) -> None:
        super().__init__()
        self.picker = picker
        self.title = inert(picker.title)
        self.sub_title = inert(picker.source)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="picker-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        table = self.table
        first, *others = self.picker.columns
        width = max(24, self.app.size.width - 24 * len(others) - 4)
        table.add_column(first, width=width, key="first")
        table.add_columns(*others)
        for number, (head, *rest) in enumerate(self.picker.rows):
            cells = [snippet(inert(cell), 22) for cell in rest]
            table.add_row(Text(snippet(inert(head), width)), *cells, key=str(number))
        table.focus()
        if not self.picker.rows:
            self.notify(self.picker.empty, severity="warning", markup=False)

    @on(DataTable.RowSelected, "#picker-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.open_picked(int(event.row_key.value or 0))

    @work(thread=True, exclusive=True, exit_on_error=False, group="picked")
    def open_picked(self, number: int) -> Document | Picker:
        return self.picker.open_row(number)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "picked":
            return
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, Picker):
            self.app.push_screen(PickerScreen(result))
        elif event.state == WorkerState.SUCCESS and isinstance(result, Document):
            self.app.push_screen(self.app.reading_screen(result))  # type: ignore[attr-defined]
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            line = str(error) if isinstance(error, InputError) else f"{type(error).__name__}: {error}"
            self.notify(line, severity="error", timeout=10, markup=False)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
