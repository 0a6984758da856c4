"""Store and export figures: export of 1,000 notes, re-anchoring after an edit, one committed action, the library.

Each figure builds its own store in a temporary folder from the synthetic
corpus (with a hand-built analysis so the Markdown has speakers, numbers and
claims to render) and never touches the user's data folder.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import article
from benchmarks.harness import Figure
from reader.analysis.model import (
    Analysis,
    Claim,
    EngineInfo,
    Number,
    Quote,
    Speaker,
)
from reader.export import export_document
from reader.intake import Document, make_document
from reader.store import Anchor, Annotation, History, Store
from reader.store.model import DEFAULT_TAGS
from tests.handmade import handmade_analysis, paragraph_sentences


def _analysis(document: Document) -> Analysis:
    """Paragraph/sentence spans and one speaker, quote, number and claim per paragraph: enough for every section."""
    text = document.text
    quotes, numbers, claims = [], [], []
    for index, p in enumerate(document.paragraphs):
        middle = p.start + (p.end - p.start) // 2
        quotes.append(Quote(f"q{index}", "p0", "direct", p.start, middle, text[p.start : middle]))
        numbers.append(Number(f"n{index}", p.start, p.start + 1, text[p.start], "count", value=1.0))
        claims.append(Claim(f"c{index}", middle, p.end, text[middle : p.end], None, "hedge", "weak"))
    return handmade_analysis(
        document,
        EngineInfo("bench", "bench"),
        sentences=paragraph_sentences(document),
        speakers=[Speaker("p0", "Anna Berg", None, "analyst", "person")],
        quotes=quotes,
        numbers=numbers,
        claims=claims,
    )


def _annotated(store: Store, words: int, notes: int, source: str) -> Document:
    document = make_document(article(words), source=source, extractor="plain")
    store.open_document(document)
    store.save_analysis(_analysis(document))
    rng = random.Random(11)
    text = document.text
    for index in range(notes):
        start = rng.randrange(0, len(text) - 80)
        end = start + rng.randrange(10, 80)
        stamp = f"2026-01-01T00:00:{index % 60:02d}.000Z"
        tag = DEFAULT_TAGS[index % len(DEFAULT_TAGS)] if index % 3 else None
        note = f"Note {index}: check *this* | figure" if tag is None or index % 2 else None
        store.restore(
            f"n{index:05d}",
            Annotation(
                f"n{index:05d}", document.sha256, Anchor.of(text, start, end), tag, note, stamp, stamp
            ),
        )
    return document


def export_thousand_notes(quick: bool) -> list[Figure]:
    figures = []
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "data") as store:
        document = _annotated(store, 20_000, 1000, str(Path(folder) / "article.txt"))
        for fmt in ("md", "json"):
            times = []
            for repeat in range(3 if quick else 7):
                target = Path(folder) / f"out-{repeat}.{fmt}"
                start = time.perf_counter()
                export_document(store, document.sha256, fmt, target)
                times.append(time.perf_counter() - start)
            best = statistics.median(times)
            figures.append(
                Figure(
                    f"export of 1,000 notes ({fmt}), 20k-word article",
                    best,
                    None,
                    "s",
                    "< 1 s",
                    best < 1.0,
                    spread=f"{min(times):.3f}–{max(times):.3f} over {len(times)}",
                )
            )
    return figures


def reanchor_after_edit(quick: bool) -> Figure:
    notes = 200 if quick else 500
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "data") as store:
        path = str(Path(folder) / "article.txt")
        document = _annotated(store, 10_000, notes, path)
        paragraphs = document.text.split("\n")
        paragraphs.insert(
            len(paragraphs) // 2, "An editor's note was inserted here, and a paragraph below was reworded."
        )
        paragraphs[-2] = paragraphs[-2].replace("the", "a")
        changed = make_document("\n".join(paragraphs), source=path, extractor="plain")
        start = time.perf_counter()
        opened = store.open_document(changed)
        took = time.perf_counter() - start
    return Figure(
        f"reopen a changed 10k-word article, re-anchor {notes} notes",
        took,
        None,
        "s",
        "< 2 s",
        took < 2.0,
        note=f"{opened.moved} placed, {len(opened.orphaned)} orphaned",
    )


def committed_action(quick: bool) -> Figure:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "data") as store:
        document = make_document(article(2_000), source="bench", extractor="plain")
        store.open_document(document)
        history = History(store)
        times = []
        for index in range(50 if quick else 200):
            start = time.perf_counter()
            history.record(store.annotate(document.sha256, index, index + 10, tag="verified"))
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
    return Figure(
        "tag one span (one committed transaction)",
        median,
        None,
        "ms",
        "< 20 ms",
        median < 20.0,
        spread=f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms",
    )


def library_listing(quick: bool) -> Figure:
    articles = 50 if quick else 200
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "data") as store:
        for seed in range(articles):
            document = make_document(
                article(300, seed), source=f"https://example.org/{seed}", extractor="plain"
            )
            store.open_document(document)
            for offset in range(10):
                store.annotate(document.sha256, offset * 5, offset * 5 + 4, tag=DEFAULT_TAGS[offset % 5])
        start = time.perf_counter()
        entries = store.library()
        took = (time.perf_counter() - start) * 1000
    return Figure(
        f"library of {articles} articles × 10 notes",
        took,
        None,
        "ms",
        "< 200 ms",
        took < 200.0,
        note=f"{len(entries)} entries",
    )


def figures(quick: bool = False) -> list[Figure]:
    return [
        *export_thousand_notes(quick),
        reanchor_after_edit(quick),
        committed_action(quick),
        library_listing(quick),
    ]
