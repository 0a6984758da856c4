"""ReadingState without Textual: cursor, paragraphs, marks, search, and the analysis arriving late."""

from __future__ import annotations

from reader.intake.document import make_document
from reader.tui.state import ReadingState


def test_cursor_moves_within_bounds_and_jumps_paragraphs(seed_document) -> None:
    state = ReadingState(seed_document)
    state.move(-5)
    assert state.cursor == 0
    state.move(10_000)
    assert state.cursor == len(state.sentences) - 1
    state.cursor_to(seed_document.text.index("North Korea, for example"))  # second sentence of paragraph 3
    state.jump_paragraph(-1)  # mid-paragraph: back to this paragraph's start
    assert state.sentence.start == seed_document.paragraphs[3].start
    state.jump_paragraph(-1)
    assert state.sentence.start == seed_document.paragraphs[2].start


def test_the_cursor_keeps_its_place_when_the_analysis_arrives(seed_document, seed_analysis) -> None:
    state = ReadingState(seed_document)
    target = seed_document.text.index("Artillery: 40%")
    state.cursor_to(target)
    version = state.version
    state.set_analysis(seed_analysis)
    assert state.sentence.start == target
    assert state.version > version and not state.loading


def test_step_mark_walks_the_focused_layer_both_ways(seed_document, seed_analysis) -> None:
    state = ReadingState(seed_document)
    assert state.step_mark(1) is None  # nothing to walk before the analysis
    state.set_analysis(seed_analysis)
    state.focus_layer = "numbers"
    starts = sorted(number.start for number in seed_analysis.numbers)
    seen = [state.step_mark(1).start for _ in starts]
    assert seen == starts
    assert state.step_mark(1) is None
    assert state.step_mark(-1).start == starts[-2]


def test_search_is_case_insensitive_and_cycles() -> None:
    document = make_document("Alpha beta. ALPHA gamma. And alpha.", source="t", extractor="plain")
    state = ReadingState(document)
    state.find("alpha")
    assert state.search.starts == [0, 12, 29] and state.search.current == 0
    state.step_search(-1)
    assert state.search.current == 2 and state.sentence.start == 25  # "And alpha." holds the third
    state.find("")
    assert state.search.count == 0


def test_search_falls_back_to_exact_case_when_lowering_changes_lengths() -> None:
    document = make_document("İstanbul and istanbul", source="t", extractor="plain")
    state = ReadingState(document)
    state.find("istanbul")
    assert state.search.starts == [document.text.index("istanbul")]
    assert all(document.text[s : s + 8] == "istanbul" for s in state.search.starts)


def test_toggling_a_layer_and_clearing_marks_bump_the_version(seed_document) -> None:
    state = ReadingState(seed_document)
    version = state.version
    state.toggle_layer("claims")
    assert state.layers["claims"] is False and state.version == version + 1
    state.select(10, 20)
    state.clear_marks()
    assert state.selected is None and state.version == version + 2
