"""Text typed in the note editor is never dropped without asking (issue 16.6)."""

from __future__ import annotations

from reader.store import Store
from reader.tui.screens.confirm import ChoiceScreen
from reader.tui.screens.note_editor import NoteEditor
from tests.tui.test_app import ready
from tests.tui.test_tagging import LARGE, sentence_text, stored


async def test_escape_on_a_changed_note_asks_and_keeps_editing_or_saves(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        sentence = sentence_text(screen)
        await pilot.press("a", *"my draft", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # asked, not dropped
        await pilot.press("escape")  # keep editing: the text is still there
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.draft == "my draft"
        await pilot.press("escape", "s")
        await pilot.pause()
        assert app.screen is screen
        assert stored(app) == [(None, "my draft", sentence)]
        await pilot.press("a", "escape")  # nothing typed: Escape closes at once
        await pilot.pause()
        assert app.screen is screen


async def test_a_note_being_written_when_the_app_quits_is_saved(isolated_dirs, make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        sentence = sentence_text(screen)
        sha256 = screen.state.document.sha256
        await pilot.press("a", *"half a thought")
        await pilot.press("ctrl+q")  # quits from inside the editor
        await pilot.pause()
    with Store.open() as store:
        assert [(a.note, a.anchor.exact) for a in store.annotations(sha256)] == [("half a thought", sentence)]
