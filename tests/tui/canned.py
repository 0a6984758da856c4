"""Analyses built from the model dataclasses, so TUI tests never depend on the engine.

``canned_analysis`` fits the seed article; ``plain_analysis`` fits any text and flags nothing.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import (
    Analysis,
    Check,
    CheckSpan,
    Claim,
    EngineInfo,
    Number,
    Quote,
    Speaker,
    TextSpan,
)
from reader.intake.document import Document
from tests.handmade import handmade_analysis


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def plain_analysis(document: Document) -> Analysis:
    """Any text's paragraphs and sentences, with nothing found in them."""
    return handmade_analysis(document, EngineInfo("canned", "reader test"))


def canned_analysis(document: Document) -> Analysis:
    text = document.text
    plain = plain_analysis(document)
    sentences = plain.sentences

    def ts(needle: str, nth: int = 0) -> TextSpan:
        return TextSpan.of(text, *span_of(text, needle, nth))

    def quote(
        qid: str, speaker: str | None, needle: str, cue: str | None, kind: str = "direct", nth: int = 0
    ) -> Quote:
        start, end = span_of(text, needle, nth)
        return Quote(qid, speaker, kind, start, end, text[start:end], ts(cue) if cue else None)

    def number(
        nid: str, needle: str, kind: str, value: float, unit: str | None, group: str | None = None
    ) -> Number:
        start, end = span_of(text, needle)
        return Number(nid, start, end, text[start:end], kind, value=value, unit=unit, group=group)

    def claim(cid: str, needle: str, category: str, cue: str, why: str) -> Claim:
        start, end = span_of(text, needle)
        sentence = next((s.id for s in sentences if s.start <= start < s.end), None)
        return Claim(cid, start, end, text[start:end], sentence, category, "strong", [ts(cue)], None, why)

    klein = Speaker(
        "p0", "Margarete Klein", None, "Russia expert", "person", [ts("Margarete Klein"), ts("Klein said")]
    )
    zelensky = Speaker(
        "p1", "Volodymyr Zelensky", None, "Ukrainian President", "person", [ts("Volodymyr Zelensky")]
    )
    spokesman = Speaker("p2", None, "a spokesman", None, "unnamed", [ts("a spokesman")])
    return replace(
        plain,
        speakers=[klein, zelensky, spokesman],
        quotes=[
            quote("q0", "p0", "I see no signs that Vladimir Putin wants a just peace,", "said"),
            quote("q1", "p0", "He is trying to force Ukraine to surrender,", "says"),
            quote(
                "q2", "p0", "In some categories of weapons, this assistance is even essential", "Klein said"
            ),
            quote(
                "q3",
                "p1",
                "We can see that they continue to move some of their troops from Kursk to Zaporizhia.",
                "he said",
            ),
            quote("q4", "p2", "The deployment of North Korea's elite troops from Russia", "told DW"),
        ],
        numbers=[
            number("n0", "40%", "percent", 40.0, "%", "g0"),
            number("n1", "5.8 million", "count", 5_800_000.0, "artillery shells"),
            number("n2", "40 percent", "percent", 40.0, "%", "g0"),
            number("n3", "11,000", "count", 11_000.0, "soldiers"),
            number("n4", "5,000", "count", 5_000.0, "soldiers"),
        ],
        claims=[
            claim(
                "c0",
                "nearly 5,000 of them were killed or wounded in the Ukrainian retreat from Kursk",
                "unverifiable",
                "cannot be independently verified",
                "The article says these figures cannot be independently verified.",
            ),
            claim(
                "c1",
                "These figures are confirmed by various sources",
                "vague_source",
                "various sources",
                "'various sources' does not say who confirmed the figures.",
            ),
            claim(
                "c2",
                "North Korean soldiers are apparently helping Russia",
                "hedge",
                "apparently",
                "'apparently' hedges the claim.",
            ),
        ],
        checks=[
            Check(
                "name_variant",
                "'Kim Jong Un' and 'Kim Jong Il' both appear",
                [
                    CheckSpan(*span_of(text, "Kim Jong Un"), "Kim Jong Un"),
                    CheckSpan(*span_of(text, "Kim Jong Il"), "Kim Jong Il"),
                ],
            ),
            Check(
                "place_variant",
                "'Kiev' and 'Kyiv' both appear",
                [CheckSpan(*span_of(text, "Kiev"), "Kiev"), CheckSpan(*span_of(text, "Kyiv"), "Kyiv")],
            ),
        ],
    )
