"""The analysis engine: speakers, quotes, numbers, unverified claims and checks.

Pure Python + spaCy, no Textual. Importing this package does not import spaCy:
that happens on the first analysis, so the TUI paints before the model loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.analysis.model import SCHEMA, Analysis, engine_version

if TYPE_CHECKING:
    from reader.intake import Document

__all__ = ["SCHEMA", "Analysis", "analyze", "analyze_many", "engine_version"]


def analyze(document: Document, **kwargs: Any) -> Analysis:
    from reader.analysis.engine import analyze as run

    return run(document, **kwargs)


def analyze_many(documents: Any, **kwargs: Any) -> Any:
    from reader.analysis.engine import analyze_many as run

    return run(documents, **kwargs)
