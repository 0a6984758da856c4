"""80x24: the panel overlay takes the keys, a jump from it uncovers its target, selection shows itself."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Tree

from tests.tui.test_app import SMALL, _select_node, cursor_visible, ready


async def test_p_gives_the_overlay_the_focus_and_a_jump_closes_it(make_app, seed_analysis) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        sentence = screen.state.sentence.id
        await pilot.press("p")
        assert screen.panel.display and isinstance(app.focused, Tree)
        await pilot.press("down")
        assert screen.state.sentence.id == sentence  # the arrow moved in the panel, not a hidden cursor
        claim = seed_analysis.claims[0]
        await _select_node(pilot, screen.panel.tree, lambda data: data.key == claim.id)
        assert not screen.panel.display and app.focused is screen.article
        assert screen.state.selected == (claim.start, claim.end) and cursor_visible(screen.article)


async def test_selection_mode_is_shown_and_its_hints_fit_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert "SELECTING" in str(screen.query_one("#status").render())
        details = screen.query_one("#details")
        first = details.render().plain.splitlines()[0]
        assert first.startswith("Selecting: ") and "Esc cancels" in first
        assert cell_len(first) <= details.content_region.width
        footer = app.screen.query_one("KeyFooter")
        assert footer.region.right <= SMALL[0]
        await pilot.press("escape")
        await pilot.pause()
        assert "SELECTING" not in str(screen.query_one("#status").render())
        assert not details.render().plain.startswith("Selecting")
