"""The claims layer on its own, with the other layers' results put in by hand.

Quotes, speakers and numbers come from earlier layers; fixing them here tests the
decisions that depend on them (quoted opinions, figure runs, single_source) exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.claims.layer import ClaimsLayer
from reader.analysis.claims.vocabulary import CATEGORY_ORDER, forms, weight_of
from reader.analysis.context import Chunk, Results
from reader.analysis.engine import split_pieces
from reader.analysis.model import Claim, Number, Quote, Sentence, Speaker
from reader.analysis.nlp import MODEL_PACKAGES, load_pipeline
from tests.analysis.conftest import doc as make_doc
from tests.fuzzing import fuzz_settings

RULES_ONLY = ("reader_no_such_model",)


def run_layer(
    text: str,
    quotes: Iterable[Quote] = (),
    speakers: Iterable[Speaker] = (),
    numbers: Iterable[Number] = (),
    packages: tuple[str, ...] = MODEL_PACKAGES,
) -> list[Claim]:
    pipeline = load_pipeline(packages)
    document = make_doc(text)
    results = Results(text=document.text, has_parser=pipeline.has_parser, has_ner=pipeline.has_ner)
    layer = ClaimsLayer(results)
    for piece in split_pieces(document):
        parsed = pipeline.nlp(document.text[piece.start : piece.end])
        sentences = []
        for sent in parsed.sents:
            lead = len(sent.text) - len(sent.text.lstrip())
            start = piece.start + sent.start_char + lead
            sentence = Sentence(f"s{len(results.sentences)}", start, start + len(sent.text.strip()))
            results.sentences.append(sentence)
            sentences.append(sentence)
        results.numbers.extend(n for n in numbers if piece.start <= n.start < piece.end)
        layer.feed(
            Chunk(
                doc=parsed,
                text=parsed.text,
                start=piece.start,
                paragraph=piece.paragraph,
                sentences=sentences,
            )
        )
    results.speakers.extend(speakers)
    results.quotes.extend(quotes)
    layer.finish()
    return results.claims


def quote(text: str, words: str, kind: str = "direct", speaker: str | None = "p0") -> Quote:
    start = text.index(words)
    return Quote(f"q{start}", speaker, kind, start, start + len(words), words)


def number(text: str, words: str, value: float, kind: str = "count") -> Number:
    start = text.index(words)
    return Number(f"n{start}", start, start + len(words), words, kind, value=value)


def categories(claims: list[Claim]) -> list[str]:
    return [claim.category for claim in claims]


# --- quotes ---------------------------------------------------------------------------------

FORECAST = '"Prices may rise next year," Berg said.\n'


@pytest.mark.parametrize("packages", [MODEL_PACKAGES, RULES_ONLY], ids=["model", "rules"])
def test_a_forecast_inside_a_direct_quote_is_the_speakers_view(packages: tuple[str, ...]) -> None:
    assert categories(run_layer(FORECAST, packages=packages)) == ["hedge"]  # unattributed: still a hedge
    direct = quote(FORECAST, "Prices may rise next year,")
    assert run_layer(FORECAST, quotes=[direct], packages=packages) == []


def test_a_hedged_fact_inside_a_direct_quote_still_counts() -> None:
    text = '"The rebels reportedly fired first," Okafor said.\n'
    assert categories(run_layer(text, quotes=[quote(text, "The rebels reportedly fired first,")])) == [
        "hedge"
    ]


def test_only_the_quoted_words_of_a_mixed_quote_are_the_speakers() -> None:
    inside = 'Berg said the deal "may well collapse" within weeks.\n'
    mixed = quote(inside, 'the deal "may well collapse" within weeks', kind="mixed")
    assert run_layer(inside, quotes=[mixed]) == []
    outside = 'Berg said the deal may collapse, calling the talks "a farce".\n'
    mixed = quote(outside, 'the deal may collapse, calling the talks "a farce"', kind="mixed")
    assert categories(run_layer(outside, quotes=[mixed])) == ["hedge"]


BERG = Speaker("p0", "Anna Berg", None, "finance minister", "person")
SCIENTISTS = Speaker("p0", None, "scientists", None, "unnamed")


def test_a_named_speakers_reported_forecast_is_theirs() -> None:
    text = "Berg said prices may rise next year.\n"
    indirect = quote(text, "prices may rise next year", kind="indirect")
    assert run_layer(text, quotes=[indirect], speakers=[BERG]) == []


def test_an_unnamed_speakers_reported_may_is_a_hedge() -> None:
    text = "Scientists reported that the virus may spread like influenza.\n"
    indirect = quote(text, "that the virus may spread like influenza", kind="indirect")
    assert categories(run_layer(text, quotes=[indirect], speakers=[SCIENTISTS])) == ["hedge"]


def test_a_reported_fact_hedge_from_a_named_speaker_still_counts() -> None:
    text = "Berg said the rebels had reportedly crossed the river.\n"
    indirect = quote(text, "the rebels had reportedly crossed the river", kind="indirect")
    assert categories(run_layer(text, quotes=[indirect], speakers=[BERG])) == ["hedge"]


# --- disclaimers and figures ----------------------------------------------------------------

FIGURES = (
    "Up to 900 fighters crossed the river in April. According to the army, nearly 300 of them were killed. "
    "However, these figures cannot be independently verified.\n"
)


def figure_numbers(text: str) -> list[Number]:
    return [number(text, "Up to 900", 900), number(text, "nearly 300", 300), number(text, "April", 0, "date")]


def test_these_figures_reach_back_over_the_sentences_that_carry_figures() -> None:
    claims = run_layer(FIGURES, numbers=figure_numbers(FIGURES))
    assert categories(claims) == ["unverifiable"] * 3
    disclaimer = claims[-1]
    assert [claim.qualified_by for claim in claims] == [disclaimer.id, disclaimer.id, None]


def test_a_disclaimer_about_claims_reaches_only_the_sentence_before() -> None:
    text = FIGURES.replace("these figures", "these claims")
    claims = run_layer(text, numbers=figure_numbers(text))
    assert len(claims) == 2
    assert "nearly 300" in claims[0].text and claims[0].qualified_by == claims[1].id


def test_the_figure_run_stops_at_a_sentence_without_figures() -> None:
    text = FIGURES.replace("Up to 900", "Many")
    claims = run_layer(text, numbers=[number(text, "nearly 300", 300)])
    assert len(claims) == 2 and "Many fighters" not in claims[0].text


def test_a_disclaimer_opening_a_paragraph_reaches_the_previous_paragraph() -> None:
    text = "The depot burned for hours.\nThese reports could not be independently confirmed.\n"
    claims = run_layer(text)
    assert [claim.qualified_by for claim in claims] == [claims[1].id, None]


def test_a_disclaimer_never_qualifies_a_heading() -> None:
    text = "Losses on both sides\nThese figures could not be independently verified.\n"
    claims = run_layer(text)
    assert len(claims) == 1 and claims[0].qualified_by is None


# --- single_source --------------------------------------------------------------------------

WAR = (
    "Government troops shelled the rebel-held town for a third day. "
    "Army spokesman Ivan Petrov said 120 militants were killed in the attack. "
    "The fighting has displaced civilians across the province, and drones were seen overhead.\n"
)
PETROV = Speaker("p0", "Ivan Petrov", None, "Army spokesman", "person")


def war_claims(
    text: str, speaker: Speaker = PETROV, packages: tuple[str, ...] = MODEL_PACKAGES
) -> list[Claim]:
    cited = quote(text, "120 militants were killed in the attack", kind="indirect")
    return run_layer(
        text, quotes=[cited], speakers=[speaker], numbers=[number(text, "120", 120)], packages=packages
    )


@pytest.mark.parametrize("packages", [MODEL_PACKAGES, RULES_ONLY], ids=["model", "rules"])
def test_a_partys_uncorroborated_figure_is_single_source(packages: tuple[str, ...]) -> None:
    claims = war_claims(WAR, packages=packages)
    assert categories(claims) == ["single_source"]
    assert claims[0].weight == "weak"
    assert "Ivan Petrov" in claims[0].explanation and "120" in claims[0].explanation


def test_a_figure_given_twice_is_corroborated() -> None:
    text = WAR.replace("overhead.", "overhead. A hospital in the province counted 120 bodies.")
    cited = quote(text, "120 militants were killed in the attack", kind="indirect")
    numbers = [number(text, "120 militants", 120), number(text, "120 bodies", 120)]
    assert run_layer(text, quotes=[cited], speakers=[PETROV], numbers=numbers) == []


def test_a_figure_confirmed_in_the_next_sentence_is_not_single_source() -> None:
    text = WAR.replace("The fighting has", "The toll was confirmed by the United Nations. The fighting has")
    assert war_claims(text) == []


def test_a_commentator_is_not_a_party() -> None:
    analyst = Speaker("p0", "Lena Ortiz", None, "military analyst at King's College", "person")
    assert war_claims(WAR, speaker=analyst) == []


def test_figures_outside_a_conflict_are_not_single_source() -> None:
    text = "Chief executive Ana Costa said the chain sold 120 stores last year. Profits rose in the spring.\n"
    costa = Speaker("p0", "Ana Costa", None, "Chief executive", "person")
    cited = quote(text, "the chain sold 120 stores last year", kind="indirect")
    assert run_layer(text, quotes=[cited], speakers=[costa], numbers=[number(text, "120", 120)]) == []


# --- vocabulary -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("verify", {"verifies", "verified", "verifying"}),
        ("confirm", {"confirms", "confirmed", "confirming"}),
        ("allege", {"alleges", "alleged", "alleging"}),
        ("say", {"says", "said"}),
        ("understand", {"understood"}),
    ],
)
def test_inflections_for_the_fallback(lemma: str, expected: set[str]) -> None:
    assert expected <= set(forms(lemma))


def test_weights_follow_the_guide() -> None:
    assert CATEGORY_ORDER == ("unverifiable", "hedge", "vague_source", "anonymous_source", "single_source")
    assert [weight_of(category) for category in CATEGORY_ORDER] == [
        "strong",
        "weak",
        "weak",
        "strong",
        "weak",
    ]


def test_empty_and_whitespace_chunks_are_harmless() -> None:
    assert run_layer("   \n\n") == []
    assert run_layer("   \n\n", packages=RULES_ONLY) == []


# --- any text -------------------------------------------------------------------------------

WORDS = [
    "officials", "said", "a", "spokesman", "told", "according", "to", "could", "not", "be", "verified",
    "these", "figures", "cannot", "independently", "unconfirmed", "reports", "may", "May", "claimed",
    "claims", "allegedly", "is", "believed", "the", "sources", "close", "If", "true", ",", ".", "\"", "“",
    "”", "«", "’", "\n", "300", "killed", "troops", "However", "é", "🙂", "per", "by", "various",
]  # fmt: skip


@pytest.mark.fuzz
@fuzz_settings
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from([MODEL_PACKAGES, RULES_ONLY]))
def test_any_text_gives_well_formed_claims(words: list[str], packages: tuple[str, ...]) -> None:
    text = " ".join(words)
    claims = run_layer(text, packages=packages)
    document_text = make_doc(text).text
    ids = [claim.id for claim in claims]
    assert ids == [f"c{i}" for i in range(len(claims))]
    assert len({claim.sentence for claim in claims}) == len(claims)  # one claim per sentence
    for claim in claims:
        assert claim.text == document_text[claim.start : claim.end]
        assert claim.category in CATEGORY_ORDER and claim.weight == weight_of(claim.category)
        assert claim.explanation and "\n" not in claim.explanation
        assert claim.qualified_by is None or claim.qualified_by in ids
        for cue in claim.cues:
            assert cue.text == document_text[cue.start : cue.end]
