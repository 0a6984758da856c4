"""Fixtures for the TUI tests: the seed article with a canned analysis, and analyzers to inject."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable
from typing import Any

import pytest

from reader.analysis.model import Analysis
from reader.intake import load
from reader.intake.document import Document
from reader.tui import ReaderApp
from tests.tui.canned import canned_analysis


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (Pilot needs one; no async plugin is installed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames  # noqa: SLF001 - the test's own arguments
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def seed_document(seed_path) -> Document:
    return load(str(seed_path))


@pytest.fixture
def seed_analysis(seed_document: Document) -> Analysis:
    return canned_analysis(seed_document)


@pytest.fixture
def make_app(seed_document: Document, seed_analysis: Analysis) -> Callable[..., ReaderApp]:
    """An app on the seed whose analyzer returns the canned analysis (or whatever ``analyzer`` is given)."""

    def make(document: Document | None = None, **kwargs: Any) -> ReaderApp:
        kwargs.setdefault("analyzer", lambda document, **_: seed_analysis)
        kwargs.setdefault("theme", "reader-dark")
        return ReaderApp(document or seed_document, **kwargs)

    return make


class BlockingAnalyzer:
    """Holds the analysis back until ``release``; reports progress and honours cancellation."""

    def __init__(self, analysis: Analysis | None = None, error: Exception | None = None) -> None:
        self.analysis = analysis
        self.error = error
        self.started = threading.Event()
        self.released = threading.Event()
        self.cancelled_seen = False

    def __call__(
        self,
        document: Document,
        *,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
        **_parts: object,  # partial, focus: parts of the analysis on the way, which this one never sends
    ) -> Analysis:
        progress(1, 2)
        self.started.set()
        while not self.released.wait(0.01):
            if cancelled():
                self.cancelled_seen = True
                raise RuntimeError("cancelled")
        if self.error is not None:
            raise self.error
        progress(2, 2)
        assert self.analysis is not None
        return self.analysis

    def release(self) -> None:
        self.released.set()
