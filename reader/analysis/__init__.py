"""The analysis engine: speakers, quotes, numbers, unverified claims and checks.

Pure Python + spaCy, no Textual. Importing this package does not import spaCy:
that happens on the first analysis, so the TUI paints before the model loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.analysis.model import SCHEMA, Analysis, engine_version
    from reader.intake import Document

__all__ = ["SCHEMA", "Analysis", "analyze", "analyze_many", "engine_version"]


def __getattr__(name: str) -> object:
    """``from reader.analysis import Analysis`` loads reader.analysis.model then (PEP 562): the reading
    screen imports reader.analysis.sentence before its first frame, and the records only once an analysis
    comes (issue 22)."""
    if name in ("SCHEMA", "Analysis", "engine_version"):
        from reader.analysis import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def analyze(document: Document, **kwargs: Any) -> Analysis:
    from reader.analysis.engine import analyze as run

    return run(document, **kwargs)


def analyze_many(documents: Any, **kwargs: Any) -> Any:
    from reader.analysis.engine import analyze_many as run

    return run(documents, **kwargs)
