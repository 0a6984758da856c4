"""Run the pipeline over a Document, a paragraph at a time, and assemble the Analysis."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader import __version__
from reader.analysis.context import Chunk, Results
from reader.analysis.model import Analysis, DocumentInfo, EngineInfo, ParagraphSpan, Sentence
from reader.analysis.nlp import MODEL_PACKAGES, Pipeline, load_pipeline
from reader.intake import Document

# Paragraphs longer than this are cut (at a sentence-like boundary when there is one)
# so spaCy's max_length and memory never become the failure.
MAX_CHUNK_CHARS = 20_000
BATCH_SIZE = 64

Progress = Callable[[int, int], None]  # (characters done, characters total)


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    paragraph: int


def analyze(
    document: Document,
    *,
    progress: Progress | None = None,
    packages: tuple[str, ...] = MODEL_PACKAGES,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """The full analysis of one document."""
    pipeline = load_pipeline(packages)
    return next(iter(analyze_many([document], pipeline=pipeline, progress=progress, cancelled=cancelled)))


def analyze_many(
    documents: Iterable[Document],
    *,
    pipeline: Pipeline | None = None,
    n_process: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Analysis]:
    """Analyses in input order; with ``n_process`` > 1 spaCy parses in several processes."""
    pipeline = pipeline or load_pipeline()
    for document in documents:
        yield _analyze_one(document, pipeline, n_process, progress, cancelled)


class Cancelled(Exception):
    """The caller asked the analysis to stop (the TUI closed the article)."""


def _analyze_one(
    document: Document,
    pipeline: Pipeline,
    n_process: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Analysis:
    from reader.analysis.layers import LAYERS

    text = document.text
    results = Results(text=text, has_parser=pipeline.has_parser, has_ner=pipeline.has_ner)
    results.warnings.extend(pipeline.warnings)
    layers = [layer(results) for layer in LAYERS]
    pieces = list(split_pieces(document))
    total = len(text) or 1
    texts = (text[piece.start : piece.end] for piece in pieces)
    docs = pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
    for piece, doc in zip(pieces, docs):
        if cancelled is not None and cancelled():
            raise Cancelled()
        sentences = []
        for sent in doc.sents:
            span_text = sent.text
            stripped = span_text.strip()
            if not stripped:
                continue
            lead = len(span_text) - len(span_text.lstrip())
            start = piece.start + sent.start_char + lead
            sentence = Sentence(f"s{len(results.sentences)}", start, start + len(stripped))
            results.sentences.append(sentence)
            sentences.append(sentence)
        chunk = Chunk(doc=doc, start=piece.start, paragraph=piece.paragraph, sentences=sentences)
        for layer in layers:
            layer.feed(chunk)
        if progress is not None:
            progress(piece.end, total)
    for layer in layers:
        layer.finish()
    return Analysis(
        document=DocumentInfo(
            source=document.source,
            title=document.title,
            sha256=document.sha256,
            chars=len(text),
            extractor=document.extractor,
        ),
        engine=EngineInfo(model=pipeline.model, version=f"reader {__version__}"),
        paragraphs=[ParagraphSpan(p.start, p.end) for p in document.paragraphs],
        sentences=results.sentences,
        speakers=results.speakers,
        quotes=results.quotes,
        numbers=results.numbers,
        claims=results.claims,
        checks=results.checks,
        warnings=results.warnings,
    )


def split_pieces(document: Document) -> Iterator[Piece]:
    """Paragraphs, with any longer than MAX_CHUNK_CHARS cut near a sentence end or a space."""
    text = document.text
    for index, paragraph in enumerate(document.paragraphs):
        start = paragraph.start
        while paragraph.end - start > MAX_CHUNK_CHARS:
            limit = start + MAX_CHUNK_CHARS
            cut = max(text.rfind(". ", start, limit), text.rfind("\n", start, limit))
            cut = cut + 1 if cut > start + MAX_CHUNK_CHARS // 2 else text.rfind(" ", start, limit)
            if cut <= start:
                cut = limit
            yield Piece(start, cut, index)
            start = cut
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            yield Piece(start, paragraph.end, index)
