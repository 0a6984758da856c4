"""The article: a virtual scroll view that renders only the lines on screen.

The text is wrapped once per width (reader.tui.text.wrap) and each mark is
assigned to the lines it touches at that moment, so ``render_line`` only slices
strings and applies styles it already has. Rendered lines are cached by line,
width, highlight version and the part of the cursor sentence they show, so
moving the cursor re-renders the two or three lines it leaves and enters.
"""

from __future__ import annotations

import os
import time
from bisect import bisect_left
from collections import defaultdict

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from reader.tui.contrast import legible
from reader.tui.highlights import HIGHLIGHTS, Mark
from reader.tui.notes.annotations import NOTE_GLYPH
from reader.tui.state import ReadingState, Span
from reader.tui.text import Wrapped, wrap

GUTTER = 3  # cursor bar, layer glyph, space
MAX_TEXT_WIDTH = 96  # a comfortable measure; wider terminals centre the column
PREFETCH_DELAY = 0.05  # seconds after a frame before idle prefetching starts
PREFETCH_LINES = 6  # lines rendered per prefetch step: a key pressed meanwhile waits at most this long
PREFETCH_STEP = 0.002  # seconds between prefetch steps
_GLYPHS = {layer.name: layer.glyph for layer in HIGHLIGHTS}
_GLYPH_ORDER = ("checks", "claims", "speakers", "numbers")  # one glyph fits: the rarest layer wins
_STYLE_ORDER = ("quote", "mention", "number", "claim", "check")


