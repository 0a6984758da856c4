"""The review queue: claims to decide one after another, one key per verdict on the scale.

``1``..``n`` give the verdict at that place on the scale (config.toml
``[verdicts]``) and move on, ``s`` skips, ``U`` undoes (the same session history
as tags when opened from an article), ``f``/``o`` change the filter and order,
``Enter`` jumps to the sentence, ``a`` notes and ``x``/``X``/``D`` add, edit and
delete evidence without leaving the queue. Every verdict is one committed
transaction before the list moves on. Opened for one article (``R`` on the
reading screen) or the whole library (``R`` on the library, ``reader review``).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static

from reader import review
from reader.analysis.model import Analysis
from reader.export.article import Article
from reader.review import FILTERS, ORDERS, ReviewItem
from reader.store import Change, History, Store, StoreError
from reader.store.verdicts import shown
from reader.tui.review_text import evidence_lines, verdict_line
from reader.tui.text import inert, snippet
from reader.tui.widgets.queue_list import QueueList

Loader = Callable[[], list[ReviewItem]]
# One line instead of Textual's Footer, whose dozen key widgets took longer to style than the queue to load.
KEYS = "enter go to sentence · a note · x/X/D add/edit/delete evidence · f filter · o order · esc back · ? all keys"


def article_loader(store: Store, sha256: str, analysis: Callable[[], Analysis | None]) -> Loader:
    """One article's queue, with the analysis the reading screen already holds (None while it runs)."""

    def load() -> list[ReviewItem]:
        record = store.document(sha256)
        if record is None:
            return []
        return review.article_items(Article(record, tuple(store.annotations(sha256)), analysis()))

    return load


def library_loader(store: Store) -> Loader:
    return lambda: review.library_items(store)


