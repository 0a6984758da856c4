"""Browser tests need a Chromium binary on PATH (Debian's ``chromium``; .ci/run installs it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.serve.browser import chromium, find_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no chromium binary on PATH (apt-get install chromium; .ci/run does)")
    with chromium(executable) as launched:
        yield launched


@pytest.fixture(scope="session")
def seed_analysis():
    """The seed's real analysis, once: saved into each test's store, every tab opens without spaCy
    (the store's cache, as on any reopen), which keeps the browser tests to seconds on two cores."""
    from reader.analysis import analyze
    from reader.intake import load
    from tests.conftest import SEED

    document = load(str(SEED))
    return document, analyze(document)


@pytest.fixture
def data_dir(tmp_path, seed_analysis):  # noqa: ANN001 - pytest fixtures
    from reader.store import Store

    folder = tmp_path / "data"
    store = Store.open(folder)
    try:
        document, analysis = seed_analysis
        store.open_document(document)
        store.save_analysis(analysis)
    finally:
        store.close()
    return folder
