"""The sped-up pipeline against the model as shipped: the same attributes on every token, the same analysis.

reader.analysis.nlp swaps the attribute ruler's Matcher for a table (reader.analysis.ruler), puts a
cache around the lemmatizer (reader.analysis.lemmas) and has the models multiply with numpy's OpenBLAS
(reader.analysis.gemm); none may change a byte of the output.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from thinc.api import NumpyOps

from reader.analysis import gemm
from reader.analysis.engine import analyze_many, split_pieces
from reader.analysis.lemmas import CachedLemmatizer
from reader.analysis.nlp import MODEL_PACKAGES, UNUSED_PIPES, Pipeline, load_pipeline
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
    texts = pieces_of_our_texts()
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


def pieces_of_our_texts() -> list[str]:
    texts = [RULE_SENTENCES]
    for path in TEXTS:
        document = doc(path.read_text(encoding="utf-8"))
        texts += [document.text[piece.start : piece.end] for piece in split_pieces(document)]
    return texts


def stock_model():
    """The model as shipped, without the speed-ups (and without senter, as load_pipeline)."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load(exclude=list(UNUSED_PIPES))
        except ImportError:
            continue
    raise AssertionError("the tests need en_core_web_sm")


def test_cached_lemmas_are_the_model_lemmatizers_on_every_token():
    nlp = load_pipeline().nlp
    cached = nlp.get_pipe("lemmatizer")
    assert isinstance(cached, CachedLemmatizer)
    texts = pieces_of_our_texts()
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        parsed = list(nlp.pipe(texts))
    for tagged in parsed:
        ours, theirs = cached(tagged.copy()), cached.inner(tagged.copy())
        assert (ours.to_array([LEMMA]) == theirs.to_array([LEMMA])).all(), tagged.text[:60]
    known = len(cached.lemmas)
    cached(parsed[0].copy())
    assert known and len(cached.lemmas) == known  # a text seen before is answered from the cache


def test_lemmas_cached_in_a_memory_zone_are_forgotten_with_its_strings():
    nlp = load_pipeline().nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    text = "The inspectors were examining zorblified widgets."
    with nlp.memory_zone():
        inside = [token.lemma_ for token in nlp(text)]
        assert lemmatizer.lemmas
    assert not lemmatizer.lemmas
    assert [token.lemma_ for token in nlp(text)] == inside  # no lemma id left naming a freed string


def test_the_analysis_with_the_speed_ups_is_the_analysis_with_the_model_as_shipped():
    fast = load_pipeline()
    stock = Pipeline(stock_model(), fast.model, fast.warnings)
    assert stock.nlp.pipe_names == fast.nlp.pipe_names
    documents = [doc(path.read_text(encoding="utf-8"), source=path.name) for path in TEXTS]
    ours = [analysis.to_json() for analysis in analyze_many(documents, pipeline=fast)]
    theirs = [analysis.to_json() for analysis in analyze_many(documents, pipeline=stock)]
    assert len(ours) == len(TEXTS)
    for path, mine, shipped in zip(TEXTS, ours, theirs, strict=True):
        assert mine == shipped, path.name


def test_the_models_multiply_with_openblas_on_one_thread():
    nlp = load_pipeline().nlp
    for name in ("tok2vec", "tagger", "parser", "ner"):
        assert all(not node.ops.use_blis for node in nlp.get_pipe(name).model.walk()), name
    library = gemm.numpy_openblas()
    assert library is not None
    getter = getattr(library, "scipy_openblas_get_num_threads64_", None) or library.openblas_get_num_threads
    assert getter() == 1


def test_the_parse_with_openblas_decides_as_the_model_as_shipped_on_every_token():
    texts = pieces_of_our_texts()
    ours = list(load_pipeline().nlp.pipe(texts))
    theirs = list(stock_model().pipe(texts))
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START]
    different = [
        a.text[:60]
        for a, b in zip(ours, theirs, strict=True)
        if (a.to_array(attrs) != b.to_array(attrs)).any()
    ]
    assert different == []


def test_without_numpys_openblas_the_models_keep_blis(monkeypatch):
    nlp = stock_model()
    monkeypatch.setattr(gemm, "numpy_openblas", lambda: None)
    assert not gemm.use_openblas(nlp)
    assert all(
        isinstance(node.ops, NumpyOps) and node.ops.use_blis for node in nlp.get_pipe("ner").model.walk()
    )
