"""The reader's tagging actions as store calls: one committed transaction each, recorded for session undo.

The screen shows an annotation only after the store call that saved it has
returned (every method here reloads from the store after writing), so what the
reader sees as saved is on disk when the call returns. What an action applies
to is ``target()``: the span being selected, else the highlight picked on the
cursor sentence, else the cursor sentence itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.store.history import History
from reader.tui.notes.annotations import Marked, Selection, Span
from reader.tui.state import ReadingState

if TYPE_CHECKING:
    from reader.store import Annotation, Change, Opened, Store  # they load when the session opens the store


def describe(annotation: Annotation) -> str:
    if annotation.tag and annotation.note:
        return f"{annotation.tag} and its note"
    return annotation.tag or "note"


class Tagging:
    def __init__(self, store: Store, state: ReadingState) -> None:
        self.store = store
        self.state = state
        self.sha256 = state.document.sha256
        self.history = History(store)
        self.orphans: list[Annotation] = []

    def open(self) -> Opened:
        """Register the article, show its annotations and put the cursor where reading stopped last time."""
        opened = self.store.open_document(self.state.document)
        self._show(opened.annotations)
        if opened.position is not None:
            self.state.cursor_to(opened.position.offset)
        return opened

    @property
    def marked(self) -> Marked:
        return self.state.annotations

    @property
    def selection(self) -> Selection | None:
        """Kept in the state: the article gives its j/k/b to the selection keys while there is one."""
        return self.state.selection

    def _show(self, annotations: list[Annotation]) -> None:
        self.state.annotations = Marked.of(annotations)
        self.orphans = [a for a in annotations if a.orphaned]
        self.state.version += 1

    def _commit(self, change: Change) -> None:
        self.history.record(change)
        self.end_selection()
        self.reload()

    def reload(self) -> None:
        self._show(self.store.annotations(self.sha256))

    # -- what an action applies to ----------------------------------------------------------

    def target(self) -> Span:
        if self.selection is not None:
            return self.selection.span
        start, end = self.state.cursor_span
        picked = self.state.selected
        if picked is not None and picked[0] < end and picked[1] > start and picked[1] > picked[0]:
            return picked
        text = self.state.document.text
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def annotation_here(self) -> Annotation | None:
        """The annotation an edit or removal means: the one on exactly the target, else the latest one touching it."""
        span = self.target()
        exact = self.marked.exactly(span)
        if exact is not None:
            return exact
        touching = self.marked.overlapping(*span)
        return max(touching, key=lambda a: a.modified) if touching else None

    # -- tags and notes ---------------------------------------------------------------------

    def tag(self, tag: str) -> str | None:
        """Tag the target; the same tag again on the same span takes it off, another tag replaces it."""
        span = self.target()
        if span[0] >= span[1]:
            return None
        existing = self.marked.exactly(span)
        if existing is None:
            self._commit(self.store.annotate(self.sha256, *span, tag=tag))
            return f"Tagged {tag}"
        if existing.tag == tag:
            self._commit(self.store.edit(existing.id, tag=None))
            return f"Removed tag {tag}"
        self._commit(self.store.edit(existing.id, tag=tag))
        return f"Tagged {tag}" + (f" (was {existing.tag})" if existing.tag else "")

    def note_target(self) -> tuple[Span, str]:
        """The span a note goes on and the note it has now (empty for a new one), for the editor."""
        span = self.target()
        existing = self.marked.exactly(span)
        return span, (existing.note or "") if existing is not None else ""

    def save_note(self, span: Span, text: str) -> str:
        """Save the editor's text on ``span``: empty text removes the note (and the annotation if it has no tag)."""
        existing = self.marked.exactly(span)
        if existing is None:
            if not text.strip():
                return "Empty note not saved"
            self._commit(self.store.annotate(self.sha256, *span, note=text))
            return "Note saved"
        self._commit(self.store.edit(existing.id, note=text))
        return "Note saved" if text.strip() else "Note removed"

    def remove(self) -> str | None:
        """Delete the annotation on the target (tag and note together; undo brings both back)."""
        victim = self.annotation_here()
        if victim is None:
            return None
        self._commit(self.store.delete_annotation(victim.id))
        return f"Removed {describe(victim)}"

    # -- undo -------------------------------------------------------------------------------

    def undo(self) -> str | None:
        change = self.history.undo()
        return self._replay(change, change.before if change else None, "Undid")

    def redo(self) -> str | None:
        change = self.history.redo()
        return self._replay(change, change.after if change else None, "Redid")

    def _replay(self, change: Change | None, now: Annotation | None, verb: str) -> str | None:
        """After an undo or redo, show the result and bring the cursor to where it happened."""
        if change is None:
            return None
        self.end_selection()
        self.reload()
        where = now or change.before or change.after
        if where is not None and not where.orphaned:
            self.state.cursor_to(where.anchor.start)
        return f"{verb} {change.label}"

    # -- orphans ----------------------------------------------------------------------------

    def orphan(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.orphans if a.id == annotation_id), None)

    def reattach(self, annotation_id: str) -> str:
        span = self.target()
        self._commit(self.store.reattach(annotation_id, *span))
        self.state.cursor_to(span[0])
        return "Re-attached here"

    def delete(self, annotation_id: str) -> str:
        self._commit(self.store.delete_annotation(annotation_id))
        return "Deleted"

    # -- selection --------------------------------------------------------------------------

    def begin_selection(self) -> None:
        state = self.state
        state.selection = Selection(
            state.document.text, state.cursor_span[0], state.sentence_at, self._sentence_span
        )
        self._mirror()

    def extend(self, unit: str, delta: int) -> None:
        assert self.selection is not None
        if unit == "sentence":
            self.selection.by_sentence(delta)
        else:
            self.selection.by_word(delta)
        self._mirror()

    def end_selection(self) -> None:
        if self.selection is not None:
            self.state.selection = None
            self.state.selected = None
            self.state.version += 1

    def _mirror(self) -> None:
        """The selection is drawn as the state's selected span; the cursor follows its moving end."""
        assert self.selection is not None
        self.state.selected = self.selection.span
        self.state.cursor_to(self.selection.head_offset)
        self.state.version += 1

    def _sentence_span(self, number: int) -> Span:
        sentences = self.state.sentences
        if not 0 <= number < len(sentences):
            return 0, 0
        return sentences[number].start, sentences[number].end

    # -- position and export ----------------------------------------------------------------

    def save_position(self) -> None:
        sentence = self.state.sentence.id if self.state.analysis is not None else None
        self.store.set_position(self.sha256, self.state.cursor_span[0], sentence)

    def export(self, fmt: str) -> Path:
        from reader.export import export_document  # only now: the exporters are not needed to read

        return export_document(self.store, self.sha256, fmt)
