"""Screenshots of the main screen at 80x24 and 160x48, dark and light, with the canned analysis."""

from __future__ import annotations

import pytest

from reader.tui import ReaderApp


@pytest.mark.parametrize("theme", ["reader-dark", "reader-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_main_screen(snap_compare, seed_document, seed_analysis, theme: str, size: tuple[int, int]) -> None:
    app = ReaderApp(seed_document, analysis=seed_analysis, theme=theme)
    assert snap_compare(app, terminal_size=size, press=["j", "J", "J"])
