"""Finding a quote's speaker in an analysis, for the attribution tests."""

from __future__ import annotations

from reader.analysis.model import Analysis, Speaker


def speaker(analysis: Analysis, fragment: str) -> Speaker | None:
    """The speaker of the quote containing fragment (None when the quote has none); fails with no quote."""
    quote = next(q for q in analysis.quotes if fragment in q.text)
    return next((s for s in analysis.speakers if s.id == quote.speaker), None)


def speaker_of(analysis: Analysis, fragment: str) -> str | None:
    """The name (or label) of the speaker of the quote containing fragment; fails when there is none."""
    found = speaker(analysis, fragment)
    return None if found is None else found.name or found.label
