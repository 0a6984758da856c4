"""A screenshot of the main screen with tags, a note and the Notes section open, at 80x24."""

from __future__ import annotations

from reader.tui import ReaderApp


def test_main_screen_with_tags_notes_and_the_notes_section(
    snap_compare, seed_document, seed_analysis
) -> None:
    app = ReaderApp(seed_document, analysis=seed_analysis, theme="reader-dark")

    async def annotate(pilot) -> None:  # noqa: ANN001 - Pilot
        await pilot.press("j", "1", "j", "v", "w", "w", "3", "J", "a", *"Which sources?", "ctrl+s")
        await pilot.pause()
        await pilot.press("2", "p")  # the panel is an overlay at 80 columns: open it to show Notes
        pilot.app.clear_notifications()  # the "Tagged …" toasts would cover the status line
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=annotate)
