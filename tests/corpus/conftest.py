"""A generated corpus of 200 short articles as JSON Lines, with three records that must fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.corpus import article

OUTLETS = ("north", "south", "east")
DOCUMENTS = 200
BAD = 3  # an empty text, a line that is not JSON, a record with no text


def write_corpus(path: Path, count: int = DOCUMENTS, words: int = 60) -> Path:
    lines = []
    for index in range(count):
        record = {
            "id": f"doc-{index:04d}",
            "text": article(words, seed=index),
            "outlet": OUTLETS[index % len(OUTLETS)],
            "date": f"2024-0{1 + index % 3}-{1 + index % 28:02d}",
            "section": "world" if index % 2 else "politics",
        }
        lines.append(json.dumps(record))
    lines.insert(50, json.dumps({"id": "empty", "text": "   ", "outlet": "north", "date": "2024-01-01"}))
    lines.insert(120, "{not json")
    lines.insert(170, json.dumps({"id": "no-text", "outlet": "south"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles.jsonl")


@pytest.fixture(scope="session")
def one_process(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference output: the same Dask code path with one worker thread inside this process."""
    from reader.corpus.run import Options, run

    out = tmp_path_factory.mktemp("one-process")
    summary = run([str(corpus_file)], Options(out=out, batch_size=10, processes=False))
    assert (summary.documents, summary.failures) == (DOCUMENTS, BAD)
    return out
