"""The side panel: one tree whose top-level branches are sections, each built by a Section class.

A section turns the analysis into plain Entry objects; the panel adds tree nodes
for them a page at a time (children when a branch is first expanded, a "more"
node for the next page), so a book-length analysis with tens of thousands of
items opens as fast as a short one. A new section (Notes, in the next issue) is
one more Section subclass in SECTIONS.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from reader.intake.document import Document
from reader.labels import category_label, kind_label, number_value, speaker_name
from reader.tui.highlights import AnalysisIndex
from reader.tui.text import inert, snippet

PROGRESS_CELLS = 24
PAGE = 100  # tree nodes added at once; the rest wait behind a "more" node


@dataclass(frozen=True)
class PanelItem:
    """What a tree node points at: a span to show, or a speaker whose quotes light up."""

    kind: str  # chapter | speaker | quote | number | claim | check
    key: str
    start: int
    end: int


@dataclass
class Entry:
    """One row of a section, with the rows under it (added to the tree on first expand)."""

    label: Text | str | tuple  # a tuple is Text.assemble parts, built only if the row is shown
    item: PanelItem | None = None
    children: list[Entry] = field(default_factory=list)


@dataclass
class Pending:
    """Node data for entries not yet in the tree: a branch's children or the next page."""

    entries: list[Entry]
    start: int = 0
    item: PanelItem | None = None


Node = TreeNode["PanelItem | Pending | None"]


class Section:
    """One branch of the panel: its title and its entries for an analysis."""

    title = ""
    layer: str | None = None

    def entries(self, index: AnalysisIndex) -> list[Entry]:
        raise NotImplementedError

    def count(self, index: AnalysisIndex) -> int:
        """The number in the section's title (items, not rows: numbers are grouped, claims by category)."""
        raise NotImplementedError


class SpeakersSection(Section):
    title = "Speakers"
    layer = "speakers"

    def count(self, index: AnalysisIndex) -> int:
        """Speakers as listed: unnamed ones with the same label are one entry."""
        return len(index.speaker_groups)

    def entries(self, index: AnalysisIndex) -> list[Entry]:
        rows = []
        for key, members in index.speaker_groups.items():
            speaker = members[0]
            quotes = index.group_quotes(key)
            role = f", {snippet(speaker.role, 30)}" if speaker.role and speaker.name else ""
            mentions = [mention for member in members for mention in member.mentions]
            first = quotes[0] if quotes else min(mentions, key=lambda span: span.start, default=None)
            item = PanelItem("speaker", key, first.start, first.end) if first else None
            times = (f" ×{len(members)}", "dim") if len(members) > 1 else ""
            label = (snippet(speaker_name(speaker), 36), (role, "dim"), times, f" ({len(quotes)})")
            rows.append(Entry(label, item, [_quote_entry(quote) for quote in quotes]))
        unattributed = index.quotes_by_speaker.get(None, [])
        if unattributed:
            label = Text(f"unattributed ({len(unattributed)})", "italic")
            rows.append(Entry(label, None, [_quote_entry(quote) for quote in unattributed]))
        return rows


def _quote_entry(quote) -> Entry:  # noqa: ANN001 - a model Quote
    return Entry(f"❝ {snippet(quote.text)}", PanelItem("quote", quote.id, quote.start, quote.end))


class NumbersSection(Section):
    title = "Numbers"
    layer = "numbers"

    def count(self, index: AnalysisIndex) -> int:
        return len(index.analysis.numbers)

    def entries(self, index: AnalysisIndex) -> list[Entry]:
        groups: dict[str, list] = defaultdict(list)
        for number in index.analysis.numbers:
            groups[number.group or number.id].append(number)
        rows = []
        for members in groups.values():
            first = members[0]
            value = ((number_value(first), "bold"), f"  {kind_label(first.kind)}")
            item = PanelItem("number", first.id, first.start, first.end)
            if len(members) == 1:
                rows.append(Entry((*value, (f"  “{snippet(first.text, 30)}”", "dim")), item))
                continue
            label = (*value, (f"  ×{len(members)}", "dim"))
            children = [
                Entry(
                    f"“{snippet(number.text, 40)}”", PanelItem("number", number.id, number.start, number.end)
                )
                for number in members
            ]
            rows.append(Entry(label, item, children))
        return rows


class ClaimsSection(Section):
    title = "Claims"
    layer = "claims"

    def count(self, index: AnalysisIndex) -> int:
        return len(index.analysis.claims)

    def entries(self, index: AnalysisIndex) -> list[Entry]:
        by_category: dict[str, list] = defaultdict(list)
        for claim in index.analysis.claims:
            by_category[claim.category].append(claim)
        rows = []
        for category, claims in by_category.items():
            children = []
            for claim in claims:
                item = PanelItem("claim", claim.id, claim.start, claim.end)
                why = (
                    [Entry(((snippet(claim.explanation, 200), "italic"),), item)] if claim.explanation else []
                )
                children.append(Entry(f"? {snippet(claim.text)}", item, why))
            rows.append(Entry(Text(f"{category_label(category)} ({len(claims)})", "bold"), None, children))
        return rows


