"""Issue 15, precision of attribution: mixed quotation styles, names, unnamed sources and words that are
no quote, each in sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis


def speaker(analysis: Analysis, fragment: str):
    """The speaker of the quote containing fragment (None when the quote has none); fails with no quote."""
    quote = next(q for q in analysis.quotes if fragment in q.text)
    return next((s for s in analysis.speakers if s.id == quote.speaker), None)


def test_a_quote_opened_in_one_style_and_closed_in_another_keeps_its_cue(analyze_text) -> None:
    analysis = analyze_text(
        '"The harbour needs a second crane,” said Tomas Berglund, who has run the port since 2009. '
        '"We lose ships every winter."\n'
    )
    assert speaker(analysis, "second crane").name == "Tomas Berglund"
