"""Analyses made by hand from the model dataclasses, for tests and benchmarks that must not depend on the engine.

The document's paragraphs and an engine stamp are the same in every such analysis;
the caller gives the layers (and the sentences, when rough ones will not do).
"""

from __future__ import annotations

from typing import Any

from reader.analysis.model import Analysis, DocumentInfo, EngineInfo, ParagraphSpan, Sentence
from reader.intake.document import Document
from reader.tui.text import rough_sentences


def handmade_analysis(
    document: Document,
    engine: EngineInfo,
    *,
    sentences: list[Sentence] | None = None,
    **layers: Any,
) -> Analysis:
    """An analysis of ``document`` with its paragraphs, the given sentences (else rough ones from
    punctuation) and the given layers (speakers, quotes, numbers, claims, checks)."""
    text = document.text
    if sentences is None:
        sentences = [
            Sentence(f"s{number}", start, end)
            for number, (start, end) in enumerate(rough_sentences(text, document.paragraphs))
        ]
    return Analysis(
        document=DocumentInfo(
            document.source, document.title, document.sha256, len(text), document.extractor
        ),
        engine=engine,
        paragraphs=[ParagraphSpan(p.start, p.end) for p in document.paragraphs],
        sentences=sentences,
        **layers,
    )


def paragraph_sentences(document: Document) -> list[Sentence]:
    """One sentence per paragraph: enough where only the paragraphs matter."""
    return [Sentence(f"s{number}", p.start, p.end) for number, p in enumerate(document.paragraphs)]
