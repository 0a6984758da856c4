"""Wrapping, inert text and rough sentences: the pure layout under the article view."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.intake.document import make_document, paragraph_spans
from reader.tui.text import REORDERING_MARK, inert, rough_sentences, wrap


def lines_of(text: str, width: int) -> list[str]:
    wrapped = wrap(text, paragraph_spans(text), width)
    return [text[start:end] for start, end in zip(wrapped.starts, wrapped.ends, strict=True)]


def test_inert_replaces_every_control_with_one_visible_code_point() -> None:
    raw = "a\x1b[31mred\x07\x00\x9b\x7f\tb\nc"
    safe = inert(raw)
    assert len(safe) == len(raw)
    assert "\x1b" not in safe and "\x07" not in safe and "\x9b" not in safe and "\x7f" not in safe
    assert safe == "a\u241b[31mred\u2407\u2400\ufffd\u2421 b\nc"


def test_bidi_overrides_isolates_and_marks_are_shown_inert_one_for_one() -> None:
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    raw = f"price \u202e001$\u202c, ok {controls} end"
    safe = inert(raw)
    assert len(safe) == len(raw)
    assert not any(char in safe for char in controls)
    assert safe == raw.translate({ord(char): REORDERING_MARK for char in controls})
    assert cell_len(safe) == len(safe)  # every mark takes exactly one cell, so wrapping stays exact
    assert inert("שלום مرحبا \u200d") == "שלום مرحبا \u200d"  # RTL letters and joiners stay as they are


def test_emoji_sequences_are_shown_unjoined_one_for_one() -> None:
    joined = "👨\u200d👩\u200d👧 👍🏽 🇺🇦 ❤\ufe0f 🏳\ufe0f\u200d🌈"
    safe = inert(joined)
    assert len(safe) == len(joined)
    assert safe == "👨\u200c👩\u200c👧 👍\u200c UA ❤\u200c 🏳\u200c\u200c🌈"
    # rich (which clusters) and a code-point count (tmux, xterm.js) now agree: 2+2+2, 2, 2, 1, 1+2
    assert cell_len(safe) == sum(cell_len(char) for char in safe) == 6 + 1 + 2 + 1 + 2 + 1 + 1 + 1 + 3


def test_stacked_combining_marks_keep_three_per_character() -> None:
    zalgo = "Z" + "\u0338\u0322\u0328\u031b\u0316\u0317" + "a\u0301\u0303"
    safe = inert(zalgo)
    assert safe == "Z\u0338\u0322\u0328" + "\u200c" * 3 + "a\u0301\u0303"  # Vietnamese-like pairs untouched


def test_ascii_wrap_breaks_at_spaces_within_width() -> None:
    text = "The quick brown fox jumps over the lazy dog again and again."
    assert lines_of(text, 20) == ["The quick brown fox", "jumps over the lazy", "dog again and again."]


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    text = "First paragraph here.\n\n\nSecond one."
    assert lines_of(text, 40) == ["First paragraph here.", "", "Second one."]


def test_overlong_word_breaks_at_the_width() -> None:
    assert lines_of("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_wide_characters_wrap_by_cells_not_code_points() -> None:
    text = "日本語の文章はスペースがありません。" * 3 + " 😀😀😀 emoji"
    for line in lines_of(text, 11):
        assert cell_len(line) <= 11
    assert "".join(lines_of(text, 11)).replace(" ", "") == text.replace(" ", "")


def test_line_of_maps_offsets_to_lines() -> None:
    text = "alpha beta gamma\ndelta"
    wrapped = wrap(text, paragraph_spans(text), 10)
    assert [text[s:e] for s, e in zip(wrapped.starts, wrapped.ends, strict=True)] == [
        "alpha beta",
        "gamma",
        "",
        "delta",
    ]
    assert wrapped.line_of(text.index("gamma")) == 1
    assert wrapped.line_of(text.index("delta")) == 3
    assert wrapped.lines_of(0, len("alpha beta gamma")) == (0, 1)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab cd\n日本😀\x1b")), max_size=300),
    st.integers(min_value=2, max_value=30),
)
def test_wrap_keeps_every_word_in_order_and_within_width(text: str, width: int) -> None:
    document = make_document(text or "x", source="t", extractor="plain")
    body = document.text
    wrapped = wrap(inert(body), document.paragraphs, width)
    words = []
    for start, end in zip(wrapped.starts, wrapped.ends, strict=True):
        line = body[start:end]
        assert cell_len(inert(line)) <= max(width, 2)
        words.extend(line.split())
    assert "".join(words) == "".join(body.split())
    assert wrapped.starts == sorted(wrapped.starts)


def test_rough_sentences_split_at_terminal_punctuation() -> None:
    document = make_document(
        'He left. "Why?" she asked. It was 5.8 million.\nNext para', source="t", extractor="plain"
    )
    spans = rough_sentences(document.text, document.paragraphs)
    assert [document.text[s:e] for s, e in spans] == [
        "He left.",
        '"Why?" she asked.',
        "It was 5.8 million.",
        "Next para",
    ]
