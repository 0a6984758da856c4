"""Words and marks that look like figures and are not, or are one figure where they look like two (issue 16)."""

from __future__ import annotations

import pytest

# (sentence, text that must not be (part of) a number)
NOT_NUMBERS = [
    ("One commenter called the plan reckless.", "One"),
    ("The mayor was unmoved, and one reader agreed with her.", "one"),
    ("One analyst said the bank would cut rates.", "One"),
    ("The attack hid its text in zero-width characters.", "zero"),
    ("It is not a zero-sum game, the minister said.", "zero"),
    ("The vote is on March 5 and the count on 12 April.", "March 5"),
    ("The vote is on March 5 and the count on 12 April.", "12 April"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_NUMBERS, ids=[f"{t}: {s[:24]}" for s, t in NOT_NUMBERS])
def test_not_a_number(analyze_text, sentence: str, text: str) -> None:
    analysis = analyze_text(sentence)
    start = sentence.index(text)
    end = start + len(text)
    assert [n.text for n in analysis.numbers if n.start < end and start < n.end] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("One child was among the dead.", "One", 1, "child"),  # a count all the same
        ("Police found one bomb under the bridge.", "one", 1, "bomb"),
        ("The company sold 3٬500 cars last year.", "3٬500", 3500, "cars"),
        ("Officials counted 12٬400٬000 voters.", "12٬400٬000", 12_400_000, "voters"),
    ],
)
def test_still_one_figure(analyze_text, sentence: str, text: str, value: float, unit: str) -> None:
    (number,) = [n for n in analyze_text(sentence).numbers if n.text == text]
    assert number.kind == "count" and number.value == value and number.unit == unit


@pytest.mark.parametrize(
    ("sentence", "score"),
    [
        ("The home side won 7-2 on Saturday.", "7-2"),
        ("City beat United 3–1 in the final.", "3–1"),
        ("It ended in a 2-2 draw.", "2-2"),
        ("They lost 1-4 at home.", "1-4"),
    ],
)
def test_a_score_is_one_result_not_two_counts(analyze_text, sentence: str, score: str) -> None:
    numbers = analyze_text(sentence).numbers
    assert [(n.text, n.kind) for n in numbers] == [(score, "ratio")]


def test_a_range_with_a_dash_is_still_a_range(analyze_text) -> None:
    (number,) = analyze_text("The fund grew 3-5 percent a year.").numbers
    assert number.kind == "percent" or number.kind == "range"
    assert (number.low, number.high) == (3, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        '"We will not sign," said X.',
        '"No comment," J. told reporters.',
    ],
)
def test_a_single_letter_is_never_a_speaker(analyze_text, sentence: str) -> None:
    speakers = analyze_text(sentence).speakers
    assert not [s.name for s in speakers if s.name and len(s.name.strip(". ")) == 1]
