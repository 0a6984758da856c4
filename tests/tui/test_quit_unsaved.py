"""Quitting with notes that live only in memory (the store could not be written) asks first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.tui.rescue import rescue_folder, writable_folder
from reader.tui.screens.confirm import ChoiceScreen
from tests.tui.test_app import ready

LARGE = (160, 48)


@pytest.fixture
def degraded(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file where the data folder should be: the store falls back to memory. Returns the working folder."""
    blocked = isolated_dirs / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocked))
    here = isolated_dirs / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return here


async def test_quitting_a_degraded_store_with_notes_offers_an_export_and_writes_it(
    degraded, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1", "a", *"only in memory", "ctrl+s")
        await pilot.pause()
        assert app.session.store.degraded is not None
        await pilot.press("q")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ChoiceScreen)
        assert set(modal.choices) == {"e", "q"} and str(degraded) in modal.choices["e"]
        assert "tags and notes on 1 passage(s)" in str(modal.question)  # tag and note: one passage
        await pilot.press("e")
        await pilot.pause()
    assert app.return_code == 0
    written = sorted(path.name for path in degraded.iterdir())
    markdown = [name for name in written if name.endswith(".md") and name != "index.md"]
    assert len(markdown) == 1 and "index.md" in written and "reader-annotations.jsonl" in written
    text = (degraded / markdown[0]).read_text(encoding="utf-8")
    assert "needs-source" in text and "only in memory" in text
    lines = (degraded / "reader-annotations.jsonl").read_text(encoding="utf-8").splitlines()
    assert "only in memory" in json.dumps([json.loads(line) for line in lines])
    assert screen.state.document.sha256[:8] in markdown[0]


async def test_escape_keeps_reading_and_q_quits_without_saving(degraded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "1", "q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")  # the modal's own "quit without saving"
        await pilot.pause()
        assert app._exit  # noqa: SLF001 - exiting, not asking again
    assert list(degraded.iterdir()) == []


async def test_a_working_store_or_no_notes_quits_at_once(isolated_dirs, make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "1", "q")  # saved on disk: nothing to ask
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen) and app._exit  # noqa: SLF001


async def test_a_degraded_store_without_notes_quits_at_once(degraded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen) and app._exit  # noqa: SLF001


def test_the_export_folder_falls_back_to_the_current_then_the_temp_folder(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    exports = tmp_path / "exports"
    assert rescue_folder(exports) == exports and exports.is_dir()
    monkeypatch.chdir(tmp_path)
    assert rescue_folder(blocked / "exports") == tmp_path
    assert writable_folder([blocked / "a", blocked / "b"]) is None
