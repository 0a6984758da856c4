"""The side panel: one tree whose top-level branches are sections, each built by a Section class.

A new section (Notes, in the next issue) is one more Section subclass in
SECTIONS; the panel, its keys and its messages stay as they are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from reader.tui.highlights import AnalysisIndex, number_value, speaker_name
from reader.tui.text import inert

SNIPPET = 60
PROGRESS_CELLS = 24


@dataclass(frozen=True)
class PanelItem:
    """What a tree node points at: a span to show, or a speaker whose quotes light up."""

    kind: str  # speaker | quote | number | claim | check
    key: str
    start: int
    end: int


Node = TreeNode["PanelItem | None"]


def snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(inert(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Section:
    """One branch of the panel. ``build`` fills it and returns the count shown in its title."""

    title = ""
    layer: str | None = None

    def build(self, node: Node, index: AnalysisIndex) -> int:
        raise NotImplementedError


class SpeakersSection(Section):
    title = "Speakers"
    layer = "speakers"

    def build(self, node: Node, index: AnalysisIndex) -> int:
        for speaker in index.analysis.speakers:
            quotes = index.quotes_by_speaker.get(speaker.id, [])
            role = f", {snippet(speaker.role, 30)}" if speaker.role and speaker.name else ""
            first = quotes[0] if quotes else (speaker.mentions[0] if speaker.mentions else None)
            item = PanelItem("speaker", speaker.id, first.start, first.end) if first else None
            label = Text.assemble(snippet(speaker_name(speaker), 36), (role, "dim"), f" ({len(quotes)})")
            branch = node.add(label, data=item, allow_expand=bool(quotes))
            for quote in quotes:
                branch.add_leaf(f"❝ {snippet(quote.text)}", data=PanelItem("quote", quote.id, quote.start, quote.end))
        unattributed = index.quotes_by_speaker.get(None, [])
        if unattributed:
            branch = node.add(Text(f"unattributed ({len(unattributed)})", "italic"), data=None)
            for quote in unattributed:
                branch.add_leaf(f"❝ {snippet(quote.text)}", data=PanelItem("quote", quote.id, quote.start, quote.end))
        return len(index.analysis.speakers)


class NumbersSection(Section):
    title = "Numbers"
    layer = "numbers"

    def build(self, node: Node, index: AnalysisIndex) -> int:
        groups: dict[str, list] = defaultdict(list)
        for number in index.analysis.numbers:
            groups[number.group or number.id].append(number)
        for members in groups.values():
            first = members[0]
            label = Text.assemble((number_value(first), "bold"), f"  {first.kind}")
            item = PanelItem("number", first.id, first.start, first.end)
            if len(members) == 1:
                label.append(f"  “{snippet(first.text, 30)}”", "dim")
                node.add_leaf(label, data=item)
                continue
            label.append(f"  ×{len(members)}", "dim")
            branch = node.add(label, data=item)
            for number in members:
                branch.add_leaf(f"“{snippet(number.text, 40)}”", data=PanelItem("number", number.id, number.start, number.end))
        return len(index.analysis.numbers)


class ClaimsSection(Section):
    title = "Claims"
    layer = "claims"

    def build(self, node: Node, index: AnalysisIndex) -> int:
        by_category: dict[str, list] = defaultdict(list)
        for claim in index.analysis.claims:
            by_category[claim.category].append(claim)
        for category, claims in by_category.items():
            branch = node.add(Text(f"{category.replace('_', ' ')} ({len(claims)})", "bold"), data=None)
            for claim in claims:
                item = PanelItem("claim", claim.id, claim.start, claim.end)
                leaf = branch.add(f"? {snippet(claim.text)}", data=item, allow_expand=bool(claim.explanation))
                if claim.explanation:
                    leaf.add_leaf(Text(snippet(claim.explanation, 200), "italic"), data=item)
        return len(index.analysis.claims)


class ChecksSection(Section):
    title = "Checks"
    layer = "checks"

    def build(self, node: Node, index: AnalysisIndex) -> int:
        for number, check in enumerate(index.analysis.checks):
            first = check.spans[0] if check.spans else None
            item = PanelItem("check", f"k{number}", first.start, first.end) if first else None
            branch = node.add(f"! {snippet(check.message)}", data=item, allow_expand=len(check.spans) > 1)
            for span in check.spans:
                branch.add_leaf(f"“{snippet(span.text, 40)}”", data=PanelItem("check", f"k{number}", span.start, span.end))
        return len(index.analysis.checks)


SECTIONS: tuple[type[Section], ...] = (SpeakersSection, NumbersSection, ClaimsSection, ChecksSection)


class PanelTree(Tree["PanelItem | None"]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up"),
    ]


class SidePanel(Vertical):
    """Loading state, then the sections; posts ItemSelected when the reader picks an item."""

    class ItemSelected(Message):
        def __init__(self, item: PanelItem) -> None:
            super().__init__()
            self.item = item

    def compose(self) -> ComposeResult:
        # The tree is mounted when the analysis arrives: less to style before the first frame.
        yield Static("Analysing…", id="panel-status")

    @property
    def tree(self) -> PanelTree | None:
        trees = self.query(PanelTree)
        return trees.first() if trees else None

    def show_progress(self, percent: int) -> None:
        filled = percent * PROGRESS_CELLS // 100
        bar = "█" * filled + "░" * (PROGRESS_CELLS - filled)
        self.query_one("#panel-status", Static).update(f"Analysing… {percent}%\n{bar}")

    def show_error(self, message: str) -> None:
        status = self.query_one("#panel-status", Static)
        status.update(Text(f"Analysis failed: {inert(message)}\nThe article stays readable.", "bold"))
        status.add_class("-error")

    def show_analysis(self, index: AnalysisIndex) -> None:
        status = self.query_one("#panel-status", Static)
        warnings = "; ".join(inert(warning) for warning in index.analysis.warnings)
        status.update(Text(warnings, "italic") if warnings else "")
        status.display = bool(warnings)
        tree = self.tree
        if tree is None:
            tree = PanelTree("Analysis", id="panel-tree")
            tree.show_root = False
            self.mount(tree)
        tree.clear()
        for section in SECTIONS:
            branch = tree.root.add(section.title, expand=True)
            count = section().build(branch, index)
            branch.set_label(Text(f"{section.title} ({count})", "bold"))
        tree.cursor_line = 0

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if isinstance(event.node.data, PanelItem):
            self.post_message(self.ItemSelected(event.node.data))
