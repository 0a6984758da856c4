"""Pairing quotation marks in a paragraph: styles, nesting, apostrophes, unbalanced marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.speakers.quote_marks import MARKS, find_quoted


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('He said "yes" and "no".', ["yes", "no"], id="straight-pairs"),
        pytest.param("He said “yes” and left.", ["yes"], id="curly"),
        pytest.param("Il a dit « oui » hier.", ["oui"], id="guillemets-spaced"),
        pytest.param("Er sagte „ja“ und ging.", ["ja"], id="german-low-high"),
        pytest.param("Er sagte »ja« und ging.", ["ja"], id="german-reversed-guillemets"),
        pytest.param("She called it ‘absurd’ twice.", ["absurd"], id="curly-single"),
        pytest.param("Arrests for 'dark web' crimes rose.", ["dark web"], id="straight-single"),
        pytest.param(
            '"The "United States" is not holding anyone," he wrote.',
            ['The "United States" is not holding anyone,'],
            id="nested-straight",
        ),
        pytest.param(
            '"Rates will fall,” the banker said. "Soon."',
            ["Rates will fall,", "Soon."],
            id="straight-open-curly-close",
        ),
        pytest.param(
            '“Rates will fall," the banker said. “Soon.”',
            ["Rates will fall,", "Soon."],
            id="curly-open-straight-close",
        ),
        pytest.param(
            "“Rates will fall,“ the banker said. “Soon.”",
            ["Rates will fall,", "Soon."],
            id="left-curly-mark-closing",
        ),
        pytest.param(
            "The mayor said: ''We open the bridge on Monday.'' Nobody objected.",
            ["We open the bridge on Monday."],
            id="doubled-apostrophes",
        ),
        pytest.param(
            '"I looked up and thought, \'this is my boat\' ", the skipper said. Then "nothing else".',
            ["I looked up and thought, 'this is my boat'", "nothing else"],
            id="space-before-closing-mark",
        ),
        pytest.param(
            "“He told me ‘never again’ that night,” she said.",
            ["He told me ‘never again’ that night,"],
            id="nested-curly",
        ),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Don't panic: it's the farmers' market, not ISIS' base.",
        "The 1990s' boom and the ’90s bust.",
        "The Smiths' and the Joneses' farms flooded.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quoted(text) == []


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    text = 'She said "the water kept rising and nobody came'
    [quote] = find_quoted(text)
    assert not quote.closed
    assert (quote.inner_start, quote.end) == (text.index("the water"), len(text))


def test_stray_closing_mark_does_not_open_a_quote() -> None:
    assert inner("The film” was long, and the “review was short.") == ["review was short."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.'\n") + sorted(MARKS)), max_size=60))
def test_any_mix_of_marks_gives_ordered_non_overlapping_spans(text: str) -> None:
    quotes = find_quoted(text)
    last_end = 0
    for quote in quotes:
        assert last_end <= quote.start < quote.inner_start <= quote.inner_end <= quote.end <= len(text)
        last_end = quote.end
