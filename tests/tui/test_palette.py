"""Help and palette list what a reader needs; Screenshot saves into the exports folder."""

from __future__ import annotations

from reader.tui.screens.help import HelpScreen
from tests.tui.test_app import SMALL, ready

CLUTTER = {
    "Scroll Left",
    "Scroll Right",
    "Page Left",
    "Page Right",
    "Focus Previous",
    "Copy selected text",
    "palette",
}


async def test_help_and_palette_leave_out_textual_defaults_and_screenshot_goes_to_exports(
    make_app, isolated_dirs, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(isolated_dirs / "no-downloads-here"))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = [row.description for row in app.screen.rows]
        assert not CLUTTER & set(descriptions)
        assert descriptions.count("Quit") == 1 and {"Search", "Help", "Theme", "Tag: needs-source"} <= set(
            descriptions
        )
        await pilot.press("escape")
        assert [command.title for command in app.get_system_commands(screen)] == ["Screenshot"]
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        folder = app.session.config.exports_dir()
        for _ in range(200):  # Textual writes the file in a thread: wait until it is whole, not just there
            if folder.is_dir() and any(
                "</svg>" in shot.read_text(encoding="utf-8") for shot in folder.glob("*.svg")
            ):
                break
            await pilot.pause(0.05)
        shots = list(folder.glob("*.svg"))
        assert len(shots) == 1 and "<svg" in shots[0].read_text(encoding="utf-8")
