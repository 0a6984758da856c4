"""Issue 16.11: search looks from the cursor, a failed search and Esc put the cursor back."""

from __future__ import annotations

from tests.tui.test_app import LARGE, ready


async def test_search_goes_from_the_cursor_and_a_miss_or_escape_puts_it_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        state = screen.state
        await pilot.press(*"jjjjj")
        origin = state.cursor
        await pilot.press("slash", *"Ru")
        assert state.search.count
        assert state.search.starts[state.search.current] >= state.sentences[origin].start
        assert state.cursor >= origin
        await pilot.press(*"zzq")  # "Ruzzq" matches nothing: the cursor goes back to where the search began
        assert state.search.count == 0
        assert state.cursor == origin
        await pilot.press(*["backspace"] * 3)
        assert state.cursor != origin or state.search.starts[state.search.current] >= state.sentence.start
        await pilot.press("escape")  # Esc drops the search and returns to the starting sentence
        assert state.cursor == origin
        assert not state.search.count
