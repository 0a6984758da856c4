"""A small modal question answered with one key: "delete this?" or "re-attach or delete this orphan?".

``ChoiceScreen`` binds each choice's key on its own instance (through
``reader.tui.bindings``) and dismisses with that key, or None on Escape;
``confirm`` is the yes/no case. The question is Rich text, so a quoted passage
can stand in italics without any markup from the article being interpreted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.bindings import bind_only


class ChoiceScreen(ModalScreen["str | None"]):
    """Dismisses with the chosen key, or None for Escape. ``choices`` maps a key to what it does."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel")]

    def __init__(self, question: Text | str, choices: dict[str, str], cancel: str = "cancels") -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel = cancel
        for key, label in choices.items():
            bind_only(self, Binding(key, f"choose('{key}')", label))

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-body"):
            yield Static(self.question, id="choice-question")
            hints = Text("  ·  ").join(
                Text.assemble((key, "bold"), f" {label}") for key, label in self.choices.items()
            )
            yield Static(Text.assemble(hints, (f"  ·  esc {self.cancel}", "dim")), id="choice-keys")

    def action_choose(self, key: str) -> None:
        self.dismiss(key)


def confirm(question: Text | str, action: str) -> ChoiceScreen:
    """A yes/no question: dismisses with "y" for yes, None otherwise."""
    return ChoiceScreen(question, {"y": action, "n": "keep"})
