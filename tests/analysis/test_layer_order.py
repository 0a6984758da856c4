"""The engine's layer order is checked against what each layer declares it reads and fills."""

import pytest

from reader.analysis.checks import ChecksLayer
from reader.analysis.claims import ClaimsLayer
from reader.analysis.layers import LAYERS, check_order
from reader.analysis.numbers import NumbersLayer
from reader.analysis.speakers import SpeakersLayer


def test_the_shipped_order_satisfies_every_layer():
    check_order(LAYERS)
    assert LAYERS[0] is NumbersLayer and LAYERS[-1] is ChecksLayer


def test_claims_before_speakers_is_refused():
    with pytest.raises(ValueError, match="ClaimsLayer requires .*quotes"):
        check_order((NumbersLayer, ClaimsLayer, SpeakersLayer, ChecksLayer))


def test_checks_without_numbers_is_refused():
    with pytest.raises(ValueError, match="numbers"):
        check_order((SpeakersLayer, ChecksLayer))


def test_every_layer_declares_fields_of_results():
    from dataclasses import fields

    from reader.analysis.context import Results

    names = {f.name for f in fields(Results)}
    for layer in LAYERS:
        assert set(layer.requires) | set(layer.produces) <= names, layer.__name__
