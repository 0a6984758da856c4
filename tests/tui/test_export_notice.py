"""``e``/``E`` never write over a file that is not an earlier reader export: a notice, the file kept (issue 16)."""

from __future__ import annotations

from tests.tui.test_app import ready

LARGE = (160, 48)


async def test_export_key_leaves_a_foreign_file_and_says_so(isolated_dirs, make_app) -> None:
    app = make_app()
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "1")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        (exported,) = (isolated_dirs / "data" / "exports").iterdir()
        await pilot.press("e")  # an earlier export of its own: replaced, and said so
        await pilot.pause()
        assert messages.count(f"Exported to {exported}") == 2
        exported.write_text("my own notes, not the reader's\n", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
    assert exported.read_text(encoding="utf-8") == "my own notes, not the reader's\n"
    assert (
        messages[-1]
        == f"Export failed: {exported}: exists and is not a reader export, so it was left as it is"
    )
