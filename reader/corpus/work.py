"""What runs on a Dask worker: one batch of Items in, plain rows out.

The spaCy pipeline is never shipped through the task graph: PipelinePlugin
loads it when a worker starts and ``load_pipeline``'s process-wide cache hands
the same one to every batch. Each batch parses inside ``nlp.memory_zone()``, so
the strings and vocabulary entries a batch adds are freed when it ends and a
worker's memory stays flat over millions of documents; the engine's output is
plain Python (offsets and copied text), so nothing outlives the zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from distributed.diagnostics.plugin import WorkerPlugin

from reader.analysis.allocator import reuse_freed_memory
from reader.analysis.engine import analyze_many
from reader.analysis.nlp import MODEL_PACKAGES, load_pipeline
from reader.corpus.inputs import Item
from reader.corpus.tables import Rows, analysis_rows, empty_rows, failure_rows, merge
from reader.intake import Document, InputError, make_document

WARM_UP = 'The minister said on Tuesday that prices rose 4.5% in March, "a worrying sign," the bank added.'


class PipelinePlugin(WorkerPlugin):
    """Ready a worker before its first batch: the allocator, the model loaded and run once.

    The warm-up parse is what ``reader analyze``'s benchmark does before its
    clock starts too; without it a worker's first batch pays the model's lazy
    start-up (0.1 to 0.4 s measured).
    """

    name = "reader-pipeline"

    def __init__(self, packages: tuple[str, ...] = MODEL_PACKAGES) -> None:
        self.packages = packages

    def setup(self, worker: object) -> None:
        reuse_freed_memory()
        pipeline = load_pipeline(self.packages)
        with pipeline.nlp.memory_zone():
            list(
                analyze_many([make_document(WARM_UP, source="warm-up", extractor="plain")], pipeline=pipeline)
            )


@dataclass
class BatchResult:
    rows: Rows
    analyses: list[str] = field(default_factory=list)  # reader.analysis/1 JSON, for --format jsonl
    documents: int = 0
    failures: int = 0


def analyze_batch(items: list[Item], max_bytes: int, with_json: bool) -> BatchResult:
    """Analyse ``items`` in order; a document that fails becomes a failure row, never an exception."""
    result = BatchResult(rows=empty_rows())
    loaded: list[tuple[Item, Document]] = []
    for item in items:
        try:
            loaded.append((item, item.load(max_bytes)))
        except InputError as exc:
            merge(result.rows, failure_rows(item.id, item.outlet, item.date, "intake", str(exc)))
        except Exception as exc:  # a defect on one document must not cost the others
            merge(result.rows, failure_rows(item.id, item.outlet, item.date, "intake", _describe(exc)))
    pipeline = load_pipeline()
    try:
        with pipeline.nlp.memory_zone():
            analyses = list(analyze_many([doc for _, doc in loaded], pipeline=pipeline))
        done = list(zip(loaded, analyses, strict=True))
    except Exception:
        done = _one_by_one(loaded, result)
    for (item, document), analysis in done:
        merge(
            result.rows,
            analysis_rows(analysis, item.id, item.outlet, item.date, item.metadata, document.text),
        )
        if with_json:
            result.analyses.append(analysis.to_json())
    result.documents = len(result.rows["documents"])
    result.failures = len(result.rows["failures"])
    return result


def _one_by_one(loaded: list[tuple[Item, Document]], result: BatchResult) -> list:
    """The batch failed: analyse each document alone so only the guilty one is lost."""
    pipeline = load_pipeline()
    done = []
    for item, document in loaded:
        try:
            with pipeline.nlp.memory_zone():
                analysis = next(analyze_many([document], pipeline=pipeline))
            done.append(((item, document), analysis))
        except Exception as exc:
            merge(result.rows, failure_rows(item.id, item.outlet, item.date, "analysis", _describe(exc)))
    return done


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
