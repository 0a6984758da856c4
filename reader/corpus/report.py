"""``reader corpus report``: the figures as rich tables, one self-contained HTML page, and CSVs.

Charts are drawn by matplotlib (Agg) and embedded as inline SVG, so the page
needs no script, CDN or network to be read, and can be mailed as one file.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from reader.corpus.figures import Figure, Headline, compute
from reader.intake import InputError

CHART_LIMIT = 20  # bars per chart; the tables and CSVs have every row


def report(out: Path, html_path: Path | None, console: Console) -> Path:
    """Write the HTML page and its CSVs beside it, then print the tables; returns the page's path."""
    headline, figures = compute(out)
    html_path = html_path or out / "report.html"
    try:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        for figure in figures:
            with open(html_path.with_name(f"{html_path.stem}-{figure.name}.csv"), "w", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(figure.columns)
                writer.writerows(figure.rows)
        html_path.write_text(_page(out, headline, figures), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{exc.filename or html_path}: cannot write the report ({exc.strerror})") from None
    console.print(_headline_table(headline))
    for figure in figures:
        console.print(_rich_table(figure))
    console.print(f"report: {html_path} (CSV files beside it)")
    return html_path


def _headline_table(headline: Headline) -> Table:
    table = Table(title="Corpus", show_header=False)
    for key, value in asdict(headline).items():
        table.add_row(key.replace("_", " "), _cell(value))
    return table


def _rich_table(figure: Figure) -> Table:
    table = Table(title=figure.title)
    for column in figure.columns:
        table.add_column(column)
    for row in figure.rows:
        table.add_row(*(_cell(value) for value in row))
    return table


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _chart(figure: Figure) -> str:
    """An inline SVG bar chart of the figure's main measure (stacked shares for claims)."""
    drawn = _draw(figure)
    if drawn is None:
        return "<p>No data.</p>"
    from matplotlib import pyplot as plt

    buffer = io.StringIO()
    drawn.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(drawn)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _draw(figure: Figure):  # noqa: ANN202 (a matplotlib Figure, imported only when a report is drawn)
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    rows = figure.rows[:CHART_LIMIT] if figure.name != "volume" else _monthly(figure)
    if not rows:
        return None
    fig, axis = plt.subplots(figsize=(8, max(2.0, 0.3 * len(rows) + 1)))
    labels = [str(row[0]) for row in rows]
    if figure.name == "claims":
        left = [0.0] * len(rows)
        for index, category in enumerate(figure.columns[1:-1], 1):
            values = [float(row[index]) for row in rows]
            axis.barh(labels, values, left=left, label=category)
            left = [a + b for a, b in zip(left, values, strict=True)]
        # beside the bars, not over them: inside, it hid the last outlets' shares
        axis.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        axis.set_xlabel("share of claims")
    else:
        measure = {"volume": 1, "speakers": 1, "unnamed": 3, "numbers": 3}[figure.name]
        axis.barh(labels, [float(row[measure]) for row in rows])
        axis.set_xlabel(
            {"volume": "documents", "speakers": "quotes"}.get(figure.name, figure.columns[measure])
        )
    axis.invert_yaxis()
    fig.tight_layout()
    return fig


def _monthly(figure: Figure) -> list[tuple[object, ...]]:
    months: dict[str, int] = {}
    for _, month, documents, _words in figure.rows:
        months[str(month)] = months.get(str(month), 0) + int(documents)
    return sorted(months.items())[-CHART_LIMIT * 2 :]


def _html_table(figure: Figure) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in figure.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>" for row in figure.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page(out: Path, headline: Headline, figures: list[Figure]) -> str:
    facts = "".join(
        f"<li>{html.escape(k.replace('_', ' '))}: <b>{html.escape(_cell(v))}</b></li>"
        for k, v in asdict(headline).items()
    )
    sections = "".join(
        f"<section><h2>{html.escape(f.title)}</h2>{_chart(f)}<details><summary>table</summary>"
        f"{_html_table(f)}</details></section>"
        for f in figures
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>Corpus report: {html.escape(out.name)}</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
        "svg{max-width:100%;height:auto}</style></head><body>"
        f"<h1>Corpus report: {html.escape(str(out))}</h1><ul>{facts}</ul>{sections}</body></html>\n"
    )
