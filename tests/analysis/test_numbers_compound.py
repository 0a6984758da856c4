"""Compound measures ("5 feet 11 inches") are one quantity, counted in the smallest unit written."""

from __future__ import annotations

import pytest

from reader.analysis.numbers.parse import scan


def _figures(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(text[f.start : f.end], f.kind, f.value, f.unit) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The centre stands five feet eleven inches in socks.", "five feet eleven inches", 71, "inches"),
        ("Our rower is 6 feet 2 inches tall.", "6 feet 2 inches", 74, "inches"),
        ("The club signed a 6-foot-3 goalkeeper.", "6-foot-3", 75, "inches"),
        ("The vote lasted 3 hours 20 minutes.", "3 hours 20 minutes", 200, "minutes"),
        ("The hearing ran 1 hour and 45 minutes.", "1 hour and 45 minutes", 105, "minutes"),
        (
            "She won in 2 hours, 5 minutes and 12 seconds.",
            "2 hours, 5 minutes and 12 seconds",
            7512,
            "seconds",
        ),
        ("The newborn weighed 7 pounds 3 ounces.", "7 pounds 3 ounces", 115, "ounces"),
    ],
)
def test_compound_measure_is_one_quantity_in_the_smaller_unit(
    text: str, span: str, value: float, unit: str
) -> None:
    assert _figures(text) == [(span, "quantity", value, unit)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Tickets cost 4 pounds 50 at the door.", ["4 pounds", "50"]),  # money: no ounces follow
        ("It rained for 2 hours 90 minutes later.", ["2 hours", "90 minutes"]),  # 90 is no part of an hour
        ("The plot is 40 feet by 12 inches.", ["40 feet", "12 inches"]),  # two sides, joined by a word
    ],
)
def test_separate_measures_stay_separate(text: str, spans: list[str]) -> None:
    assert [span for span, *_ in _figures(text)] == spans
