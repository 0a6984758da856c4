"""What the engine hands to each layer: one parsed chunk at a time, plus the results so far.

Layers see the article a paragraph (chunk) at a time so a 500,000-word text is
never parsed and held all at once; whatever a layer needs across paragraphs it
keeps itself, in plain Python data, not spaCy objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from reader.analysis.model import Check, Claim, Number, Quote, Sentence, Speaker


@dataclass
class Chunk:
    """One parsed paragraph (or a slice of a very long one).

    spaCy rebuilds ``Doc.text`` and ``Doc.ents`` from the tokens on every access,
    and every layer needs them, so the chunk holds them once.
    """

    doc: Any  # spacy.tokens.Doc of the chunk's text only
    text: str  # doc.text
    start: int  # offset of text in the document text
    paragraph: int  # index into Results.paragraphs
    sentences: list[Sentence]  # the document's sentences that fall in this chunk, global offsets

    @cached_property
    def ents(self) -> list[Any]:
        return list(self.doc.ents)


@dataclass
class Results:
    """The analysis under construction, shared by the layers in pipeline order."""

    text: str
    has_parser: bool
    has_ner: bool
    sentences: list[Sentence] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Layer(Protocol):
    """A layer reads chunks in document order, then finishes once over its own results.

    ``requires`` and ``produces`` name the ``Results`` fields it reads and fills
    (checked by ``layers.check_order``).
    """

    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def __init__(self, results: Results) -> None: ...

    def feed(self, chunk: Chunk) -> None: ...

    def finish(self) -> None: ...
