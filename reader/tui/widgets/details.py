"""What the analysis says about the cursor sentence: who is quoted and how, numbers, claims, checks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.labels import category_label, kind_label, number_value, speaker_name
from reader.store.verdicts import DEFAULT_SCALE
from reader.tui.highlights import HIGHLIGHTS
from reader.tui.notes.branch import sentence_notes
from reader.tui.state import ReadingState
from reader.tui.text import snippet

_GLYPH = {layer.name: layer.glyph for layer in HIGHLIGHTS}
SELECTION_HINT = Text.assemble(  # fits 78 columns, the details area at 80x24
    ("Selecting: ", "bold"), "j/k sentence · h/l word · a note · a tag key tags it · Esc cancels"
)


class SentenceDetails(Static):
    """A fixed-height area (styles/app.tcss): changing it never costs a layout pass, which repaints the screen."""

    _shown: Text | None = None

    def show(self, state: ReadingState) -> None:
        session = getattr(self.app, "session", None)  # the scale shows old verdicts as off-scale
        scale = session.config.scale if session is not None else DEFAULT_SCALE
        notes = sentence_notes(state.annotations, state.cursor_span, scale)
        hint = [SELECTION_HINT] if state.selection is not None else []
        text = Text("\n").join([*hint, *notes, describe(state)])
        width = max(1, self.content_region.width or self.app.size.width)
        lines = text.wrap(self.app.console, width)
        room = max(1, self.content_region.height)
        if len(lines) > room:  # say what does not fit; every item is also in the panel
            hidden = len(lines) - room + 1
            lines = lines[: room - 1]
            lines.append(Text(f"… {hidden} more lines: the panel lists them all", "dim"))
            text = Text("\n").join(lines)
        if text != self._shown:  # an unchanged area is not rendered or composited again
            self._shown = text
            self.update(text, layout=False)


def describe(state: ReadingState) -> Text:
    lines: list[Text] = []
    index = state.index
    if index is None:
        note = state.analysis_error and "analysis unavailable" or f"analysing… {state.progress}%"
        return Text(f"{state.place} · {note}", "dim")
    start, end = state.cursor_span
    for mark in index.overlapping("speakers", start, end):
        if mark.kind != "quote":
            continue
        quote = index.quotes[mark.key]
        speaker = index.speakers.get(quote.speaker) if quote.speaker else None
        cue = f", cue “{snippet(quote.cue.text, 24)}”" if quote.cue else ""
        role = f" ({snippet(speaker.role, 30)})" if speaker and speaker.role and speaker.name else ""
        lines.append(
            Text.assemble(
                f"{_GLYPH['speakers']} ",
                (f"{snippet(speaker_name(speaker), 40)}", "bold"),
                role,
                f" · {kind_label(quote.kind)}{cue}",
            )
        )
    for mark in index.overlapping("numbers", start, end):
        number = index.numbers[mark.key]
        lines.append(
            Text.assemble(
                f"{_GLYPH['numbers']} “{snippet(number.text, 30)}” = ",
                (number_value(number), "bold"),
                f" · {kind_label(number.kind)}",
            )
        )
    for mark in index.overlapping("claims", start, end):
        claim = index.claims[mark.key]
        why = f": {snippet(claim.explanation, 200)}" if claim.explanation else ""
        lines.append(
            Text.assemble(
                f"{_GLYPH['claims']} ", (category_label(claim.category), "bold"), f" ({claim.weight}){why}"
            )
        )
    seen: set[str] = set()
    for mark in index.overlapping("checks", start, end):
        if mark.key not in seen:
            seen.add(mark.key)
            lines.append(Text(f"{_GLYPH['checks']} {snippet(index.check_message(mark.key), 200)}"))
    if not lines:
        return Text(f"{state.place} · nothing flagged in this sentence", "dim")
    return Text("\n").join(lines)
