"""The layers in the order they run: each may read what the earlier ones found."""

from reader.analysis.checks import ChecksLayer
from reader.analysis.claims import ClaimsLayer
from reader.analysis.numbers import NumbersLayer
from reader.analysis.speakers import SpeakersLayer

LAYERS = (NumbersLayer, SpeakersLayer, ClaimsLayer, ChecksLayer)