class ChecksSection(Section):
    title = "Checks"
    layer = "checks"

    def count(self, index: AnalysisIndex) -> int:
        return len(index.analysis.checks)

    def entries(self, index: AnalysisIndex) -> list[Entry]:
        rows = []
        for number, check in enumerate(index.analysis.checks):
            spans = [
                Entry(f"“{snippet(span.text, 40)}”", PanelItem("check", f"k{number}", span.start, span.end))
                for span in check.spans
            ]
            item = spans[0].item if spans else None
            rows.append(Entry(f"! {snippet(check.message)}", item, spans if len(spans) > 1 else []))
        return rows


SECTIONS: tuple[type[Section], ...] = (SpeakersSection, NumbersSection, ClaimsSection, ChecksSection)


@dataclass
class Branch:
    """One top-level branch of the panel: its bold title and its rows."""

    title: Text
    entries: list[Entry]


def branches(index: AnalysisIndex, document: Document | None = None) -> list[Branch]:
    """The panel's branches for an analysis, the book's contents first when it has chapters.

    Plain data, so a worker builds them (for a book, a second of work) and the screen only adds the
    first page of each to the tree.
    """
    found = []
    contents = contents_entries(document) if document is not None else []
    if contents:
        found.append(Branch(Text(f"Contents ({len(contents)})", "bold"), contents))
    for kind in SECTIONS:
        section = kind()
        found.append(
            Branch(Text(f"{section.title} ({section.count(index)})", "bold"), section.entries(index))
        )
    return found


def contents_entries(document: Document) -> list[Entry]:
    """A book's chapters (EPUB sections), each a jump to its first paragraph."""
    rows = []
    for number, section in enumerate(document.sections):
        paragraph = document.paragraphs[section.paragraph]
        item = PanelItem("chapter", f"c{number}", paragraph.start, paragraph.end)
        rows.append(Entry(f"§ {snippet(section.title)}", item))
    return rows


class PanelTree(Tree["PanelItem | Pending | None"]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up"),
    ]

    def __init__(self) -> None:
        # The hidden root's label as Text: a str is read as markup, which loads Rich's emoji table
        # (10 ms on the panel's first fill, between a reopened article's first frame and its panel; issue 22).
        super().__init__(Text("Analysis"), id="panel-tree")
        self.show_root = False

    def _on_resize(self, event: events.Resize) -> None:
        """Textual's Tree throws its lines away and asks for another layout on every resize, though once it
        has lines they are the same at any size (its virtual width is its widest label's; its line cache is
        keyed by width). The panel's tree is made when the analysis arrives, so its first size came in a
        second layout and frame after the filled panel's (issue 22). Without lines, Tree's own handler."""
        if self._tree_lines_cached:  # noqa: SLF001 - Tree's built lines; None when it must rebuild them
            self._line_cache.grow(event.size.height)  # noqa: SLF001 - as Tree's handler does
            event.prevent_default()

    def add_page(self, node: Node, entries: list[Entry], start: int = 0) -> None:
        """Add up to PAGE entries as children of ``node``; a "more" node holds the rest."""
        for entry in entries[start : start + PAGE]:
            label = Text.assemble(*(entry.label if isinstance(entry.label, tuple) else (entry.label,)))
            if entry.children:
                node.add(label, data=Pending(entry.children, 0, entry.item), allow_expand=True)
            else:
                node.add_leaf(label, data=entry.item)
        rest = len(entries) - start - PAGE
        if rest > 0:
            node.add_leaf(Text(f"… {rest} more", "dim italic"), data=Pending(entries, start + PAGE))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
        node = event.node
        if isinstance(node.data, Pending) and not node.children:
            self.add_page(node, node.data.entries)

    def item_of(self, node: Node) -> PanelItem | None:
        data = node.data
        return data.item if isinstance(data, Pending) else data


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

    def ensure_tree(self) -> PanelTree:
        """The tree, mounted with the analysis or the first note, whichever comes first."""
        tree = self.tree
        if tree is None:
            tree = PanelTree()
            self.mount(tree)
        return tree

    def show_progress(self, percent: int) -> None:
        filled = percent * PROGRESS_CELLS // 100
        bar = "█" * filled + "░" * (PROGRESS_CELLS - filled)
        status = self.query_one("#panel-status", Static)
        status.update(f"Analysing… {percent}%\n{bar}")
        status.display = True  # above the parts analysed so far, which hid it

    def show_error(self, message: str) -> None:
        status = self.query_one("#panel-status", Static)
        status.update(Text(f"Analysis failed: {inert(message)}\nThe article stays readable.", "bold"))
        status.add_class("-error")

    def show_analysis(self, index: AnalysisIndex, shown: list[Branch]) -> None:
        """The branches (see ``branches``) under the analysis's warnings, if any."""
        status = self.query_one("#panel-status", Static)
        warnings = "; ".join(inert(warning) for warning in index.analysis.warnings)
        status.update(Text(warnings, "italic") if warnings else "")
        status.display = bool(warnings)
        tree = self.ensure_tree()
        tree.clear()
        for branch in shown:
            tree.add_page(tree.root.add(branch.title, expand=True), branch.entries)
        tree.cursor_line = 0

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        tree = self.tree
        node = event.node
        data = node.data
        if tree is None:
            return
        if isinstance(data, Pending) and data.item is None:  # a "more" node: show the next page in its place
            parent = node.parent
            node.remove()
            if parent is not None:
                tree.add_page(parent, data.entries, data.start)
            return
        item = tree.item_of(node)
        if item is not None:
            self.post_message(self.ItemSelected(item))
