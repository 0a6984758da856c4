"""An article's annotations as one Markdown file: front matter, passages in document order, claims, speakers.

Byte-identical on re-export: nothing here reads a clock; times shown are the
annotations' own ``modified`` stamps.
"""

from __future__ import annotations

from reader import __version__
from reader.export import markup
from reader.export.article import Article
from reader.labels import describe_number, speaker_name
from reader.store import Annotation, LibraryEntry
from reader.store.verdicts import Evidence


def render_markdown(article: Article) -> str:
    parts = [
        _front_matter(article),
        f"# {markup.inline(article.record.title) or 'Untitled article'}",
        _summary(article),
    ]
    placed = article.placed
    parts.append("## Annotations")
    if placed:
        parts += [_annotation(article, number, a) for number, a in enumerate(placed, start=1)]
    else:
        parts.append("No annotations on the current text.")
    if article.orphans:
        parts.append("## Orphaned annotations")
        parts.append(
            "The article changed and these passages could not be found again with confidence;"
            " they are shown with their original quote."
        )
        parts += [
            _annotation(article, number, a) for number, a in enumerate(article.orphans, start=len(placed) + 1)
        ]
    if article.analysis is None:
        parts.append("## Analysis")
        parts.append(
            "No analysis was cached for this article, so speakers, numbers and claims still to check are not listed."
        )
    else:
        parts.append(_claims(article))
        parts.append(_speakers(article))
    return "\n\n".join(parts) + "\n"


def _front_matter(article: Article) -> str:
    record = article.record
    lines = ["---", f"title: {markup.yaml_scalar(record.title)}"]
    if record.sources:
        lines.append(f"source: {markup.yaml_scalar(record.sources[0])}")
        lines.append("sources:")
        lines += [f"  - {markup.yaml_scalar(source)}" for source in record.sources]
    counts = article.tag_counts()
    lines += [
        f"sha256: {record.sha256}",
        f"reader: {markup.yaml_scalar(__version__)}",
        f"annotations: {len(article.annotations)}",
    ]
    if counts:
        lines.append("tags:")
        lines += [f"  - {markup.yaml_scalar(tag)}" for tag in counts]
        lines.append("tag_counts:")
        lines += [f"  {markup.yaml_scalar(tag)}: {count}" for tag, count in counts.items()]
    else:
        lines += ["tags: []", "tag_counts: {}"]
    lines.append("---")
    return "\n".join(lines)


def _summary(article: Article) -> str:
    counts = article.tag_counts()
    notes = sum(1 for a in article.annotations if a.note is not None)
    pieces = [f"{count} {markup.inline(tag)}" for tag, count in counts.items()]
    pieces.append(f"{notes} {'note' if notes == 1 else 'notes'}")
    if article.orphans:
        pieces.append(f"{len(article.orphans)} orphaned")
    total = len(article.annotations)
    return f"{total} {'annotation' if total == 1 else 'annotations'}: " + ", ".join(pieces) + "."


def _annotation(article: Article, number: int, annotation: Annotation) -> str:
    location = None if annotation.orphaned else article.location(annotation.anchor.start)
    kind = annotation.tag or (f"verdict {annotation.verdict}" if annotation.verdict else None)
    heading = f"### {number}. " + (markup.inline(kind) if kind else "note")
    if location is not None:
        heading += f" · {location.describe()}"
    facts: list[str] = []
    if annotation.tag is not None:
        facts.append(f"- **Tag:** {markup.tag(annotation.tag)}")
    if not annotation.orphaned:
        for quote in article.quotes_in(annotation):
            speaker = article.speaker(quote.speaker)
            who = "unattributed" if speaker is None else markup.inline(speaker_name(speaker))
            if speaker is not None and speaker.role:
                who += f" ({markup.inline(speaker.role)})"
            facts.append(f"- **Speaker:** {who}, {markup.inline(quote.kind.replace('_', ' '))} quote")
        numbers = article.numbers_in(annotation)
        if numbers:
            facts.append("- **Numbers:** " + "; ".join(markup.inline(describe_number(n)) for n in numbers))
    if location is not None:
        facts.append(f"- **Location:** {location.describe()}")
    elif annotation.orphaned:
        facts.append(
            f"- **Location:** not found in the current text (was at character {annotation.anchor.start})"
        )
    if annotation.verdicts:
        facts.append(f"- **Verdict:** {markup.inline(annotation.verdict or 'cleared')}")
        if len(annotation.verdicts) > 1:
            history = "; ".join(
                f"{markup.inline(v.value or 'cleared')} ({markup.inline(v.time)})"
                for v in annotation.verdicts
            )
            facts.append(f"- **Verdict history:** {history}")
    for evidence in annotation.evidence:
        facts.append(f"- **Evidence:** {_evidence(evidence)}")
    facts.append(f"- **Modified:** {markup.inline(annotation.modified)}")
    body = [heading, markup.blockquote(annotation.anchor.exact) or "> (whitespace only)", "\n".join(facts)]
    if annotation.note is not None:
        body += markup.paragraphs(annotation.note)
    body.append(f"^note-{annotation.id}")
    return "\n\n".join(body)


def _evidence(evidence: Evidence) -> str:
    label = markup.inline(evidence.title) if evidence.title else "source"
    parts = [f"[{label}](<{evidence.url}>) ([archive](<{evidence.archive_url}>))"]
    if evidence.accessed:
        parts.append(f"accessed {markup.inline(evidence.accessed)}")
    if evidence.passage:
        parts.append(f"“{markup.inline(evidence.passage)}”")
    if evidence.note:
        parts.append(markup.inline(evidence.note))
    return ", ".join(parts)


def _claims(article: Article) -> str:
    claims = article.claims_to_check()
    lines = ["## Claims still to check"]
    if not claims:
        return "\n\n".join([*lines, "Every unverified claim the analysis found is tagged."])
    items = []
    for claim in claims:
        location = article.location(claim.start)
        where = f" · {location.describe()}" if location is not None else ""
        why = f" {markup.inline(claim.explanation)}" if claim.explanation else ""
        kind = markup.inline(claim.category.replace("_", " "))
        items.append(f"- “{markup.inline(claim.text)}” — {kind}, {markup.inline(claim.weight)}{where}.{why}")
    return "\n\n".join([*lines, "\n".join(items)])


def _speakers(article: Article) -> str:
    rows = article.speakers_with_quotes()
    if not rows:
        return "## Speakers\n\nThe analysis found no speakers."
    table = ["| Speaker | Role | Quotes |", "| --- | --- | ---: |"]
    for speaker, quotes in rows:
        role = markup.table_cell(speaker.role) if speaker.role else "—"
        table.append(f"| {markup.table_cell(speaker_name(speaker))} | {role} | {quotes} |")
    return "## Speakers\n\n" + "\n".join(table)


def render_index(entries: list[tuple[LibraryEntry, str]]) -> str:
    """The ``--all`` index: one line per article, linking its file (``entries`` = entry, file name)."""
    lines = [
        "# Reader notes",  # files.INDEX_HEADING: how a later --all knows the index is its own
        "",
        f"{len(entries)} {'article' if len(entries) == 1 else 'articles'} with annotations.",
        "",
    ]
    for entry, name in entries:
        counts = ", ".join(f"{count} {markup.inline(tag)}" for tag, count in entry.tag_counts.items())
        notes = f"{entry.notes} {'note' if entry.notes == 1 else 'notes'}"
        summary = f"{counts}, {notes}" if counts else notes
        lines.append(f"- [{markup.inline(entry.title) or 'Untitled article'}](<{name}>) — {summary}")
    return "\n".join(lines) + "\n"
