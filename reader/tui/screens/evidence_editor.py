"""The evidence form: URL, title, date accessed, the passage relied on, a note. Nothing is fetched.

Checked before it closes (a malformed URL or date is said under the form and
everything typed stays), so a refused record never loses what was typed.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.store.verdicts import Evidence, check_date, check_url

FIELDS = (
    ("url", "URL (https://…)"),
    ("title", "Title"),
    ("accessed", "Date accessed (YYYY-MM-DD)"),
    ("passage", "Passage relied on"),
    ("note", "Note"),
)


class EvidenceEditor(ModalScreen["dict[str, str | None] | None"]):
    """Dismisses with the fields (blank ones None), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save evidence", id="evidence.save"),
        Binding("escape", "cancel", "Cancel", id="evidence.cancel"),
    ]

    def __init__(self, quote: str, current: Evidence | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.current = current

    def compose(self) -> ComposeResult:
        values = {
            "url": self.current.url if self.current else "",
            "title": (self.current.title if self.current else None) or "",
            "accessed": (self.current.accessed if self.current else None) or date.today().isoformat(),
            "passage": (self.current.passage if self.current else None) or "",
            "note": (self.current.note if self.current else None) or "",
        }
        with Vertical(id="evidence-body"):
            verb = "Edit evidence" if self.current else "Evidence"
            yield Static(Text.assemble((f"{verb} for ", "bold"), (f"“{self.quote[:160]}”", "italic")))
            for name, placeholder in FIELDS:
                yield Input(values[name], placeholder=placeholder, id=f"evidence-{name}")
            yield Static("", id="evidence-error")
            yield Static(Text("enter: next field · ctrl+s or enter on the last saves · esc cancels", "dim"))

    def on_mount(self) -> None:
        self.query_one("#evidence-url", Input).focus()

    def values(self) -> dict[str, str | None]:
        return {name: self.query_one(f"#evidence-{name}", Input).value.strip() or None for name, _ in FIELDS}

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id == "evidence-note":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        values = self.values()
        try:
            check_url(values["url"] or "")
            if values["accessed"] is not None:
                check_date(values["accessed"])
        except ValueError as exc:
            self.query_one("#evidence-error", Static).update(Text(str(exc), "bold red"))
            self.notify(str(exc), severity="error", markup=False)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
