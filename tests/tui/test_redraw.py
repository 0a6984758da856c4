"""What a key redraws: the article at once, the details and the status line after its frame, and only
when what they show changed (issue 22: keypress latency on long articles)."""

from __future__ import annotations

import pytest

from reader.tui.widgets.details import SentenceDetails, describe
from reader.tui.widgets.status import StatusLine
from tests.tui.test_app import LARGE, ready


async def test_a_key_that_changes_nothing_the_details_show_leaves_them_alone(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        updated: list[str] = []
        for widget in (screen.query_one(SentenceDetails), screen.query_one(StatusLine)):
            monkeypatch.setattr(widget, "update", lambda *_a, name=widget.id, **_k: updated.append(name))
        await pilot.press("f")  # the focus layer: only the status line's marker moves
        await pilot.pause()
        assert updated == ["status"]
        updated.clear()
        await pilot.press("j")  # another sentence: its place and items are new
        await pilot.pause()
        assert "details" in updated


async def test_redraws_before_a_frame_rebuild_the_details_and_status_once(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        shown: list[str] = []
        for cls in (SentenceDetails, StatusLine):
            show = cls.show
            monkeypatch.setattr(
                cls, "show", lambda self, state, show=show: shown.append(self.id) or show(self, state)
            )
        for _ in range(3):
            screen.state.move(1)
            screen.redraw(show=True)
        assert shown == []  # not before the article's frame
        await pilot.pause()
        assert shown == ["details", "status"]
        first_line = describe(screen.state).plain.splitlines()[0]
        assert first_line in str(screen.query_one(SentenceDetails).render())  # the sentence moved to