class ArticleView(ScrollView, can_focus=True):
    """Reads and moves the sentence cursor; everything else about the text comes from ReadingState."""

    COMPONENT_CLASSES = {
        "article--quote",
        "article--mention",
        "article--number",
        "article--claim",
        "article--check",
        "article--speaker-quote",
        "article--cursor",
        "article--selected",
        "article--match",
        "article--current-match",
        "article--gutter",
        "article--annotation",
    }

    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", show=False, id="cursor.down"),
        Binding("k,up", "move(-1)", "Previous sentence", show=False, id="cursor.up"),
        Binding("J", "paragraph(1)", "Next paragraph", show=False, id="cursor.paragraph_down"),
        Binding("K", "paragraph(-1)", "Previous paragraph", show=False, id="cursor.paragraph_up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="cursor.page_down"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, id="cursor.page_up"),
        Binding("g,home", "edge(-1)", "Top", show=False, id="cursor.top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="cursor.bottom"),
        Binding("right_square_bracket", "mark(1)", "Next highlight", show=False, id="cursor.next_mark"),
        Binding(
            "left_square_bracket", "mark(-1)", "Previous highlight", show=False, id="cursor.previous_mark"
        ),
    ]

    class CursorMoved(Message):
        """The article's own keys (or a click) changed the state: the screen redraws (ReadingScreen.redraw)."""

        def __init__(self, *, center: bool = False) -> None:
            super().__init__()
            self.center = center

    class Drawn(Message):
        """The article's first lines are in the frame going out now; Painted follows once it is out."""

    class Painted(Message):
        """The article's first frame is on the screen: slow work may start now."""

    def __init__(self, state: ReadingState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self._wrapped: Wrapped | None = None
        self._pad = 0
        self._content_width = -1
        self._line_marks: dict[int, list[Mark]] = {}
        self._marks_version = -1
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str | tuple[str, ...], Style] = {}
        self._painted = False
        self._prefetch_timer: Timer | None = None
        self._pending_row: int | None = None
        self._drawn: tuple[int, Span | None, Span | None] = (-1, None, None)  # version, cursor, selected

    # -- layout -----------------------------------------------------------------------------

    @property
    def wrapped(self) -> Wrapped:
        """The layout for the current width, rewrapped first if the width changed."""
        content = self.scrollable_content_region.width
        if self._wrapped is None or content != self._content_width:
            self._relayout(content)
        assert self._wrapped is not None
        return self._wrapped

    def _relayout(self, content: int | None = None, *, layout: bool = True) -> None:
        """Rewrap; once the new layout settles the cursor sentence returns to its screen row. Without
        ``layout`` the new scroll height asks for no layout (Textual is laying the screen out already)."""
        content = self.scrollable_content_region.width if content is None else content
        self._content_width = content
        available = content or self.size.width or 80
        width = max(8, min(MAX_TEXT_WIDTH, available - GUTTER))
        self._pad = max(0, (available - GUTTER - width) // 2)
        old = self._wrapped
        if old is None or old.width != width:
            self._wrapped = wrap(self.state.text, self.state.document.paragraphs, width)
            self._marks_version = -1
            self._cache.clear()
            if old is not None and self._pending_row is None:
                self._pending_row = old.line_of(self.state.cursor_span[0]) - round(self.scroll_y)
                self.call_after_refresh(self._restore_row)
        size = Size(content, len(self._wrapped))
        if layout:
            self.virtual_size = size
        else:
            self.set_reactive(ArticleView.virtual_size, size)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """ScrollView's hook for the size the screen's layout gives the view, before that frame is drawn:
        the text is wrapped for the new width here, so the frame has the scroll height and its scrollbar
        (ScrollView's part, below) right. Wrapped while drawing, the first frame's scrollbar was empty and
        the new height asked for a layout of its own, which drew the article once more (issue 22)."""
        region = (
            Region(0, 0, size.width, size.height).shrink(self.styles.gutter).shrink(self.scrollbar_gutter)
        )
        if size and region.width != self._content_width:
            self._relayout(region.width, layout=False)
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _index_marks(self) -> None:
        """Assign each mark to the lines it covers, once per width and analysis."""
        index = self.state.index
        if index is None or self._marks_version == id(index):
            return
        wrapped = self.wrapped
        by_line: dict[int, list[Mark]] = defaultdict(list)
        for layer in index.layers.values():
            for mark in layer.marks:
                first, last = wrapped.lines_of(mark.start, mark.end)
                for line in range(first, last + 1):
                    by_line[line].append(mark)
        self._line_marks = dict(by_line)
        self._marks_version = id(index)

    def on_resize(self, _event: events.Resize) -> None:
        """Rewrap on a new width; on a new height (the details grew) just keep the cursor in view."""
        self._relayout()
        if self._pending_row is None:
            self.show_cursor()

    def _restore_row(self) -> None:
        """After a rewrap settles, put the cursor sentence back on the row it had (or at least in view)."""
        row, self._pending_row = self._pending_row, None
        if row is None:
            return
        height = max(1, self.scrollable_content_region.height)
        line = self.wrapped.line_of(self.state.cursor_span[0])
        self.scroll_to(y=max(0, line - min(max(row, 0), height - 1)), animate=False, immediate=True)
        self.show_cursor()

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._cache.clear()
        super().notify_style_update()

    # -- rendering --------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"article--{name}", partial=True)
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        """The width is checked once a frame, not on every line: a computed region costs more than a cached
        line, and a page scroll renders every line on screen (issue 22)."""
        width = self.scrollable_content_region.width
        if self._wrapped is None or width != self._content_width:
            self._relayout(width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self._wrapped is None:
            self._relayout()
        width = self._content_width
        wrapped = self._wrapped
        line = round(self.scroll_y) + y
        if line >= len(wrapped):
            return Strip.blank(width, self._combined(()))
        strip = self._strip(line, width)
        if self._prefetch_timer is None:
            self._prefetch_timer = self.set_timer(PREFETCH_DELAY, self._prefetch)
        if not self._painted:
            self._painted = True
            # Straight to the screen, not bubbled up through the containers: it is then handled before the
            # screen next goes idle, which is when the callback below may run.
            self.screen.post_message(self.Drawn())
            self.call_after_refresh(self._first_paint)
        return strip

    def _strip(self, line: int, width: int) -> Strip:
        """The cached rendering of a line, rendered now if the cache has none for the current state."""
        start, end = self._wrapped.starts[line], self._wrapped.ends[line]
        on_cursor = _clip(self.state.cursor_span, start, end)
        selected = self.state.selected
        key = (
            line,
            width,
            self._pad,
            self.state.version,
            on_cursor,
            selected and _clip(selected, start, end),
        )
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._render(line, width, on_cursor)
        return strip

    def _prefetch(self) -> None:
        """While the reader reads, render the pages a page key or g/G would show next, a few lines at a time."""
        self._prefetch_timer = None
        wrapped = self._wrapped
        width = self.scrollable_content_region.width
        if wrapped is None or width != self._content_width:
            return
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        wanted = [
            range(top + height - 1, top + 2 * height),
            range(max(0, top - height), top),
            range(0, height),
            range(max(0, len(wrapped) - height), len(wrapped)),
        ]
        if self.state.index is not None:  # where ] would go: the next mark of the focused layer, a third down
            upcoming = self.state.index.layers[self.state.focus_layer].after(self.state.cursor_span[0])
            if upcoming is not None:
                first = max(0, wrapped.line_of(upcoming.start) - height // 3)
                wanted.insert(0, range(first, first + height))
        budget = PREFETCH_LINES
        for lines in wanted:
            for line in lines:
                if line >= len(wrapped):
                    break
                before = len(self._cache)
                self._strip(line, width)
                budget -= len(self._cache) - before
                if budget <= 0:  # yield to the event loop: a key waits for one step at most
                    self._prefetch_timer = self.set_timer(PREFETCH_STEP, self._prefetch)
                    return

    def _render(self, line: int, width: int, on_cursor: Span | None) -> Strip:
        """Cut the line at every style boundary and give each piece the styles that cover it, in order."""
        self._index_marks()
        state = self.state
        wrapped = self._wrapped
        start, end = wrapped.starts[line], wrapped.ends[line]
        painted: list[tuple[int, int, str]] = []  # (from, to, style name), later ones on top

        def paint(name: str, span_start: int, span_end: int) -> None:
            if span_end > start and span_start < end:
                painted.append((max(span_start, start), min(span_end, end), name))

        if on_cursor is not None:
            paint("cursor", *on_cursor)
        layers_here: set[str] = set()
        marks = sorted(
            (mark for mark in self._line_marks.get(line, ()) if state.layers[mark.layer]),
            key=lambda mark: _STYLE_ORDER.index(mark.kind),
        )
        for mark in marks:
            layers_here.add(mark.layer)
            paint(mark.kind, mark.start, mark.end)
        for quote_start, quote_end in state.speaker_quotes():
            paint("speaker-quote", quote_start, quote_end)
        noted = state.annotations.overlapping(start, end)  # the reader's own tags and notes
        for annotation in noted:
            paint("annotation", annotation.anchor.start, annotation.anchor.end)
        if state.selected is not None:
            paint("selected", *state.selected)
        search = state.search
        if search.starts:
            first = bisect_left(search.starts, start - search.length + 1)
            for number in range(first, len(search.starts)):
                match = search.starts[number]
                if match >= end:
                    break
                paint("current-match" if number == search.current else "match", match, match + search.length)

        base = self._combined(())
        gutter = self._combined(("gutter",))
        glyph = (
            NOTE_GLYPH
            if noted
            else next((_GLYPHS[name] for name in _GLYPH_ORDER if name in layers_here), " ")
        )
        segments = [
            Segment(" " * self._pad, base),
            Segment("▌" if on_cursor is not None else " ", gutter),
            Segment(glyph, gutter),
            Segment(" ", base),
        ]
        text = state.text
        cuts = sorted({start, end, *(edge for piece in painted for edge in piece[:2])})
        for left, right in zip(cuts, cuts[1:], strict=False):
            names = tuple(name for low, high, name in painted if low <= left and high >= right)
            segments.append(Segment(text[left:right], self._combined(names)))
        return Strip(segments).adjust_cell_length(width, base)

    def _combined(self, names: tuple[str, ...]) -> Style:
        """The widget's style with the named component styles on top, kept legible, cached per combination."""
        style = self._styles.get(names)
        if style is None:
            base = style = self.rich_style
            for name in names:
                style += self._style(name)
            fallbacks = [color for color in (base.color, base.bgcolor) if color is not None]
            style = self._styles[names] = legible(style, fallbacks)
        return style

    # -- cursor -----------------------------------------------------------------------------

    def draw(self, *, show: bool = False, center: bool = False) -> bool:
        """Bring the view in step with the state, redrawing only what changed since it last drew.

        A new ``version`` makes every cached line stale; a new selection re-renders the lines on
        screen (they are cached by selection, so only the ones it touches render again); a moved
        cursor refreshes the lines it left and entered and scrolls into view, as ``show`` and
        ``center`` do for one that stayed. Returns whether the cursor moved.
        """
        state = self.state
        version, cursor, selected = self._drawn
        self._drawn = (state.version, state.cursor_span, state.selected)
        if state.version != version:
            self._cache.clear()
            self.refresh()
        elif state.selected != selected:
            self.refresh()
        moved = state.cursor_span != cursor
        if moved and cursor is not None:
            self._refresh_span(cursor)
            self._refresh_span(state.cursor_span)
        if moved or show or center:
            self.show_cursor(center=center)
        return moved

    def _refresh_span(self, span: Span) -> None:
        if not self.size:
            return  # not laid out yet: the first frame draws everything anyway
        first, last = self.wrapped.lines_of(*span)
        self.refresh_lines(first, last - first + 1)

    def show_cursor(self, *, center: bool = False) -> None:
        """Scroll the least that brings the cursor sentence into view (or to a third of the page)."""
        if not self.size:
            return
        first, last = self.wrapped.lines_of(*self.state.cursor_span)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if center:
            target = max(0, first - height // 3)
        elif first < top:
            target = first
        elif last >= top + height:
            target = min(first, last - height + 1)
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a span is being selected (``v``) the screen's selection keys take j, k, b and the arrows."""
        if self.state.selection is not None and action in ("move", "page"):
            return False
        return super().check_action(action, parameters)

    def action_move(self, delta: int) -> None:
        self.state.move(delta)
        self.post_message(self.CursorMoved())

    def action_paragraph(self, delta: int) -> None:
        self.state.jump_paragraph(delta)
        self.post_message(self.CursorMoved())

    def action_page(self, direction: int) -> None:
        """Scroll a page and put the cursor on the first sentence that starts on it."""
        wrapped = self.wrapped
        height = max(1, self.scrollable_content_region.height)
        top = min(max(0, round(self.scroll_y) + direction * (height - 1)), max(0, len(wrapped) - height))
        self.scroll_to(y=top, animate=False, immediate=True)
        line = top
        while line < len(wrapped) - 1 and wrapped.starts[line] == wrapped.ends[line]:
            line += 1
        self.state.cursor_to(wrapped.starts[line])
        if self.state.cursor_span[0] < wrapped.starts[line] and direction > 0:
            self.state.move(1)
        self.post_message(self.CursorMoved())

    def action_edge(self, direction: int) -> None:
        self.state.move(direction * len(self.state.sentences))
        self.scroll_to(y=0 if direction < 0 else self.max_scroll_y, animate=False, immediate=True)
        self.post_message(self.CursorMoved())

    def action_mark(self, direction: int) -> None:
        if self.state.step_mark(direction) is not None:
            self.post_message(self.CursorMoved(center=True))
        else:
            self.app.bell()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        wrapped = self.wrapped
        line = round(self.scroll_y) + offset.y
        if line >= len(wrapped):
            return
        start, end = wrapped.starts[line], wrapped.ends[line]
        column = offset.x - self._pad - GUTTER
        position, cells = start, 0
        for char in self.state.text[start:end]:
            cells += cell_len(char)
            if cells > column:
                break
            position += 1
        self.state.cursor_to(min(position, max(start, end - 1)))
        self.post_message(self.CursorMoved())

    def _first_paint(self) -> None:
        """``READER_REPORT_FIRST_PAINT=path`` gets the wall-clock time (the first-paint benchmark reads it)."""
        path = os.environ.get("READER_REPORT_FIRST_PAINT")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(f"{time.time():.6f}\n")
        self.post_message(self.Painted())


def _clip(span: Span, start: int, end: int) -> Span | None:
    """The part of ``span`` on the line ``[start, end]``, or None."""
    if span[0] <= end and span[1] > start:
        return max(start, span[0]), min(end, span[1])
    return None
