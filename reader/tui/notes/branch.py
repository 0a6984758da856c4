"""The Notes branch of the side panel: the reader's tags and notes in text order, then orphans.

Unlike the analysis sections it changes with every tag, so it is rebuilt in
place (same tree node, new children) rather than with the whole panel. Picking
a note selects its span in the article; picking an orphan asks what to do with
it (an orphan has no place in this text, so there is nothing to jump to).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from reader.store.verdicts import DEFAULT_SCALE, shown
from reader.tui.notes.annotations import NOTE_GLYPH, Marked
from reader.tui.review_text import evidence_lines, verdict_line
from reader.tui.text import snippet
from reader.tui.widgets.panel import Entry, Node, PanelItem, SidePanel

if TYPE_CHECKING:
    from reader.store import Annotation  # the records load with the store, after the first frame

ORPHAN_GLYPH = "⚠"


def note_label(annotation: Annotation, scale: tuple[str, ...] = DEFAULT_SCALE) -> Text:
    parts: list[tuple[str, str] | str] = []
    if annotation.tag:
        parts.append((annotation.tag, "bold"))
    if annotation.note:
        parts.append((("" if not parts else ": ") + snippet(annotation.note, 48), "italic"))
    if annotation.verdict:
        parts.append(f" ⚖ {shown(annotation.verdict, scale)}")
    if annotation.evidence:  # each record by its title, or its address
        parts.append(" · evidence: " + ", ".join(snippet(e.title or e.url, 32) for e in annotation.evidence))
    parts.append((f"  “{snippet(annotation.anchor.exact, 40)}”", "dim"))
    return Text.assemble(f"{NOTE_GLYPH} ", *parts)


def orphan_label(annotation: Annotation) -> Text:
    what = annotation.tag or "note"
    note = f": {snippet(annotation.note, 30)}" if annotation.note else ""
    return Text.assemble(
        (f"{ORPHAN_GLYPH} orphaned ", "bold"),
        what,
        note,
        (f"  was “{snippet(annotation.anchor.exact, 40)}”", "dim"),
    )


def note_entries(
    marked: Marked, orphans: list[Annotation], scale: tuple[str, ...] = DEFAULT_SCALE
) -> list[Entry]:
    rows = [
        Entry(note_label(a, scale), PanelItem("note", a.id, a.anchor.start, a.anchor.end))
        for a in marked.items
    ]
    rows += [Entry(orphan_label(a), PanelItem("orphan", a.id, a.anchor.start, a.anchor.end)) for a in orphans]
    return rows


class NotesBranch:
    """Keeps the Notes branch at the top of the panel's tree (creating the tree if the analysis has not),
    and out of it while there are no notes: the panel then looks as it did before any tagging."""

    def __init__(self, panel: SidePanel) -> None:
        self.panel = panel
        self._node: Node | None = None

    def show(self, marked: Marked, orphans: list[Annotation], scale: tuple[str, ...] = DEFAULT_SCALE) -> None:
        tree = self.panel.tree
        entries = note_entries(marked, orphans, scale)
        current = self._node if tree is not None and self._node in tree.root.children else None
        if not entries:
            if current is not None:
                current.remove()
            self._node = None
            return
        tree = self.panel.ensure_tree()
        label = Text(f"Notes ({len(entries)})" + (f", {len(orphans)} orphaned" if orphans else ""), "bold")
        node = current
        if node is None:
            node = tree.root.add(label, before=0 if tree.root.children else None, expand=True)
            self._node = node
        else:
            node.set_label(label)
            node.remove_children()
        tree.add_page(node, entries)
        node.expand()


def sentence_notes(
    marked: Marked, span: tuple[int, int], scale: tuple[str, ...] = DEFAULT_SCALE
) -> list[Text]:
    """The details area's first lines: the reader's own tags, notes, verdicts and evidence on the cursor
    sentence, in full."""
    lines = []
    for annotation in marked.overlapping(*span):
        if annotation.tag or annotation.note:
            parts: list[tuple[str, str] | str] = [f"{NOTE_GLYPH} "]
            if annotation.tag:
                parts.append((annotation.tag, "bold"))
            if annotation.note:
                parts.append((": " if annotation.tag else "") + " ".join(annotation.note.split()))
            lines.append(Text.assemble(*parts))
        verdict = verdict_line(annotation, scale)
        if verdict is not None:
            lines.append(verdict)
            lines += evidence_lines(annotation)
    return lines
