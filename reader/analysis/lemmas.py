"""The model's rule lemmatizer, each lemma worked out once per (word, POS, morphology).

spaCy's rule lemmatizer runs Python for every token: it builds the token's morphology to test for a
base form before it consults its cache, and never caches a base form, so a common word costs the
same every time. Its answer depends only on the token's text, POS and morphology, so
CachedLemmatizer keeps it by those three (read for all tokens at once from the doc's arrays) and asks
the model's lemmatizer only for a combination it has not seen. Lemmas are the model's own, token for
token (tests/analysis/test_speedups.py). The cache holds string ids, so it is emptied when an
``nlp.memory_zone()`` ends (the corpus runner parses in them) and the strings it added are freed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language

FACTORY = "reader_cached_lemmatizer"


class CachedLemmatizer:
    """A pipeline component around the model's lemmatizer (``inner``), set just after it is made."""

    def __init__(self) -> None:
        self.inner: Any = None
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> the lemma's hash

    def __call__(self, doc: Any) -> Any:
        inner = self.inner
        if inner.mode != "rule":
            return inner(doc)
        lemmas, strings = self.lemmas, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not inner.overwrite:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            token = doc[i]
            if found is None:
                found = lemmas[key] = strings.add(inner.lemmatize(token)[0])
            token.lemma = found
        return doc

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """spaCy frees the strings a memory zone added, lemmas among them: forget them too."""
        try:
            yield
        finally:
            self.lemmas.clear()


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()


def cache_lemmatizer(nlp: Language) -> None:
    """Put a CachedLemmatizer around ``nlp``'s lemmatizer (if it has one), in its place and name."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    following = nlp.pipe_names[nlp.pipe_names.index("lemmatizer") + 1 :]
    _, inner = nlp.remove_pipe("lemmatizer")
    cached = nlp.add_pipe(FACTORY, name="lemmatizer", **({"before": following[0]} if following else {}))
    cached.inner = inner
