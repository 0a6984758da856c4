"""Text from the article, the user or the file system is shown as typed: never parsed as Rich markup.

A title, a path or a note may contain '[/]' (which the markup parser rejects with
an exception) or '[bold]' (which it would silently swallow); every notice carrying
such text is plain.
"""

from __future__ import annotations

from reader.intake.document import make_document
from tests.tui.canned import canned_analysis
from tests.tui.test_app import ready

LARGE = (160, 48)
ODD = "[/]odd[bold]"


async def test_titles_sources_notes_and_paths_with_markup_are_shown_as_typed(isolated_dirs, make_app) -> None:
    exports = isolated_dirs / f"exports {ODD}"
    (isolated_dirs / "config" / "config.toml").write_text(f"exports = {str(exports)!r}\n", encoding="utf-8")
    text = "Officials said the harbour would reopen. Critics disagreed with that plan entirely."
    document = make_document(text, source=f"/news/{ODD}.txt", extractor="plain", title=f"Harbour {ODD} news")
    app = make_app(document, analyzer=lambda doc, **_: canned_analysis(doc))
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        assert screen.title == document.title and screen.sub_title == document.source
        await pilot.press("1", "a", *f"note {ODD}", "ctrl+s")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("T")  # the theme notice too
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]  # noqa: SLF001
        assert all(not notification.markup for notification in app._notifications)  # noqa: SLF001
        app.save_screenshot(str(isolated_dirs / "shot.svg"))  # every toast rendered without a markup error
        notes = [a.note for a in app.session.store.annotations(document.sha256)]
    exported = [path for path in exports.iterdir() if path.suffix == ".md"]
    assert len(exported) == 1
    assert f"Exported to {exported[0]}" in messages
    assert notes == [f"note {ODD}"]
    assert "Harbour [/]odd[bold] news" in exported[0].read_text(encoding="utf-8")
    assert app.return_code in (0, None)
