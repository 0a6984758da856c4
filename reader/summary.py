"""A readable terminal summary of an Analysis (``reader analyze`` without ``--json``)."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.analysis.model import Analysis
from reader.labels import category_label, fraction_words, kind_label, number_words, sentence_place

LAYER_LABELS = (
    ("speakers", "speakers"),
    ("quotes", "quotes"),
    ("numbers", "numbers"),
    ("claims", "unverified claims"),
    ("checks", "checks"),
)


def render_summary(analysis: Analysis, text: str) -> RenderableType:
    """Counts per layer, speakers with their quote counts, the unverified claims and the checks."""
    parts: list[RenderableType] = []
    counts = "  ".join(f"[bold]{len(getattr(analysis, attr))}[/] {label}" for attr, label in LAYER_LABELS)
    header = Text.from_markup(
        f"[bold]{_escape(analysis.document.title)}[/]\n{_escape(analysis.document.source)} · {analysis.engine.model}\n"
    )
    header.append_text(Text.from_markup(counts))
    parts.append(header)
    for warning in analysis.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))

    quotes_by_speaker = Counter(quote.speaker for quote in analysis.quotes)
    if analysis.speakers:
        table = Table(title="Speakers", title_justify="left", expand=False)
        table.add_column("speaker")
        table.add_column("role")
        table.add_column("quotes", justify="right")
        for speaker in sorted(analysis.speakers, key=lambda s: (-quotes_by_speaker[s.id], s.id)):
            name = speaker.name or f"({speaker.label or 'unnamed'})"
            table.add_row(Text(name), Text(speaker.role or ""), str(quotes_by_speaker[speaker.id]))
        parts.append(table)

    if analysis.numbers:
        table = Table(title="Numbers", title_justify="left")
        for column in ("text", "kind", "value", "unit", "qualifier"):
            table.add_column(column)
        for number in analysis.numbers:
            if number.kind == "date":
                value = number.text  # a year is not a quantity: "2019", never "2,019"
            elif number.kind == "ratio" and number.value is not None:
                value = fraction_words(number.value)
            else:
                value = _format_value(number.value, number.low, number.high)
            table.add_row(
                Text(number.text),
                kind_label(number.kind),
                value,
                Text(number.unit or ""),
                number.qualifier or "",
            )
        parts.append(table)

    if analysis.claims:
        table = Table(title="Unverified claims", title_justify="left")
        table.add_column("where")
        table.add_column("why")
        table.add_column("weight")
        table.add_column("claim", ratio=1)
        paragraphs = [p.start for p in analysis.paragraphs]
        sentences = [s.start for s in analysis.sentences]
        for claim in analysis.claims:
            place = sentence_place(claim.start, paragraphs, sentences)
            table.add_row(
                place,
                category_label(claim.category),
                claim.weight,
                Text(_clip(text[claim.start : claim.end], 160)),
            )
        parts.append(table)

    if analysis.checks:
        parts.append(
            Panel(
                Group(*(Text(f"{kind_label(c.kind)}: {c.message}") for c in analysis.checks)),
                title="Checks",
                title_align="left",
            )
        )
    return Group(*parts)


def _format_value(value: float | None, low: float | None, high: float | None) -> str:
    show = number_words
    if low is not None or high is not None:
        return f"{show(low) if low is not None else '?'}–{show(high) if high is not None else '?'}"
    return show(value) if value is not None else ""


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
