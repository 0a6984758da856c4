"""A fixed, hand-built analysis and a fixed set of annotations over the seed article.

The analysis is made from the model dataclasses, not by running the engine, so
the golden files change only when the export format does, never when another
layer of the analysis improves. Offsets are computed from the seed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.analysis.model import (
    Analysis,
    Claim,
    EngineInfo,
    Number,
    ParagraphSpan,
    Quote,
    Sentence,
    Speaker,
    TextSpan,
)
from reader.intake import Document, make_document
from reader.store import Anchor, Annotation, Store
from tests.handmade import handmade_analysis

SOURCE = "https://www.dw.com/en/north-korea-russia-military-support/a-00000000"
GOLDEN = Path(__file__).parent / "golden"
_SENTENCE_END = re.compile(r"([.?!][\"”]?)\s+(?=[\"“A-Z])")


def find(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def sentences(text: str, paragraphs: list[ParagraphSpan]) -> list[Sentence]:
    found: list[Sentence] = []
    for paragraph in paragraphs:
        start = paragraph.start
        for cut in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
            found.append(Sentence(f"s{len(found)}", start, cut.end(1)))
            start = cut.end()
        found.append(Sentence(f"s{len(found)}", start, paragraph.end))
    return found


def canned_analysis(document: Document) -> Analysis:
    text = document.text
    paragraphs = [ParagraphSpan(p.start, p.end) for p in document.paragraphs]
    klein = Speaker(
        id="p0",
        name="Margarete Klein",
        label=None,
        role="Russia expert",
        kind="person",
        mentions=[TextSpan.of(text, *find(text, "Margarete Klein"))],
        aliases=["Klein"],
    )
    wadephul = Speaker(
        id="p1",
        name="Johann Wadephul",
        label=None,
        role="German Foreign Minister | SWP",
        kind="person",
        mentions=[TextSpan.of(text, *find(text, "Johann Wadephul"))],
    )
    quote_start, quote_end = find(text, "I see no signs that Vladimir Putin wants a just peace,")
    numbers = []
    for index, (words, kind, value, unit) in enumerate(
        [
            ("5.8 million", "count", 5_800_000.0, "artillery shells"),
            ("April 2025", "date", None, None),
            ("40 percent", "percent", 40.0, "%"),
        ]
    ):
        start, end = find(text, words)
        numbers.append(Number(f"n{index}", start, end, words, kind, value=value, unit=unit))
    claims = []
    for index, (words, category) in enumerate(
        [
            ("These figures are confirmed by various sources", "vague_source"),
            ("Russia is replenishing its rapidly dwindling reserves", "unverifiable"),
        ]
    ):
        start, end = find(text, words)
        claims.append(
            Claim(f"c{index}", start, end, words, None, category, "strong", explanation="No source is named.")
        )
    return handmade_analysis(
        document,
        EngineInfo("en_core_web_sm 3.8.0", "reader fixture"),
        sentences=sentences(text, paragraphs),
        speakers=[klein, wadephul],
        quotes=[
            Quote(
                "q0",
                "p0",
                "direct",
                quote_start,
                quote_end,
                text[quote_start:quote_end],
                cue=TextSpan.of(text, *find(text, "said Russia")),
            )
        ],
        numbers=numbers,
        claims=claims,
    )


NOTES = [
    # (id, passage, tag, note)
    (
        "a1quote",
        "I see no signs that Vladimir Putin wants a just peace",
        "opinion",
        "Klein's *view*, not a fact.",
    ),
    (
        "b2shells",
        "5.8 million artillery shells by April 2025",
        "needs-source",
        "Which source? Check | the Open Source Center\n---\n# not a heading\n\n1. not a list",
    ),
    ("c3figures", "These figures are confirmed by various sources", "disputed", None),
    (
        "d4percent",
        "40 percent of Russia’s ammunition reserves",
        None,
        "Ünïcödé — 40 % ≠ 4 %; `code` [link](x) <b>html</b> ==hl== %%c%% $x$ ^id & &amp; \\ end",
    ),
]


@dataclass
class Seeded:
    store: Store
    document: Document
    annotations: list[Annotation]


def seed_annotations(store: Store, document: Document) -> list[Annotation]:
    made = []
    for number, (ident, words, tag, note) in enumerate(NOTES, start=1):
        start, end = find(document.text, words)
        stamp = f"2026-03-0{number}T10:00:00.000Z"
        annotation = Annotation(
            ident, document.sha256, Anchor.of(document.text, start, end), tag, note, stamp, stamp
        )
        store.restore(ident, annotation)
        made.append(annotation)
    return made


@pytest.fixture
def seed_document(seed_text: str) -> Document:
    return make_document(seed_text, source=SOURCE, extractor="plain")


@pytest.fixture
def seeded(isolated_dirs: Path, seed_document: Document) -> Iterator[Seeded]:
    with Store.open() as store:
        store.open_document(seed_document)
        store.save_analysis(canned_analysis(seed_document))
        yield Seeded(store, seed_document, seed_annotations(store, seed_document))
