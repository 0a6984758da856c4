"""Keys as data: one row per action for the help screen, one palette command per row.

Both come from the live Binding objects of the focused widget, the screen and the
app, so neither can drift from what the keys actually do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from textual.actions import parse as parse_action
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from reader.tui.bindings import node_bindings
from reader.tui.themes import THEME_LABELS

# Textual's default bindings a reader has no use for: the article never scrolls sideways, shift+tab is
# only the way back from the panel that tab already is, the text has no mouse selection to copy, and
# ctrl+p opening the palette is said at the foot of the help.
TEXTUAL_ONLY = frozenset(
    {
        "scroll_left",
        "scroll_right",
        "page_left",
        "page_right",
        "focus_previous",
        "copy_text",
        "command_palette",
    }
)


@dataclass
class KeyRow:
    description: str
    node: DOMNode
    action: str
    keys: list[str] = field(default_factory=list)


def key_rows(pairs: Iterable[tuple[DOMNode, Binding]], key_display: Callable[[Binding], str]) -> list[KeyRow]:
    """One row per (node, action) with a description, every key bound to it merged in."""
    rows: dict[tuple[int, str], KeyRow] = {}
    for node, binding in pairs:
        if not binding.description or binding.action.rpartition(".")[2] in TEXTUAL_ONLY:
            continue
        row = rows.setdefault((id(node), binding.action), KeyRow(binding.description, node, binding.action))
        shown = key_display(binding)
        if shown not in row.keys:
            row.keys.append(shown)
    return list(rows.values())


class ReaderCommands(Provider):
    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        nodes: list[DOMNode] = [
            *self.screen.query("ArticleView"),
            *self.screen.query("SidePanel"),
            self.screen,
            app,
        ]
        entries: list[tuple[str, str, Callable[[], object]]] = [
            (row.description, " ".join(row.keys), partial(app.run_action, row.action, row.node))
            for row in key_rows(node_bindings(nodes), app.get_key_display)
            if row.node.check_action(*parse_action(row.action)[1:]) is not False  # e.g. selection keys
        ]
        for name, label in THEME_LABELS.items():
            entries.append((f"Theme: {label}", "", partial(setattr, app, "theme", name)))
        return entries

    async def discover(self) -> Hits:
        for name, keys, command in self._entries():
            yield DiscoveryHit(name, command, help=keys or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, command in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=keys or None)
