"""What an analysis holds in memory while it is built and after (issue 22): the same output, less of it."""

from __future__ import annotations

import dataclasses
import gc
import pickle
import weakref
from pathlib import Path
from typing import Any

from reader.analysis import analyze, engine, layers
from reader.analysis.checks.layer import ChecksLayer
from reader.analysis.claims.layer import ClaimsLayer
from reader.analysis.context import Results
from reader.analysis.nlp import load_pipeline
from reader.analysis.speakers.layer import SpeakersLayer
from tests.analysis.conftest import doc

SEED = Path(__file__).resolve().parents[2] / "seeds" / "dw-north-korea-russia.txt"


def dataclass_objects(node: Any) -> list[Any]:
    """Every dataclass instance in an analysis, nested ones included."""
    found = []
    if dataclasses.is_dataclass(node):
        found.append(node)
        node = [getattr(node, f.name) for f in dataclasses.fields(node)]
    if isinstance(node, list):
        for item in node:
            found += dataclass_objects(item)
    return found


def test_results_hold_no_per_object_dict_and_survive_pickling() -> None:
    """Slots: a 500,000-word text makes ~100,000 result objects, each without a __dict__ of its own."""
    analysis = analyze(doc(SEED.read_text(encoding="utf-8")))
    objects = dataclass_objects(analysis)
    kinds = {type(item).__name__ for item in objects}
    assert {"Analysis", "Sentence", "Speaker", "TextSpan", "Quote", "Number", "Claim"} <= kinds
    assert [type(item).__name__ for item in objects if hasattr(item, "__dict__")] == []
    again = pickle.loads(pickle.dumps(analysis))  # the worker processes hand analyses back pickled
    assert again == analysis
    assert again.to_json() == analysis.to_json()
    assert dataclasses.replace(analysis.sentences[0], id="x").start == analysis.sentences[0].start


def test_each_layer_is_released_once_it_has_finished(monkeypatch) -> None:
    """A layer's working state is garbage before the layers after it build their results."""
    finished: list[weakref.ref[Any]] = []
    alive_at_last_finish: list[bool] = []

    class Recorded:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def __call__(self, results: Results) -> Any:
            layer = self.inner(results)
            finish = layer.finish

            def recorded() -> None:
                gc.collect()
                alive_at_last_finish[:] = [ref() is not None for ref in finished]
                finish()
                finished.append(weakref.ref(layer))

            layer.finish = recorded
            return layer

    monkeypatch.setattr(layers, "LAYERS", tuple(Recorded(layer) for layer in layers.LAYERS))
    analyze(doc("The mayor said 40 people came. “We are glad,” she said."))
    assert len(finished) == len(layers.LAYERS)
    assert alive_at_last_finish == [False] * (len(layers.LAYERS) - 1)


def test_name_table_keeps_each_start_once_and_in_order() -> None:
    """The checks keep a form's starts only (its text is the key): out of order or repeated, they stay sorted."""
    layer = ChecksLayer(Results(text="", has_parser=True, has_ner=True))
    table = layer._proper
    for start in (50, 10, 50, 30, 90):
        layer._add(table, "Anna Berg’s", start)
    assert list(table) == ["Anna Berg"]
    assert list(table["Anna Berg"]) == [10, 30, 50, 90]


def test_repeated_words_of_the_results_are_one_string_each() -> None:
    """Cues, mentions, figures, units and explanations recur in a long text: each is held once."""
    text = "\n\n".join(
        f"Rebels reportedly seized {n} towns, officials said. Police reportedly found 40 rifles."
        for n in (12, 15, 18)
    )
    analysis = analyze(doc(text))
    cues = [cue.text for claim in analysis.claims for cue in claim.cues if cue.text == "reportedly"]
    forties = [number for number in analysis.numbers if number.text == "40"]
    explanations = [claim.explanation for claim in analysis.claims]
    assert len(cues) >= 3 and len(forties) == 3 and len(explanations) >= 3
    assert len({id(word) for word in cues}) == 1
    assert len({id(number.text) for number in forties}) == 1
    assert len({id(number.unit) for number in forties}) == 1
    assert (
        len({id(explanation) for explanation in explanations}) == len(set(explanations)) < len(explanations)
    )


def test_layer_state_held_until_build_is_compact() -> None:
    """Before build, a long text's speakers hold one string per name form and its claims one shared
    empty tuple for every sentence without a cue, not a string or a list of their own each."""
    text = "\n\n".join(
        f"Anna Berg, the city's mayor, said {n} people came. The weather was mild. It reportedly rained."
        for n in (12, 15, 18)
    )
    document = doc(text)
    pipeline = load_pipeline()
    builder = engine._Builder(document, pipeline)
    pieces = list(engine.split_pieces(document))
    for piece, parsed in zip(
        pieces, engine._parse(pipeline, (text[p.start : p.end] for p in pieces)), strict=True
    ):
        builder.feed(piece, parsed)
    speakers = next(layer for layer in builder.layers if isinstance(layer, SpeakersLayer))
    claims = next(layer for layer in builder.layers if isinstance(layer, ClaimsLayer))
    names = [mention for mention in speakers.mentions if mention.text == "Anna Berg"]
    assert len(names) == 3
    assert len({id(mention.text) for mention in names}) == 1
    assert len({id(mention.role) for mention in names if mention.role}) == 1
    bare = [facts.cues for facts in claims.sentences if not facts.cues]
    assert len(bare) >= 3 and all(cues is bare[0] for cues in bare)
    assert sum(len(facts.cues) for facts in claims.sentences) >= 3
    assert builder.build().claims
