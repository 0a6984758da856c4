"""The indexed attribute ruler (reader.analysis.ruler) against spaCy's own: the same attributes on every token."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from reader.analysis.engine import split_pieces
from reader.analysis.nlp import load_pipeline
from reader.analysis.ruler import IndexedMatcher
from tests.analysis.conftest import doc

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    ROOT / "seeds" / "dw-north-korea-russia.txt",
    *sorted((ROOT / "tests/analysis/articles").glob("*.txt")),
]
ATTRS = [POS, TAG, MORPH, LEMMA, DEP]
# Our own sentences for the model's several-token and regex rules (slang contractions, "there is").
RULE_SENTENCES = (
    "I ain't gonna say it. Let's go, y'all. There's nothin' left, they gotta admit it. "
    "C'mon, there were two of them and there are more."
)


def rule_both(ruler, indexed: IndexedMatcher, parsed):
    """``parsed`` ruled by the ruler with ``indexed``, and a copy ruled with spaCy's Matcher."""
    ours, theirs = parsed.copy(), parsed.copy()
    ruler.matcher = indexed.original
    ruler(theirs)
    ruler.matcher = indexed
    ruler(ours)
    return ours, theirs


def ruled_alike(ruler, indexed: IndexedMatcher, parsed) -> bool:
    ours, theirs = rule_both(ruler, indexed, parsed)
    return bool((ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all())


def test_the_model_ruler_sets_what_spacys_ruler_sets_on_every_token():
    nlp = load_pipeline().nlp
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = ruler.matcher
    assert isinstance(indexed, IndexedMatcher)
    texts = [RULE_SENTENCES]
    for path in TEXTS:
        document = doc(path.read_text(encoding="utf-8"))
        texts += [document.text[piece.start : piece.end] for piece in split_pieces(document)]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        parsed = list(nlp.pipe(texts))
    try:
        different = [p.text[:60] for p in parsed if not ruled_alike(ruler, indexed, p)]
    finally:
        ruler.matcher = indexed
    assert different == []
    runs = [m for m in indexed(parsed[0], allow_missing=True) if m[2] - m[1] > 1]
    assert len(runs) >= 3  # gonna, let's, y'all: the several-token rules were exercised


def test_patterns_the_table_cannot_express_stay_with_a_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"IS_TITLE": True, "OP": "+"}]], {"LEMMA": "PLACE"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["said", "told"]}}]], {"LEMMA": "say"})
    ruler.add([[{"LOWER": {"REGEX": "^re"}}]], {"LEMMA": "again"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], {"POS": "X"})
    indexed = IndexedMatcher(ruler)
    assert len(indexed.rest) == 1  # the operator pattern; the other three are in the table
    ours, theirs = rule_both(
        ruler, indexed, nlp.make_doc("They said the New York Times told a reporter to  rewrite it.")
    )
    assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
    assert [t.lemma_ for t in ours if t.lemma_] == ["say", "PLACE", "PLACE", "say", "again", "again"]
    assert [t.text for t in ours if t.pos_ == "X"][:2] == ["They", "said"]
