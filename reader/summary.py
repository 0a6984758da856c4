"""A readable terminal summary of an Analysis (``reader analyze`` without ``--json``)."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.analysis.model import Analysis

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
            value = _format_value(number.value, number.low, number.high)
            table.add_row(
                Text(number.text), number.kind, value, Text(number.unit or ""), number.qualifier or ""
            )
        parts.append(table)

    if analysis.claims:
        table = Table(title="Unverified claims", title_justify="left")
        table.add_column("category")
        table.add_column("weight")
        table.add_column("claim", ratio=1)
        for claim in analysis.claims:
            table.add_row(claim.category, claim.weight, Text(_clip(text[claim.start : claim.end], 160)))
        parts.append(table)

    if analysis.checks:
        parts.append(
            Panel(
                Group(*(Text(f"{c.kind}: {c.message}") for c in analysis.checks)),
                title="Checks",
                title_align="left",
            )
        )
    return Group(*parts)


def _format_value(value: float | None, low: float | None, high: float | None) -> str:
    def show(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"

    if low is not None or high is not None:
        return f"{show(low) if low is not None else '?'}–{show(high) if high is not None else '?'}"
    return show(value) if value is not None else ""


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
