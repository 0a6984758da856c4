"""A list that draws only the rows on screen: the review queue's claims.

Textual's OptionList measures every option whenever the list changes (a
500-claim queue took most of a second per verdict on a loaded machine); this
list asks for the labels of the visible rows only, so deciding a claim costs
the same in a queue of five or of thousands.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget


class QueueList(Widget, can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Next", show=False, id="queue.down"),
        Binding("up,k", "move(-1)", "Previous", show=False, id="queue.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="queue.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="queue.page_up"),
        Binding("home,g", "to(0)", "First", show=False, id="queue.first"),
        Binding("end,G", "to(-1)", "Last", show=False, id="queue.last"),
    ]

    class Moved(Message):
        """The highlight moved (the screen shows the claim's details)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.count = 0
        self.highlighted: int | None = None
        self._label: Callable[[int], Text] = lambda _index: Text()
        self._top = 0

    def show(self, count: int, label: Callable[[int], Text], highlighted: int) -> None:
        self.count = count
        self._label = label
        self.highlighted = max(0, min(highlighted, count - 1)) if count else None
        self.refresh()
        self.post_message(self.Moved())

    def _window(self) -> range:
        height = max(1, self.content_region.height or self.size.height or 1)
        if self.highlighted is not None:
            if self.highlighted < self._top:
                self._top = self.highlighted
            elif self.highlighted >= self._top + height:
                self._top = self.highlighted - height + 1
        self._top = max(0, min(self._top, max(0, self.count - height)))
        return range(self._top, min(self.count, self._top + height))

    def render(self) -> Text:
        lines = []
        for index in self._window():
            line = self._label(index)
            line.no_wrap = True
            line.overflow = "ellipsis"
            if index == self.highlighted:
                line.stylize("reverse")
            lines.append(line)
        return Text("\n").join(lines)

    def move_to(self, index: int) -> None:
        if not self.count:
            return
        self.highlighted = max(0, min(index, self.count - 1))
        self.refresh()
        self.post_message(self.Moved())

    def action_move(self, delta: int) -> None:
        self.move_to((self.highlighted or 0) + delta)

    def action_page(self, delta: int) -> None:
        self.move_to((self.highlighted or 0) + delta * max(1, self.size.height - 1))

    def action_to(self, index: int) -> None:
        self.move_to(index if index >= 0 else self.count - 1)

    def on_click(self, event: events.Click) -> None:
        self.move_to(self._top + event.y)
