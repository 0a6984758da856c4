"""Fuzzing the analysis: arbitrary Unicode never raises, keeps the span invariant, and is deterministic."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.intake import make_document
from tests.analysis.test_engine import assert_span_invariant
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.fuzz

# Text that looks like news as often as like noise: quote marks, digits, scale words and cue words
# are drawn far more often than uniform sampling would.
NEWSY = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "said",
        "says",
        "told",
        "according to",
        "reportedly",
        "could not be verified",
        "million",
        "bn",
        "%",
        "percent",
        "$",
        "€",
        "£",
        "–",
        "-",
        ":",
        ".",
        ",",
        "\n",
        " ",
        "Klein",
        "Mr",
        "the minister",
        "officials",
        "5,800",
        "1.2",
        "40",
        "between",
        "and",
        "up to",
        "nearly",
        "two-thirds",
        "a dozen",
        "2025",
        "April",
        "\u200b",
        "\u0301",
        "🙂",
        "עברית",
        "\x1b[31m",
        "\t",
    ]
)
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=12)), min_size=1, max_size=60).map("".join)


def _check(text: str, packages: tuple[str, ...] | None) -> None:
    document = make_document(text, source="fuzz", extractor="plain")
    kwargs = {"packages": packages} if packages else {}
    first = analyze(document, **kwargs).to_json()
    assert_span_invariant(json.loads(first), document.text)
    assert analyze(document, **kwargs).to_json() == first


@fuzz_settings
@given(TEXT)
def test_model_analysis_never_raises_and_keeps_spans(text: str) -> None:
    _check(text, None)


@fuzz_settings
@given(TEXT)
def test_rules_only_analysis_never_raises_and_keeps_spans(text: str) -> None:
    _check(text, ("reader_no_such_model",))
