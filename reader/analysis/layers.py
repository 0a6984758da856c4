"""The layers in the order they run, each declaring what it reads and what it writes.

Like spaCy components' ``requires``/``assigns``, every layer names the
``Results`` fields it reads (``requires``) and fills (``produces``);
``check_order`` refuses an order in which a layer would read a field before the
layer that fills it has run, so a reordering fails at import, not as silently
empty results.
"""

from collections.abc import Sequence

from reader.analysis.checks import ChecksLayer
from reader.analysis.claims import ClaimsLayer
from reader.analysis.numbers import NumbersLayer
from reader.analysis.speakers import SpeakersLayer

# Filled by the engine itself before any layer runs.
ENGINE_PRODUCES = frozenset({"text", "sentences"})


def check_order(layers: Sequence[type]) -> None:
    """Raise ValueError when a layer requires a field no earlier layer (or the engine) produces."""
    available = set(ENGINE_PRODUCES)
    for layer in layers:
        missing = set(layer.requires) - available
        if missing:
            raise ValueError(f"{layer.__name__} requires {sorted(missing)} before it runs")
        available |= set(layer.produces)


LAYERS = (NumbersLayer, SpeakersLayer, ClaimsLayer, ChecksLayer)
check_order(LAYERS)
