"""``reader notes``: an article's annotations printed with rich, in document order.

Indented blocks are wrapped here (not with rich Padding) so that output piped
to a file carries no trailing spaces.
"""

from __future__ import annotations

import textwrap

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from reader.export.article import Article
from reader.store import Annotation

PASSAGE_LIMIT = 400
INDENT = "  "
TAG_STYLES = {
    "needs-source": "yellow",
    "verified": "green",
    "disputed": "magenta",
    "false": "red",
    "opinion": "cyan",
}


def render_notes(article: Article, width: int = 80) -> RenderableType:
    record = article.record
    header = Text(record.title or "Untitled article", style="bold")
    for source in record.sources:
        header.append(f"\n{source}", style="dim")
    summary = Text()
    for tag, count in article.tag_counts().items():
        summary.append(tag, style=TAG_STYLES.get(tag, "bold"))
        summary.append(f" {count}  ")
    notes = sum(1 for a in article.annotations if a.note is not None)
    summary.append(f"notes {notes}")
    if article.orphans:
        summary.append(f"  orphaned {len(article.orphans)}", style="red")
    parts: list[RenderableType] = [header, summary]
    if not article.annotations:
        parts.append(Text("no notes", style="dim"))
        return Group(*parts)
    parts += [_entry(article, a, width) for a in article.placed]
    if article.orphans:
        parts.append(Text(""))
        parts.append(Rule("orphaned: the text changed and these passages were not found again", style="red"))
        parts += [_entry(article, a, width) for a in article.orphans]
    return Group(*parts)


def _entry(article: Article, annotation: Annotation, width: int) -> Text:
    location = None if annotation.orphaned else article.location(annotation.anchor.start)
    entry = Text("\n")
    label = annotation.tag if annotation.tag is not None else "note"
    entry.append(f"[{label}]", style=f"bold {TAG_STYLES.get(label, '')}".strip())
    entry.append(
        " " + (location.describe() if location is not None else f"was at character {annotation.anchor.start}")
    )
    entry.append(f"  {annotation.modified[:16].replace('T', ' ')} UTC", style="dim")
    passage = " ".join(annotation.anchor.exact.split())
    if len(passage) > PASSAGE_LIMIT:
        passage = passage[: PASSAGE_LIMIT - 1] + "…"
    entry.append("\n" + _indented(f"“{passage}”", width), style="italic")
    if annotation.note is not None:
        entry.append("\n" + "\n".join(_indented(line, width) for line in annotation.note.split("\n")))
    return entry


def _indented(text: str, width: int) -> str:
    wrapped = textwrap.fill(text, max(20, width), initial_indent=INDENT, subsequent_indent=INDENT)
    return wrapped or INDENT.rstrip()
