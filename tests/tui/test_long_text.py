"""A long text under Pilot: the page on screen lights up before the whole analysis is done, the panel
fills part by part with the progress shown, and the end state is the one-shot analysis."""

from __future__ import annotations

import threading
from typing import Any

from reader.analysis import Analysis, analyze, analyze_many
from reader.analysis.engine import focus_range
from reader.intake import Document
from reader.store import Store
from reader.tui import ReaderApp
from reader.tui.parts import PartsShown, PartsView
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.status import StatusLine
from tests.analysis.test_progressive import long_article
from tests.tui.canned import canned_analysis


class HeldAfterFirstPart:
    """The real analysis in small parts, started once the test says so and held after its first part."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.rest = threading.Event()
        self.parts = 0

    def __call__(self, document: Document, *, partial: Any, **options: Any) -> Analysis:
        self.go.wait(120)

        def held(analysis: Analysis, percent: int) -> None:
            partial(analysis, percent)
            self.parts += 1
            if self.parts == 1:
                self.rest.wait(120)

        return analyze(document, partial=held, chunk_chars=2_000, **options)


async def wait_for(pilot: Any, condition: Any, tries: int = 2400) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held (2 minutes)")


async def test_the_page_on_screen_lights_up_first_and_the_end_is_the_one_shot_analysis() -> None:
    document = long_article()
    place = document.paragraphs[2 * len(document.paragraphs) // 3].start  # where the reader left off
    with Store.open() as store:
        store.open_document(document)
        store.set_position(document.sha256, place)
    analyzer = HeldAfterFirstPart()
    app = ReaderApp(document, analyzer=analyzer, theme="reader-dark")
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        state = screen.state
        await wait_for(pilot, lambda: state.sentence.start >= place - 200)  # the position is back
        analyzer.go.set()
        await wait_for(pilot, lambda: state.index is not None)
        await pilot.pause()
        assert state.analysis is None and state.loading  # the whole is still running
        first, last = focus_range(document, state.cursor_span[0])
        low, high = document.paragraphs[first].start, document.paragraphs[last - 1].end
        index = state.index
        assert index is not None
        numbers = index.overlapping("numbers", low, high)
        claims = index.overlapping("claims", low, high)
        assert numbers and claims  # the page around the place shows its numbers and claims
        assert not index.overlapping("numbers", 0, low)  # nothing before it yet: it came first
        details = str(screen.query_one("#details").render())
        status = str(screen.query_one(StatusLine).render())
        assert "analysing 0%" in status and "Numbers" in status
        assert "analysing…" not in details  # the details describe the sentence from the parts done
        panel_status = str(screen.panel.query_one("#panel-status").render())
        assert panel_status.startswith("Analysing… 0%")
        tree = screen.panel.tree
        assert tree is not None
        sections = [str(node.label) for node in tree.root.children]
        assert f"Numbers ({len(index.numbers)})" in sections  # the panel lists the parts done so far
        analyzer.rest.set()
        await wait_for(pilot, lambda: state.analysis is not None)
        await pilot.pause()
        assert analyzer.parts > 3  # the rest came in parts
        assert state.analysis is not None
        assert state.analysis.to_json() == next(analyze_many([document])).to_json()
        assert state.progress == 100 and "analysing" not in str(screen.query_one(StatusLine).render())


def test_a_part_is_skipped_while_showing_the_last_one_cost_more_than_a_tenth_of_the_time_since(
    seed_document: Document,
) -> None:
    document = seed_document
    analysis = canned_analysis(document)
    # showing took 1 s, then 0.5 s, then 0.1 s
    times = iter([0.0, 1.0, 3.0, 9.9, 10.0, 10.5, 14.9, 15.0, 15.1])
    views: list[PartsView] = []
    shown = PartsShown(document, views.append, clock=lambda: next(times))
    for percent in (10, 20, 30, 40, 50, 60):
        shown(analysis, percent)
    # 20 and 30 came before 1 + 9 x 1 s, 50 before 10.5 + 9 x 0.5 s
    assert [view.percent for view in views] == [10, 40, 60]
    assert views[0].index.counts()["numbers"] == len(analysis.numbers)
    assert [str(branch.title) for branch in views[0].branches][1:3] == [
        f"Numbers ({len(analysis.numbers)})",
        f"Claims ({len(analysis.claims)})",
    ]
