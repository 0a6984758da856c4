"""``reader notes``: an article's annotations printed with rich, in document order."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from reader.export.article import Article
from reader.store import Annotation

PASSAGE_LIMIT = 400
TAG_STYLES = {
    "needs-source": "yellow",
    "verified": "green",
    "disputed": "magenta",
    "false": "red",
    "opinion": "cyan",
}


def render_notes(article: Article) -> RenderableType:
    record = article.record
    header = Text(record.title or "Untitled article", style="bold")
    for source in record.sources:
        header.append(f"\n{source}", style="dim")
    counts = article.tag_counts()
    summary = Text()
    for tag, count in counts.items():
        summary.append(f"{tag} ", style=TAG_STYLES.get(tag, "bold"))
        summary.append(f"{count}  ")
    notes = sum(1 for a in article.annotations if a.note is not None)
    summary.append(f"notes {notes}")
    if article.orphans:
        summary.append(f"  orphaned {len(article.orphans)}", style="red")
    parts: list[RenderableType] = [header, summary]
    if not article.annotations:
        parts.append(Text("no notes", style="dim"))
        return Group(*parts)
    for annotation in article.placed:
        parts.append(_entry(article, annotation))
    if article.orphans:
        parts.append(Rule("orphaned: the text changed and these passages were not found again", style="red"))
        parts += [_entry(article, a) for a in article.orphans]
    return Group(*parts)


def _entry(article: Article, annotation: Annotation) -> RenderableType:
    location = None if annotation.orphaned else article.location(annotation.anchor.start)
    title = Text()
    if annotation.tag is not None:
        title.append(f"[{annotation.tag}]", style=f"bold {TAG_STYLES.get(annotation.tag, '')}".strip())
        title.append(" ")
    title.append(
        location.describe() if location is not None else f"was at character {annotation.anchor.start}"
    )
    title.append(f"  {annotation.modified}", style="dim")
    passage = " ".join(annotation.anchor.exact.split())
    if len(passage) > PASSAGE_LIMIT:
        passage = passage[: PASSAGE_LIMIT - 1] + "…"
    lines: list[RenderableType] = [title, Padding(Text(f"“{passage}”", style="italic"), (0, 0, 0, 2))]
    if annotation.note is not None:
        lines.append(Padding(Text(annotation.note), (0, 0, 0, 2)))
    return Padding(Group(*lines), (1, 0, 0, 0))
