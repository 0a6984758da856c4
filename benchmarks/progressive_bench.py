"""Book length without waiting: time to the first highlighted page against the time to the whole analysis.

A generated 500,000-word text is opened two thirds of the way in (a book reopened where the reader
left off). Both clocks start with the model loaded, as the reading screen's do once spaCy is in:
the first page is the first merged part made ready for the screen (reader.tui.parts.PartsShown, the
reading screen's own callback: its index and panel rows), the whole is the final analysis. The whole progressive run is also
set against a one-shot ``analyze_many`` of the same text, for what the parts on the way cost.
"""

from __future__ import annotations

import time

from benchmarks.corpus import article
from benchmarks.harness import Figure
from reader.analysis import analyze_many
from reader.analysis.engine import analyze_progressively
from reader.analysis.nlp import load_pipeline
from reader.intake import make_document
from reader.tui.parts import PartsShown, PartsView

BOOK_WORDS = 500_000
FIRST_PAGE_TARGET = 1.0  # seconds from the model loaded to the page on screen showing its highlights


def figures(quick: bool = False) -> list[Figure]:
    words = 50_000 if quick else BOOK_WORDS
    document = make_document(article(words), source="book.txt", extractor="plain")
    pipeline = load_pipeline()
    place = document.paragraphs[2 * len(document.paragraphs) // 3].start
    parts: list[float] = []

    def shown(_view: PartsView) -> None:
        parts.append(time.perf_counter() - start)

    start = time.perf_counter()
    result = analyze_progressively(document, pipeline, partial=PartsShown(document, shown), focus=place)
    whole = time.perf_counter() - start
    start = time.perf_counter()
    one_shot = next(analyze_many([document], pipeline=pipeline))
    plain = time.perf_counter() - start
    if one_shot.to_json() != result.to_json():
        raise AssertionError("the progressive analysis differs from the one-shot analysis")
    label = f"{words:,}-word text, model loaded"
    return [
        Figure(
            f"first highlighted page vs whole analysis ({label})",
            parts[0],
            whole,
            "s",
            f"first page <= {FIRST_PAGE_TARGET:g} s",
            parts[0] <= FIRST_PAGE_TARGET,
            spread=f"{len(parts)} parts shown, the last at {parts[-1]:.1f} s",
        ),
        Figure(
            f"whole analysis with parts on the way vs one-shot ({label})",
            whole,
            plain,
            "s",
            "report",
            None,
            spread=f"{len(parts)} parts",
        ),
    ]
