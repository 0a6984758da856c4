"""An EPUB's chapters head the side panel as Contents; picking one moves the reader to that chapter."""

from __future__ import annotations

from pathlib import Path

from reader.intake import load
from reader.tui import ReaderApp
from tests.intake.office_fixtures import epub
from tests.intake.test_epub_intake import CHAPTERS
from tests.tui.canned import plain_analysis


async def test_the_contents_list_jumps_to_a_chapter(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(epub(CHAPTERS, title="Harbour Tales"))
    document = load(str(path))
    app = ReaderApp(document, analyzer=lambda d, **_: plain_analysis(d), theme="reader-dark")
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.screen.panel.tree is not None:
                break
        tree = app.screen.panel.tree
        contents = tree.root.children[0]
        assert str(contents.label) == "Contents (3)"
        assert [str(child.label) for child in contents.children] == [
            "§ The Harbour",
            "§ The Bridge",
            "§ The Vote",
        ]
        await pilot.press("tab")  # into the panel
        tree.move_cursor(contents.children[2])
        await pilot.press("enter")
        await pilot.pause()
        state = app.screen.state
        vote = document.text.index("The Vote")
        assert state.cursor_span[0] == vote
        assert str(tree.root.children[1].label).startswith("Speakers")  # the analysis sections follow
