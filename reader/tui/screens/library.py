"""The library: every article with notes or tags, to reopen (from the text the store kept), filter or delete.

``reader`` with no argument starts here; ``L`` on the reading screen comes here
and back. Opening an article replaces the reading screen underneath rather than
stacking screens, so Escape always leads back to exactly one article.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from reader.store import LibraryEntry, Store, StoreError
from reader.tui.host import host
from reader.tui.screens.confirm import confirm
from reader.tui.text import inert, snippet

if TYPE_CHECKING:
    from reader.review import ReviewItem  # the review queue (and its exporters) loads on demand


def when(stamp: str | None) -> str:
    """A stored UTC timestamp as local time to the minute."""
    if not stamp:
        return "never"
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def tag_lines(entry: LibraryEntry) -> list[str]:
    """One tag a line: the column stays narrow enough for 80 columns however many tags there are."""
    return [f"{tag} {count}" for tag, count in entry.tag_counts.items()] or ["—"]


def source_label(entry: LibraryEntry) -> str:
    return entry.sources[0] if entry.sources else "stdin"


def matches(entry: LibraryEntry, query: str) -> bool:
    """Case-insensitive: every word of the query in the title, a source or a tag."""
    haystack = " ".join((entry.title, *entry.sources, *entry.tag_counts)).casefold()
    return all(word in haystack for word in query.casefold().split())


class LibraryScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("d,delete", "delete", "Delete", id="library.delete"),
        Binding("escape", "back", "Back", id="library.back"),
        Binding("L", "back", "Back to the article", show=False, id="library.close"),
        Binding(
            "R", "review", "Review all articles", id="library.review"
        ),  # short: the footer fits 80 columns
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LibraryEntry] = []
        self.title = "Library"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter by title, source or tag", id="library-filter")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-empty")
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    @property
    def store(self) -> Store:
        return host(self).session.store

    def on_mount(self) -> None:
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Counts change while reading: reload whenever the library comes (back) into view."""
        self.reload()

    def reload(self) -> None:
        try:
            self.entries = self.store.library()
        except StoreError as exc:
            self.entries = []
            self.notify(str(exc), severity="error", markup=False)
        host(self).show_notices()  # the store was opened for this list
        self.show()

    def shown(self) -> list[LibraryEntry]:
        query = self.query_one("#library-filter", Input).value
        return [entry for entry in self.entries if matches(entry, query)]

    def show(self) -> None:
        """The article column (title over source) takes what the other columns leave of the width."""
        table = self.table
        table.clear(columns=True)
        width = max(24, min(72, self.app.size.width - 52))
        table.add_column("Article", width=width, key="article")
        table.add_columns("Tags", "Notes", "Last opened")
        for entry in self.shown():
            tags = tag_lines(entry)
            notes = f"{entry.notes}" + (f"\n{entry.orphans} orphaned" if entry.orphans else "")
            article = Text.assemble(
                (snippet(inert(entry.title), width), "bold"),
                "\n",
                (snippet(inert(source_label(entry)), width), "dim"),
            )
            table.add_row(
                article,
                "\n".join(tags),
                notes,
                when(entry.last_opened),
                key=entry.sha256,
                height=max(2, len(tags)),
            )
        empty = self.query_one("#library-empty", Static)
        if not self.entries:
            empty.update(
                "No notes yet. Open an article with `reader PATH|URL|-`, tag sentences with 1-5, write notes with a."
            )
        elif not table.row_count:
            empty.update("Nothing matches the filter.")
        empty.display = not table.row_count
        table.display = bool(table.row_count)

    @on(Input.Changed, "#library-filter")
    def _filtered(self, _event: Input.Changed) -> None:
        self.show()

    @on(Input.Submitted, "#library-filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        """Enter in the filter: the only match opens at once; with more, the list takes the keys."""
        shown = self.shown()
        if len(shown) == 1:
            self.open(shown[0])
        else:
            self.table.focus()

    def action_filter(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc is "back" only when there is somewhere to go: out of the filter, or to the article underneath."""
        if action == "back" and len(self.app.screen_stack) <= 1:
            return self.query_one("#library-filter", Input).has_focus and self.table.display
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Leave the filter; else go back to the article underneath (the library at the bottom stays)."""
        if self.query_one("#library-filter", Input).has_focus and self.table.display:
            self.table.focus()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.bell()

    def selected(self) -> LibraryEntry | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((entry for entry in self.entries if entry.sha256 == key), None)

    @on(DataTable.RowSelected, "#library-table")
    def _open(self, _event: DataTable.RowSelected) -> None:
        entry = self.selected()
        if entry is not None:
            self.open(entry)

    def action_review(self) -> None:
        """What is still to decide in every article; Enter opens the article at that sentence."""
        from reader.tui.screens.review import ReviewScreen, library_loader

        store = self.store

        def back(item: ReviewItem | None) -> None:
            self.reload()
            if item is not None:
                store.set_position(item.sha256, item.start)
                host(self).open_article(item.sha256)

        scale = host(self).session.config.scale
        screen = ReviewScreen(store, library_loader(store), scale, title="Review queue: library", across=True)
        self.app.push_screen(screen, back)

    def open(self, entry: LibraryEntry) -> None:
        host(self).open_article(entry.sha256)

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is None:
            self.app.bell()
            return

        def answered(answer: str | None) -> None:
            if answer != "y":
                return
            try:
                self.store.delete_document(entry.sha256)
            except StoreError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.notify(f"Deleted the notes of “{snippet(inert(entry.title), 40)}”", timeout=3, markup=False)
            self.reload()

        count = entry.annotations
        question = Text.assemble(
            "Delete ",
            (f"“{snippet(inert(entry.title), 60)}”", "bold"),
            f" and its {count} note(s) and tag(s)? This cannot be undone.\n",
            (f"from {snippet(inert(source_label(entry)), 60)}, last opened {when(entry.last_opened)}", "dim"),
        )
        self.app.push_screen(confirm(question, "delete"), answered)
