"""Issue 16.5: keys typed in one burst after a key that opens an input go to that input, never run as commands."""

from __future__ import annotations

from textual import events

from reader.tui import ReaderApp
from reader.tui.screens.note_editor import NoteEditor, NoteText
from tests.tui.test_app import LARGE, ready
from tests.tui.test_tagging import stored


def burst(app: ReaderApp, keys: str) -> None:
    """Hand every key to the driver at once, as a fast typist or a paste in a terminal does (Pilot's
    ``press`` waits for the app to go idle after each key, which hides the race)."""
    for key in keys:
        name = {"/": "slash"}.get(key, key)
        event = events.Key(name, key)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_keys_right_after_slash_search_instead_of_tagging(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        burst(app, "/2025")
        await pilot.pause()
        await pilot.pause()
        assert stored(app) == []  # "2" would have tagged the sentence
        assert screen.query_one("#search-input").value == "2025"


async def test_keys_right_after_a_go_into_the_note(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        burst(app, "ab12")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(NoteText).text == "b12"
        await pilot.press("ctrl+s")
        assert [(tag, note) for tag, note, _ in stored(app)] == [(None, "b12")]  # no tag from "1" or "2"
