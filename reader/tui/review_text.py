"""How a verdict and its evidence read in one line (the details area, the Notes branch, the review queue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from reader.store.verdicts import shown

if TYPE_CHECKING:
    from reader.store import Annotation  # the records load with the store, after the first frame


def verdict_line(annotation: Annotation, scale: tuple[str, ...]) -> Text | None:
    """``⚖ false · was misleading 2026-11-30 · 2 evidence``; None when it has neither verdict nor evidence."""
    if not annotation.verdicts and not annotation.evidence:
        return None
    parts: list[str | tuple[str, str]] = ["⚖ ", (shown(annotation.verdict, scale), "bold")]
    earlier = [v for v in annotation.verdicts[:-1]]
    if earlier:
        parts.append(
            " · was " + ", ".join(f"{v.value or 'cleared'} {v.time[:10]}" for v in reversed(earlier))
        )
    if annotation.evidence:
        count = len(annotation.evidence)
        parts.append(f" · {count} evidence " + ("record" if count == 1 else "records"))
    return Text.assemble(*parts)


def evidence_lines(annotation: Annotation) -> list[Text]:
    lines = []
    for number, evidence in enumerate(annotation.evidence, start=1):
        title = f"{evidence.title}: " if evidence.title else ""
        accessed = f" (accessed {evidence.accessed})" if evidence.accessed else ""
        passage = f" “{evidence.passage}”" if evidence.passage else ""
        note = f" — {evidence.note}" if evidence.note else ""
        lines.append(
            Text.assemble(
                f"  {number}. {title}",
                (evidence.url, "underline"),
                accessed,
                passage,
                note,
                ("  archive: " + evidence.archive_url, "dim"),
            )
        )
    return lines
