"""Property tests: a value written in any supported style parses back to the same value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.numbers.parse import parse_figure, scan
from reader.analysis.numbers.words import SMALL, TENS, words_value

SETTINGS = settings(max_examples=150, deadline=None)
whole = st.integers(min_value=0, max_value=10**12 - 1)
tenths = st.integers(min_value=1, max_value=9999).map(lambda n: n / 10)
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₿": "BTC"}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}


def number_to_words(value: int) -> str:
    """Spell a whole number below a trillion the way news copy does ("three hundred and twelve thousand")."""
    if value < 0 or value >= 10**12:
        raise ValueError("spelled numbers run from 0 to 999,999,999,999")
    if value == 0:
        return "zero"
    parts = []
    for scale_name, scale in (("billion", 10**9), ("million", 10**6), ("thousand", 10**3), ("", 1)):
        group, value = divmod(value, scale)
        if group:
            words = _below_thousand(group)
            parts.append(f"{words} {scale_name}".strip())
    return " ".join(parts)


def _below_thousand(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    words = []
    if hundreds:
        words.append(f"{_name(hundreds)} hundred")
    if rest:
        if hundreds:
            words.append("and")
        words.append(_below_hundred(rest))
    return " ".join(words)


def _below_hundred(value: int) -> str:
    if value < 20:
        return _name(value)
    tens, ones = divmod(value, 10)
    tens_word = next(word for word, number in TENS.items() if number == tens * 10)
    return f"{tens_word}-{_name(ones)}" if ones else tens_word


def _name(value: int) -> str:
    return next(word for word, number in SMALL.items() if number == value)


def plain(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


@SETTINGS
@given(whole.filter(lambda n: not 1800 <= n <= 2099))
def test_digits_with_separators(n: int) -> None:
    figure = parse_figure(f"{n:,}")
    assert figure is not None and figure.kind == "count"
    assert figure.value == n


@SETTINGS
@given(tenths, st.sampled_from(sorted(SCALES)))
def test_digits_with_scale_words(x: float, scale: str) -> None:
    figure = parse_figure(f"{plain(x)} {scale}")
    assert figure is not None
    assert figure.value == pytest.approx(x * SCALES[scale], rel=1e-9)


@SETTINGS
@given(
    tenths, st.sampled_from(sorted(CURRENCIES)), st.sampled_from(sorted(SHORT) + [f" {w}" for w in SCALES])
)
def test_money_with_symbols_and_scales(x: float, symbol: str, scale: str) -> None:
    text = f"{symbol}{plain(x)}{scale}"
    figure = parse_figure(text)
    assert figure is not None, text
    assert figure.kind == "money" and figure.unit == CURRENCIES[symbol]
    factor = SHORT.get(scale) or SCALES[scale.strip()]
    assert figure.value == pytest.approx(x * factor, rel=1e-9)


@SETTINGS
@given(tenths, st.sampled_from(["%", " percent", " per cent", "%"]))
def test_percent_forms(x: float, suffix: str) -> None:
    figure = parse_figure(f"{plain(x)}{suffix}")
    assert figure is not None and figure.kind == "percent" and figure.unit == "%"
    assert figure.value == pytest.approx(x)


@SETTINGS
@given(
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=1, max_value=5000),
    st.sampled_from(
        [
            "{a}–{b}",
            "{a} to {b}",
            "between {a} and {b}",
            "{a}% to {b}%",
            "between ${a} and ${b} billion",
            "{a}–{b} percent",
        ]
    ),
)
def test_ranges(a: int, b: int, style: str) -> None:
    low, high = sorted((a, b))
    if low == high or 1800 <= low <= 2099 or 1800 <= high <= 2099:
        return
    text = style.format(a=low, b=high)
    figure = parse_figure(text)
    assert figure is not None, text
    assert figure.kind == "range"
    scale = 1e9 if "billion" in style else 1.0
    assert (figure.low, figure.high) == (pytest.approx(low * scale), pytest.approx(high * scale))
    if "%" in style or "percent" in style:
        assert figure.unit == "%"
    if "$" in style:
        assert figure.unit == "USD"


@SETTINGS
@given(whole)
def test_spelled_numbers(n: int) -> None:
    words = number_to_words(n)
    assert words_value(words) == n
    if n > 1:  # "one" and "zero" alone are pronoun-like: counted only before a noun
        figures = scan(f"They counted {words} ballots.")
        assert len(figures) == 1 and figures[0].value == n


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("0123456789,.%$€£-– abcmkntoil\n")), max_size=40))
def test_scanner_never_crashes_and_spans_are_ordered(text: str) -> None:
    figures = scan(text)
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
    for before, after in zip(figures, figures[1:], strict=False):
        assert before.end <= after.start
