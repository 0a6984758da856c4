"""Reopening an article whose analysis the store has cached: the panel fills and spaCy is never imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.intake.document import Document
from reader.store import Store
from tests.tui.canned import canned_analysis

APP = """
import asyncio, os, sys
from reader.intake import load
from reader.tui import ReaderApp

async def main():
    app = ReaderApp(load(sys.argv[1]))
    async with app.run_test(size=(160, 48)) as pilot:
        while not os.path.exists(os.environ["READER_REPORT_PANEL_READY"]):
            await pilot.pause(0.02)
        print(len(app.screen.panel.tree.root.children), "spacy" in sys.modules)

asyncio.run(main())
"""


def test_a_cached_analysis_fills_the_panel_without_importing_spacy(
    isolated_dirs: Path, seed_path: Path, seed_document: Document
) -> None:
    store = Store.open(isolated_dirs / "data")
    try:
        store.open_document(seed_document)
        store.save_analysis(canned_analysis(seed_document))
    finally:
        store.close()
    report = isolated_dirs / "panel.json"
    env = {**os.environ, "READER_REPORT_PANEL_READY": str(report)}
    done = subprocess.run(
        [sys.executable, "-c", APP, str(seed_path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["4", "False"]  # the four sections, and still no spaCy at the end
    assert json.loads(report.read_text(encoding="utf-8"))["spacy_imported"] is False
