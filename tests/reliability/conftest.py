"""Shared pieces of the reliability tests: the seed article as a Document."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.intake import Document, load


@pytest.fixture
def seed_document(seed_path: Path) -> Document:
    return load(str(seed_path))
