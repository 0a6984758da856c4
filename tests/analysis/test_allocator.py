"""glibc's allocator helpers (issue 22): trimmed once after the parse, harmless where libc is not glibc."""

from __future__ import annotations

import pytest

from reader.analysis import allocator, engine
from tests.analysis.conftest import doc

TEXT = "The mayor said 40 people came.\n\n“We are glad,” she said."


@pytest.fixture
def no_glibc(monkeypatch):
    """A C library without mallopt or malloc_trim (musl, macOS): the helpers must do nothing."""
    allocator.glibc.cache_clear()
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda name: (_ for _ in ()).throw(OSError(name)))
    monkeypatch.setenv(allocator.TRIGGER, "65536")
    yield
    allocator.glibc.cache_clear()


def test_without_glibc_the_helpers_do_nothing_and_the_analysis_runs(no_glibc) -> None:
    assert allocator.glibc() is None
    assert allocator.trim_freed_memory() is False
    assert allocator.reuse_freed_memory() is False
    assert engine.analyze(doc(TEXT)).quotes  # trimming is skipped, the analysis is whole


def test_glibc_trim_runs_without_harm() -> None:
    if allocator.glibc() is None:
        pytest.skip("the C library here is not glibc")
    assert isinstance(allocator.trim_freed_memory(), bool)


def calls_to_trim(monkeypatch) -> list[int]:
    """Count the engine's trims, each noted with how many paragraphs were parsed by then."""
    calls: list[int] = []
    parsed: list[int] = []
    parse = engine._parse

    def counted(pipeline, texts, n_process=1):
        for item in parse(pipeline, texts, n_process):
            parsed.append(1)
            yield item

    monkeypatch.setattr(engine, "_parse", counted)
    monkeypatch.setattr(engine, "trim_freed_memory", lambda: calls.append(len(parsed)) or True)
    monkeypatch.setattr(engine, "TRIM_CHARS", 1)  # the texts here are short: trim them all the same
    return calls


def test_one_trim_per_analysis_after_the_whole_parse(monkeypatch) -> None:
    """Trimming before the parse ends would return pages the next batch maps again."""
    calls = calls_to_trim(monkeypatch)
    texts = [TEXT, "Prices rose 4% in March.", "Officials said nothing."]
    analyses = list(engine.analyze_many([doc(text) for text in texts]))
    assert len(analyses) == 3
    assert calls == [4]  # the first text's two paragraphs and one each for the others


def test_progressive_analysis_trims_once_before_the_whole_is_built(monkeypatch) -> None:
    calls = calls_to_trim(monkeypatch)
    text = "\n\n".join(f"Paragraph {n}: the mayor said {n} people came." for n in range(200))
    parts: list[int] = []
    engine.analyze(doc(text), partial=lambda analysis, percent: parts.append(percent), chunk_chars=300)
    assert len(parts) > 2  # several parts were built, each without a trim of its own
    assert len(calls) == 1
    assert calls[0] >= 200  # after every paragraph of the whole parse (the focus ones parse twice)


def test_a_short_text_is_not_trimmed(monkeypatch) -> None:
    """A worker analysing short documents one by one would map the trimmed pages again for each."""
    calls = calls_to_trim(monkeypatch)
    monkeypatch.setattr(engine, "TRIM_CHARS", len(TEXT) + 1)
    assert engine.analyze(doc(TEXT)).quotes
    assert calls == []
    monkeypatch.setattr(engine, "TRIM_CHARS", len(TEXT))
    engine.analyze(doc(TEXT))
    assert len(calls) == 1
