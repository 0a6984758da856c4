"""Run the pipeline over Documents, a paragraph at a time, and assemble each Analysis.

All pieces of all documents go through one ``nlp.pipe`` stream, so a batch
parses in several processes with ``n_process`` while layers still see each
document's paragraphs in order. Only one paragraph's parse is alive at a time.

A book in the reader cannot wait minutes for its highlights: ``analyze`` with
``partial`` first analyses the paragraphs around the reader's place, then runs
the one-shot analysis, feeding each parsed paragraph also to a part's own
layers, so every part of the book is shown when done (reader.analysis.partials
merges them) while the result stays the one-shot analysis, byte for byte.
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reader.analysis.allocator import trim_freed_memory
from reader.analysis.context import Chunk, Layer, Results
from reader.analysis.model import Analysis, DocumentInfo, EngineInfo, ParagraphSpan, Sentence, engine_version
from reader.analysis.nlp import MODEL_PACKAGES, Pipeline, load_pipeline
from reader.analysis.partials import Parts
from reader.intake import Document

# Paragraphs longer than this are cut (at a sentence-like boundary when there is one)
# so spaCy's max_length and memory never become the failure.
MAX_CHUNK_CHARS = 20_000
BATCH_SIZE = 64
# The tok2vec models (the shared one and the NER's own) keep every layer's activations until a
# batch's forward pass ends, about 15 KB a token: 64 paragraphs of the bench text held ~95 MB at
# once, two thirds of the model itself (measured with tracemalloc; issue 22). They run on smaller
# batches; the other components keep BATCH_SIZE, and the parse is the same (spaCy keeps one
# paragraph's arrays apart from the next's whatever the batch). Peak of a bare parse of the
# 500,000-word bench text (parse only, fresh process, VmHWM; the model loaded holds 148 MB) and its
# CPU seconds on a loaded machine, by BATCH_SIZE / TOK2VEC_BATCH_SIZE:
#   64/32 224 MB (1.52x) 55 s | 64/16 196 MB (1.33x) 57 s | 64/8 186 MB (1.26x) 62 s
#   32/32 222 MB (1.50x) 54 s | 32/16 186 MB (1.25x) 61 s | 16/16 184 MB (1.24x) 61 s
#   16/8 173 MB (1.17x) 67 s  | 8/8 172 MB (1.17x) 70 s
# A whole analysis (20,000 words, paired CPU time against 64/32): 64/16 +4%, 64/8 +14%, which the
# analysis-time row (0.76x [0.65-0.89] of a bare nlp.pipe) cannot take at its upper bound (<= 1.0x).
# 16 it is: the 500,000-word analysis peaks at 253 MB (1.71x) instead of 269 MB (64/8: 243 MB).
TOK2VEC_BATCH_SIZE = 16
PIPE_CONFIG = {"tok2vec": {"batch_size": TOK2VEC_BATCH_SIZE}, "ner": {"batch_size": TOK2VEC_BATCH_SIZE}}

# A parse's freed memory is handed back to the system (allocator.trim_freed_memory) only after a
# text this long: for a short one the pages are few, and a worker analysing one short document
# after another would map them again for the next (--jobs 2 on 200 short articles went from 0.57x
# to 0.63x of --jobs 1 with a trim after each).
TRIM_CHARS = 200_000

# Progressive analysis (analyze with ``partial``): about a screenful and a half around the reader's place
# comes first (0.2-0.4 s to parse and show on an idle machine), then the rest in parts of CHUNK_CHARS
# (a few seconds each).
FOCUS_CHARS = 6_000
CHUNK_CHARS = 50_000

Progress = Callable[[int, int], None]  # (characters done, characters total)
Partial = Callable[[Analysis, int], None]  # (the parts analysed so far merged, percent of the text parsed)


class Cancelled(Exception):
    """The caller asked the analysis to stop (the TUI closed the article)."""


@dataclass(frozen=True, slots=True)
class Piece:
    document: int
    start: int
    end: int
    paragraph: int


def analyze(
    document: Document,
    *,
    progress: Progress | None = None,
    packages: tuple[str, ...] = MODEL_PACKAGES,
    cancelled: Callable[[], bool] | None = None,
    partial: Partial | None = None,
    focus: Callable[[], int] = lambda: 0,
    chunk_chars: int = CHUNK_CHARS,
) -> Analysis:
    """The full analysis of one document; with ``partial``, the parts on the way (see analyze_progressively).

    ``focus`` (the reader's place, a text offset) is asked once the model is loaded, so a reading
    position restored meanwhile is the place analysed first.
    """
    pipeline = load_pipeline(packages)
    if partial is not None:
        return analyze_progressively(
            document,
            pipeline,
            partial=partial,
            focus=focus(),
            chunk_chars=chunk_chars,
            progress=progress,
            cancelled=cancelled,
        )
    return next(analyze_many([document], pipeline=pipeline, progress=progress, cancelled=cancelled))


def analyze_many(
    documents: Iterable[Document],
    *,
    pipeline: Pipeline | None = None,
    n_process: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Analysis]:
    """Analyses in input order. ``progress`` counts characters over the whole batch.

    With ``n_process`` > 1, a batch of several documents is shared among forked
    worker processes, each running this same engine on whole documents; one
    document alone goes through ``nlp.pipe(n_process=...)`` instead. Whole
    documents scale better: with ``nlp.pipe`` the parent still deserialises
    every parse and runs every layer, and on two cores that parent became the
    bottleneck (1.45x measured against the 1.6x wanted).
    """
    pipeline = pipeline or load_pipeline()
    documents = list(documents)
    if n_process > 1 and len(documents) > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _analyze_in_workers(documents, pipeline, n_process, progress, cancelled)
        return
    pieces = [piece for index, document in enumerate(documents) for piece in split_pieces(document, index)]
    bases = [0]
    for document in documents:
        bases.append(bases[-1] + len(document.text))
    total = bases[-1] or 1
    texts = (documents[piece.document].text[piece.start : piece.end] for piece in pieces)
    docs = _parse(pipeline, texts, n_process)
    builders: dict[int, _Builder] = {}

    def take(index: int) -> Analysis:
        builder = builders.pop(index, None) or _Builder(documents[index], pipeline)
        return builder.build()

    next_to_yield = 0
    for piece, doc in zip(pieces, docs, strict=True):
        if cancelled is not None and cancelled():
            raise Cancelled()
        # Pieces arrive in document order: a later document means the earlier ones are complete.
        while next_to_yield < piece.document:
            yield take(next_to_yield)
            next_to_yield += 1
        builder = builders.get(piece.document)
        if builder is None:
            builder = builders[piece.document] = _Builder(documents[piece.document], pipeline)
        builder.feed(piece, doc)
        if progress is not None:
            progress(bases[piece.document] + piece.end, total)
    if progress is not None:
        progress(total, total)
    _parse_ended(total)
    while next_to_yield < len(documents):
        yield take(next_to_yield)
        next_to_yield += 1


def analyze_range(document: Document, first: int, last: int, pipeline: Pipeline) -> Analysis:
    """Paragraphs ``first`` to ``last`` (exclusive) analysed as if they were the whole text, in its
    offsets: a partial view (no checks, which read the whole text; ids of its own), never the result."""
    builder = _Builder(document, pipeline, partial=True)
    pieces = [piece for piece in split_pieces(document) if first <= piece.paragraph < last]
    texts = (document.text[piece.start : piece.end] for piece in pieces)
    for piece, doc in zip(pieces, _parse(pipeline, texts), strict=True):
        builder.feed(piece, doc)
    return builder.build()


def _parse(pipeline: Pipeline, texts: Iterable[str], n_process: int = 1) -> Iterator[Any]:
    """The one way the engine runs the model: every caller gets the same batch sizes."""
    return pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process, component_cfg=PIPE_CONFIG)


def _parse_ended(chars: int) -> None:
    """A whole parse of ``chars`` characters is over: after a long text its freed memory goes back
    before the last builds (see TRIM_CHARS)."""
    if chars >= TRIM_CHARS:
        trim_freed_memory()


def focus_range(document: Document, offset: int, chars: int = FOCUS_CHARS) -> tuple[int, int]:
    """The paragraphs (first, last exclusive) around ``offset``: half of ``chars`` before it (a reopened
    text shows its place mid-screen), the rest after."""
    paragraphs = document.paragraphs
    starts = [paragraph.start for paragraph in paragraphs]
    first = max(0, bisect_right(starts, offset - chars // 2) - 1)
    last, size = first, 0
    while last < len(paragraphs) and size < chars:
        size += paragraphs[last].end - paragraphs[last].start
        last += 1
    return first, last


def analyze_progressively(
    document: Document,
    pipeline: Pipeline,
    *,
    partial: Partial,
    focus: int = 0,
    chunk_chars: int = CHUNK_CHARS,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """The one-shot analysis, with ``partial`` called as parts of the text are done.

    First the paragraphs around ``focus`` (analyze_range); then every piece goes through the same
    parse and layers as analyze_many (so the result is identical) and also through the layers of the
    part it belongs to: a part ends after ``chunk_chars`` or where the focus paragraphs begin, and is
    merged with those before it (reader.analysis.partials) and handed to ``partial``. A text of one
    part or less is analysed at once: parts would only delay its whole analysis.
    """
    if len(document.text) <= chunk_chars:  # one part's worth: the whole comes as soon as a part would
        return next(analyze_many([document], pipeline=pipeline, progress=progress, cancelled=cancelled))
    total = len(document.text)
    first, last = focus_range(document, focus)
    parts = Parts()
    if last > first:
        parts.add(first, analyze_range(document, first, last, pipeline))
        partial(parts.merged(), 0)
    whole = _Builder(document, pipeline)
    pieces = list(split_pieces(document))
    texts = (document.text[piece.start : piece.end] for piece in pieces)
    docs = _parse(pipeline, texts)
    part: _Builder | None = None
    part_first = part_size = 0
    for number, (piece, doc) in enumerate(zip(pieces, docs, strict=True)):
        if cancelled is not None and cancelled():
            raise Cancelled()
        whole.feed(piece, doc)  # first: the one-shot layers see the parse exactly as analyze_many gives it
        if not first <= piece.paragraph < last:
            if part is None:
                part, part_first, part_size = _Builder(document, pipeline, partial=True), piece.paragraph, 0
            part.feed(piece, doc)
            part_size += piece.end - piece.start
        following = pieces[number + 1].paragraph if number + 1 < len(pieces) else None
        ends_part = following is None or following == first or part_size >= chunk_chars
        if part is not None and following != piece.paragraph and ends_part:
            parts.add(part_first, part.build())
            part = None
            partial(parts.merged(), 100 * piece.end // total)
        if progress is not None:
            progress(piece.end, total)
    if progress is not None:
        progress(total, total)
    _parse_ended(total)
    return whole.build()


_worker_pipeline: Pipeline | None = None  # the parent's pipeline, inherited by forked workers


def _analyze_in_worker(document: Document) -> Analysis:
    assert _worker_pipeline is not None
    return next(analyze_many([document], pipeline=_worker_pipeline))


def _analyze_in_workers(
    documents: list[Document],
    pipeline: Pipeline,
    n_process: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Analysis]:
    global _worker_pipeline
    _worker_pipeline = pipeline  # set before the fork so no worker loads the model again
    total = sum(len(document.text) for document in documents) or 1
    done = 0
    context = multiprocessing.get_context("fork")
    with context.Pool(min(n_process, len(documents))) as pool:
        for document, analysis in zip(documents, pool.imap(_analyze_in_worker, documents), strict=True):
            if cancelled is not None and cancelled():
                raise Cancelled()
            done += len(document.text)
            if progress is not None:
                progress(min(done, total), total)
            yield analysis


class _Builder:
    """One document's layers and results while its pieces stream through."""

    def __init__(self, document: Document, pipeline: Pipeline, *, partial: bool = False) -> None:
        """``partial``: a part of the text, without the checks (they read the whole text at the end)."""
        from reader.analysis.layers import LAYERS

        self.document = document
        self.pipeline = pipeline
        self.results = Results(text=document.text, has_parser=pipeline.has_parser, has_ner=pipeline.has_ner)
        self.results.warnings.extend(pipeline.warnings)
        layers = [layer for layer in LAYERS if not (partial and "checks" in layer.produces)]
        self.layers: list[Layer] = [layer(self.results) for layer in layers]

    def feed(self, piece: Piece, doc: object) -> None:
        text = self.document.text[piece.start : piece.end]
        sentences = []
        for sent in doc.sents:  # type: ignore[attr-defined]
            span_text = text[sent.start_char : sent.end_char]
            stripped = span_text.strip()
            if not stripped:
                continue
            lead = len(span_text) - len(span_text.lstrip())
            start = piece.start + sent.start_char + lead
            sentence = Sentence(f"s{len(self.results.sentences)}", start, start + len(stripped))
            self.results.sentences.append(sentence)
            sentences.append(sentence)
        chunk = Chunk(doc=doc, text=text, start=piece.start, paragraph=piece.paragraph, sentences=sentences)
        for layer in self.layers:
            layer.feed(chunk)

    def build(self) -> Analysis:
        # Each layer goes once it has finished: its working state (mentions, per-sentence cues, name
        # tables) is not kept alive while the layers after it build their results (issue 22).
        while self.layers:
            self.layers.pop(0).finish()
        document, results = self.document, self.results
        return Analysis(
            document=DocumentInfo(
                source=document.source,
                title=document.title,
                sha256=document.sha256,
                chars=len(document.text),
                extractor=document.extractor,
            ),
            engine=EngineInfo(model=self.pipeline.model, version=engine_version()),
            paragraphs=[ParagraphSpan(p.start, p.end) for p in document.paragraphs],
            sentences=results.sentences,
            speakers=results.speakers,
            quotes=results.quotes,
            numbers=results.numbers,
            claims=results.claims,
            checks=results.checks,
            warnings=results.warnings,
        )


def split_pieces(document: Document, index: int = 0) -> Iterator[Piece]:
    """Paragraphs, with any longer than MAX_CHUNK_CHARS cut near a sentence end or a space."""
    text = document.text
    for number, paragraph in enumerate(document.paragraphs):
        start = paragraph.start
        while paragraph.end - start > MAX_CHUNK_CHARS:
            limit = start + MAX_CHUNK_CHARS
            cut = text.rfind(". ", start, limit) + 1
            if cut <= start + MAX_CHUNK_CHARS // 2:
                cut = text.rfind(" ", start, limit)
            if cut <= start:
                cut = limit
            yield Piece(index, start, cut, number)
            start = cut
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            yield Piece(index, start, paragraph.end, number)
