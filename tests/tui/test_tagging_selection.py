"""The span selection and the annotation index on their own: word and sentence steps, overlaps, counts."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from reader.store import Anchor, Annotation
from reader.tui.notes.annotations import Marked, Selection, summary

TEXT = 'First one here. "Second, quoted," he said. Third: 40% up!'
SENTENCES = [(0, 15), (16, 42), (43, len(TEXT))]


def selection_at(offset: int, text: str = TEXT, sentences: list[tuple[int, int]] = SENTENCES) -> Selection:
    starts = [start for start, _ in sentences]

    def sentence_of(position: int) -> int:
        return max(0, bisect_right(starts, position) - 1)

    def sentence_span(number: int) -> tuple[int, int]:
        return sentences[number] if 0 <= number < len(sentences) else (0, 0)

    return Selection(text, offset, sentence_of, sentence_span)


def chosen(selection: Selection) -> str:
    return TEXT[slice(*selection.span)]


def test_words_take_their_punctuation_and_quotes_along() -> None:
    selection = selection_at(16)  # the opening quote of the second sentence
    assert chosen(selection) == '"Second,'
    selection.by_word(1)
    assert chosen(selection) == '"Second, quoted,"'
    selection.by_word(-2)  # back past the anchor: the anchor word stays in
    assert chosen(selection) == 'here. "Second,'


def test_sentence_steps_grow_to_sentence_ends_and_shrink_back() -> None:
    selection = selection_at(16)
    selection.by_sentence(1)
    assert chosen(selection) == '"Second, quoted," he said.'
    selection.by_sentence(1)
    assert chosen(selection) == '"Second, quoted," he said. Third: 40% up!'
    selection.by_sentence(1)  # nothing after the last sentence: stays
    assert chosen(selection) == '"Second, quoted," he said. Third: 40% up!'
    selection.by_sentence(-1)
    assert chosen(selection) == '"Second, quoted," he said.'
    selection.by_sentence(-1)  # back to the anchor word
    assert chosen(selection) == '"Second,'
    selection.by_sentence(-1)  # then backwards over the sentence before
    assert chosen(selection) == 'First one here. "Second,'


def test_a_selection_in_text_without_words_is_the_whole_text() -> None:
    selection = selection_at(0, "…", [(0, 1)])
    selection.by_word(1)
    selection.by_sentence(1)
    assert selection.span == (0, 1)


@given(st.integers(0, len(TEXT) - 1), st.lists(st.sampled_from(["w+", "w-", "s+", "s-"]), max_size=12))
def test_any_walk_keeps_a_non_empty_span_inside_the_text(offset: int, steps: list[str]) -> None:
    selection = selection_at(offset)
    for step in steps:
        (selection.by_word if step[0] == "w" else selection.by_sentence)(1 if step[1] == "+" else -1)
        start, end = selection.span
        assert 0 <= start < end <= len(TEXT)
        assert not TEXT[start].isspace() and not TEXT[end - 1].isspace()


def note(ident: str, start: int, end: int, tag: str | None, text: str | None = None) -> Annotation:
    return Annotation(ident, "sha", Anchor.of(TEXT, start, end), tag, text, "t0", "t0")


def test_marked_finds_overlaps_exact_spans_and_counts() -> None:
    long = note("a", 0, 42, "opinion")
    short = note("b", 17, 23, "needs-source", "who?")
    orphan = Annotation("c", "sha", Anchor.of(TEXT, 43, 48), "false", None, "t0", "t0", orphaned=True)
    marked = Marked.of([short, orphan, long])
    assert [a.id for a in marked.items] == ["a", "b"]  # orphans are never placed
    assert [a.id for a in marked.overlapping(30, 31)] == ["a"]  # a long one that began earlier
    assert [a.id for a in marked.overlapping(20, 20)] == ["a", "b"]  # an empty span is its position
    assert marked.overlapping(42, 50) == []
    assert marked.exactly((17, 23)) is short and marked.exactly((17, 24)) is None
    assert marked.tag_counts() == {"needs-source": 1, "opinion": 1}
    assert summary(marked) == "✎ 2 · needs-source 1 · opinion 1 · 1 note"
    assert summary(Marked()) == ""