class ReviewScreen(Screen["ReviewItem | None"]):
    """Dismisses with the item to jump to (``Enter``), or None; the opener shows its sentence."""

    BINDINGS = [
        *(
            Binding(str(n), f"decide({n})", f"Verdict {n}", show=False, id=f"review.verdict_{n}")
            for n in range(1, 10)
        ),
        Binding("0", "decide(0)", "Clear the verdict", show=False, id="review.clear"),
        Binding("s,space", "skip", "Skip", id="review.skip"),
        Binding("U,ctrl+z", "undo", "Undo", id="review.undo"),
        Binding("f", "cycle_filter", "Filter", id="review.filter"),
        Binding("o", "cycle_order", "Order", id="review.order"),
        Binding("enter", "jump", "Go to sentence", id="review.jump"),
        Binding("a", "note", "Note", id="review.note"),
        Binding("x", "add_evidence", "Add evidence", id="review.evidence_add"),
        Binding("X", "edit_evidence", "Edit evidence", show=False, id="review.evidence_edit"),
        Binding("D", "delete_evidence", "Delete evidence", show=False, id="review.evidence_delete"),
        Binding("escape,R", "close", "Back", id="review.close"),
    ]

    def __init__(
        self,
        store: Store,
        load: Loader,
        scale: tuple[str, ...],
        *,
        history: History | None = None,
        title: str = "Review queue",
        across: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self._load = load
        self.scale = scale
        self.history = history or History(store)
        self.title = inert(title)
        self.across = across  # the whole library: rows name their article
        self.filter = "undecided"
        self.order = "article"
        self.items: list[ReviewItem] = load()
        self.shown: list[ReviewItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-summary")
        yield QueueList(id="review-list")
        yield Static(id="review-details")
        yield Static(self._scale_hint(), id="review-scale")
        yield Static(Text(KEYS, "dim"), id="review-keys")

    def _scale_hint(self) -> Text:
        keys = "  ".join(f"{n} {value}" for n, value in enumerate(self.scale, start=1))
        return Text(f"{keys}  ·  0 clear  ·  s skip  ·  U undo")

    @property
    def list(self) -> QueueList:
        return self.query_one("#review-list", QueueList)

    def on_mount(self) -> None:
        self.show(0)
        self.list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "decide" and parameters and int(parameters[0]) > len(self.scale):  # type: ignore[call-overload]
            return None  # keys past the end of the scale are not shown, nor run: on_key says why
        return True

    def on_key(self, event: events.Key) -> None:
        if (
            event.character is not None
            and event.character.isdigit()
            and int(event.character) > len(self.scale)
        ):
            event.stop()
            self.notify(
                f"{event.character} is not on the verdict scale: 1 to {len(self.scale)} ({', '.join(self.scale)})",
                severity="warning",
                timeout=3,
                markup=False,
            )

    # -- the list ---------------------------------------------------------------------------

    @property
    def current(self) -> ReviewItem | None:
        index = self.list.highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def show(self, index: int | None = None) -> None:
        """Rebuild the list (filtered, ordered) with the highlight at ``index`` (clamped)."""
        if index is None:
            index = self.list.highlighted or 0
        self.shown = review.arranged(self.items, self.filter, self.order)
        self.list.show(len(self.shown), lambda i: self._label(self.shown[i]), index)
        self._summary()

    def _label(self, item: ReviewItem) -> Text:
        verdict = shown(item.verdict, self.scale)
        kind = (
            item.category.replace("_", " ")
            if item.category
            else f"tagged {item.annotation.tag or ''}".strip()
        )
        where = f"{snippet(item.title, 24)} · " if self.across else ""
        return Text.assemble(
            (f"{verdict:<14} ", "bold" if item.decided else "dim"),
            f"“{snippet(item.text, 70)}”",
            (f"  {where}{kind}{' · ' + item.weight if item.weight else ''}", "dim"),
        )

    def _summary(self) -> None:
        undecided = 0
        articles: set[str] = set()
        for item in self.items:  # one pass: this runs after every verdict
            if not item.decided:
                undecided += 1
                articles.add(item.sha256)
        count = len(articles)
        across = f" in {count} {'article' if count == 1 else 'articles'}" if self.across else ""
        text = (
            f"{undecided} of {len(self.items)} undecided{across} · showing {self.filter} ({len(self.shown)})"
            f" · order: {self.order}"
        )
        if not self.shown:
            text += " · nothing here: f changes the filter" if self.items else " · no claims to decide"
        self.query_one("#review-summary", Static).update(Text(text))

    def _details(self) -> None:
        item = self.current
        lines: list[Text] = []
        if item is not None:
            lines.append(Text(f"“{' '.join(item.text.split())}”", "italic"))
            facts = [item.category.replace("_", " ") if item.category else "tagged span"]
            if item.speaker:
                facts.append(f"speaker {item.speaker}")
            if item.annotation is not None and item.annotation.tag:
                facts.append(f"tag {item.annotation.tag}")
            lines.append(Text(" · ".join(facts), "dim"))
            if item.annotation is not None:
                line = verdict_line(item.annotation, self.scale)
                if line is not None:
                    lines.append(line)
                if item.annotation.note:
                    lines.append(Text("✎ " + " ".join(item.annotation.note.split())))
                lines += evidence_lines(item.annotation)
        self.query_one("#review-details", Static).update(Text("\n").join(lines))

    def on_queue_list_moved(self, _event: QueueList.Moved) -> None:
        self._details()

    # -- keeping the items in step with the store -------------------------------------------

    def _replace(self, old: ReviewItem, new: ReviewItem) -> None:
        self.items = [new if item is old else item for item in self.items]

    def _commit(self, work: Callable[[], Change], item: ReviewItem, message: str, *, advance: bool) -> bool:
        """Run one store call for ``item``, record it for undo and show the result; a refusal is a notice."""
        index = self.list.highlighted or 0
        try:
            change = work()
        except (ValueError, KeyError, StoreError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return False
        self.history.record(change)
        self._replace(item, review.refreshed(self.store, item))
        still_there = self.filter == "all" or (self.filter == "decided") == (self.items_by(item).decided)
        self.show(index + 1 if advance and still_there else index)
        if not advance:  # a verdict shows in the list and moves on; a toast per key would only slow it
            self.notify(message, timeout=2, markup=False)
        return True

    def items_by(self, item: ReviewItem) -> ReviewItem:
        return next(
            i for i in self.items if (i.sha256, i.start, i.end) == (item.sha256, item.start, item.end)
        )

    # -- actions ----------------------------------------------------------------------------

    def action_decide(self, number: int) -> None:
        item = self.current
        if item is None:
            self.app.bell()
            return
        value = self.scale[number - 1] if number else None

        def work() -> Change:
            return review.decide(self.store, item, value)[1]

        self._commit(work, item, f"Verdict: {value}" if value else "Verdict cleared", advance=True)

    def action_skip(self) -> None:
        if not self.shown:
            self.app.bell()
            return
        self.list.move_to(((self.list.highlighted or 0) + 1) % len(self.shown))

    def action_undo(self) -> None:
        change = self.history.undo()
        if change is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self.items = self._load()
        target = change.before or change.after
        spans = [(i.sha256, i.start, i.end) for i in review.arranged(self.items, self.filter, self.order)]
        key = (target.sha256, target.anchor.start, target.anchor.end) if target is not None else None
        self.show(spans.index(key) if key in spans else None)
        self.notify(f"Undid {change.label}", timeout=2, markup=False)

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.show(0)

    def action_cycle_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.show(0)

    def action_jump(self) -> None:
        item = self.current
        if item is not None:
            self.dismiss(item)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_note(self) -> None:
        from reader.tui.screens.note_editor import NoteEditor

        item = self.current
        if item is None:
            return
        existing = item.annotation.note if item.annotation is not None else None

        def saved(text: str | None) -> None:
            if text is None:
                return
            if item.annotation is not None:
                work = lambda: self.store.edit(item.annotation.id, note=text)  # noqa: E731
            elif not text.strip():
                return
            else:
                work = lambda: self.store.annotate(item.sha256, item.start, item.end, note=text)  # noqa: E731
            self._commit(work, item, "Note saved" if text.strip() else "Note removed", advance=False)

        self.app.push_screen(NoteEditor(item.text, existing or ""), saved)

    def action_add_evidence(self) -> None:
        self._evidence(edit=False)

    def action_edit_evidence(self) -> None:
        self._evidence(edit=True)

    def _evidence(self, *, edit: bool) -> None:
        from reader.tui.screens.evidence_editor import EvidenceEditor

        item = self.current
        if item is None:
            return
        records = item.annotation.evidence if item.annotation is not None else ()
        if edit and not records:
            self.notify("No evidence here to edit: x adds some", timeout=3)
            return
        current = records[-1] if edit else None

        def saved(values: dict[str, str | None] | None) -> None:
            if values is None:
                return
            url = values.pop("url") or ""
            if current is not None:
                assert item.annotation is not None
                work = lambda: self.store.edit_evidence(item.annotation.id, current.id, url, **values)  # noqa: E731
            else:
                target = item.annotation or self.store.span_annotation(item.sha256, item.start, item.end)
                work = lambda: self.store.add_evidence(target, url, **values)  # noqa: E731
            self._commit(work, item, "Evidence saved", advance=False)

        self.app.push_screen(EvidenceEditor(item.text, current), saved)

    def action_delete_evidence(self) -> None:
        item = self.current
        if item is None or item.annotation is None or not item.annotation.evidence:
            self.notify("No evidence here to delete", timeout=3)
            return
        annotation = item.annotation
        last = annotation.evidence[-1]
        self._commit(
            lambda: self.store.delete_evidence(annotation.id, last.id),
            item,
            "Evidence deleted (U undoes)",
            advance=False,
        )
