"""Golden files for both formats on the seed article, and byte-identical re-exports.

Regenerate after an intended format change with READER_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.export import export_document
from tests.export.conftest import GOLDEN, Seeded


@pytest.mark.parametrize(("fmt", "golden"), [("md", "seed.md"), ("json", "seed.json")])
def test_export_matches_golden(seeded: Seeded, tmp_path: Path, fmt: str, golden: str) -> None:
    path = export_document(seeded.store, seeded.document.sha256, fmt, tmp_path / f"out.{fmt}")
    produced = path.read_text(encoding="utf-8")
    expected = GOLDEN / golden
    if os.environ.get("READER_UPDATE_GOLDEN"):
        expected.write_text(produced, encoding="utf-8")
    assert produced == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_reexport_is_byte_identical_and_not_rewritten(seeded: Seeded, tmp_path: Path, fmt: str) -> None:
    first = export_document(seeded.store, seeded.document.sha256, fmt, tmp_path)
    content, stamp = first.read_bytes(), first.stat().st_mtime_ns
    seeded.store.open_document(seeded.document)  # opening again changes "last opened" only
    second = export_document(seeded.store, seeded.document.sha256, fmt, tmp_path)
    assert second == first and second.read_bytes() == content and second.stat().st_mtime_ns == stamp


def test_an_edit_changes_the_export(seeded: Seeded, tmp_path: Path) -> None:
    first = export_document(seeded.store, seeded.document.sha256, "md", tmp_path).read_text()
    seeded.store.edit("c3figures", note="Now with a note")
    second = export_document(seeded.store, seeded.document.sha256, "md", tmp_path).read_text()
    assert first != second and "Now with a note" in second
