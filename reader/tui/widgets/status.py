"""The status line: reading position, the legend with per-layer counts, search and analysis state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.highlights import HIGHLIGHTS
from reader.tui.notes.annotations import summary
from reader.tui.state import ReadingState


def counted(layer: str, count: int) -> str:
    """The speakers layer counts quotes (the panel counts speakers): say so, the others count their items."""
    if layer == "speakers":
        return f"{count} quote" + ("" if count == 1 else "s")
    return str(count)


class StatusLine(Static):
    """Redrawn only when its text changed: it spans the screen's width, so any redraw of it widens the
    frame's update box to every column and the side panel is composited again with the article."""

    COMPONENT_CLASSES = {
        "status--speakers",
        "status--numbers",
        "status--claims",
        "status--checks",
        "status--off",
    }
    _shown: Text | None = None
    _state: ReadingState | None = None

    def on_resize(self) -> None:
        if self._state is not None:
            self.show(self._state)

    def show(self, state: ReadingState) -> None:
        self._state = state
        text = self._line(state, compact=False)
        if (
            self.size.width and text.cell_len > self.size.width
        ):  # 80 columns: glyphs stand for the layer names
            text = self._line(state, compact=True)
        if text != self._shown:
            self._shown = text
            self.update(text, layout=False)  # always one line: no layout pass

    def _line(self, state: ReadingState, compact: bool) -> Text:
        counts = state.index.counts() if state.index else {}
        text = Text(f"{state.position:>3}% ", "bold")
        if state.selection is not None:  # v: the keys select now; the details area says which
            text.append("SELECTING ", "reverse bold")
        for layer in HIGHLIGHTS:
            style = self.get_component_rich_style(f"status--{layer.name}", partial=True)
            if not state.layers[layer.name]:
                style = self.get_component_rich_style("status--off", partial=True)
            count = counts.get(layer.name)
            label = layer.glyph + ("" if compact else layer.label)
            if count is not None:
                label += f"{'' if compact else ' '}{counted(layer.name, count)}"
            marker = "▸" if layer.name == state.focus_layer else " "
            text.append(f" {marker}")
            text.append(label, style)
        tags = summary(state.annotations)
        if tags:
            text.append(f"  {tags}", "bold")
        if state.search.query:
            text.append(f"  /{state.search.current + 1 if state.search.count else 0}/{state.search.count}")
        if state.analysis_error:
            text.append("  analysis failed", "bold")
        elif state.loading:
            text.append(f"  analysing {state.progress}%")
        return text
