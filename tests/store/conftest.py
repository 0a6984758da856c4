"""A store in the test's temporary data folder, a deterministic clock, and the seed article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.intake import Document, make_document
from reader.store import Store


class Clock:
    """Strictly increasing timestamps, so ordering and "modified" assertions are exact."""

    def __init__(self) -> None:
        self.tick = 0

    def __call__(self) -> str:
        self.tick += 1
        return f"2026-01-01T00:00:{self.tick:02d}.000Z"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "data", clock=clock) as opened:
        yield opened


@pytest.fixture
def seed_document(seed_path: Path) -> Document:
    return make_document(seed_path.read_text(encoding="utf-8"), source=str(seed_path), extractor="plain")
