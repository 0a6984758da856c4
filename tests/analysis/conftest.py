"""Analysis fixtures: the pipeline loads once per test process."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.intake import Document, make_document

DEV_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "articles"


def doc(text: str, source: str = "test") -> Document:
    return make_document(text, source=source, extractor="plain")


@pytest.fixture(scope="session")
def analyze_text():
    """Analyse a string with the real model."""
    from reader.analysis import analyze

    return lambda text: analyze(doc(text))


@pytest.fixture(scope="session")
def analyze_rules():
    """Analyse a string with the rules-only fallback (no model)."""
    from reader.analysis import analyze

    return lambda text: analyze(doc(text), packages=("reader_no_such_model",))
