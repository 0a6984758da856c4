"""Quotes of every kind the annotation guide names, on short texts written for these tests.

Each case states what a careful reader would mark: the quoted words, the kind,
and who says them (a name, an unnamed source's label, or nobody).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import Analysis


def who(analysis: Analysis, speaker_id: str | None) -> str | None:
    """A quote's speaker as a reader sees it: the name, else the unnamed label."""
    for speaker in analysis.speakers:
        if speaker.id == speaker_id:
            return speaker.name or speaker.label
    return None


def quote_with(analysis: Analysis, words: str) -> Any:
    """The one quote whose text contains these words."""
    found = [q for q in analysis.quotes if words in q.text]
    assert len(found) == 1, f"{words!r} in {[q.text for q in analysis.quotes]}"
    return found[0]


def assert_spans(analysis: Analysis, text: str) -> None:
    for quote in analysis.quotes:
        assert quote.text == text[quote.start : quote.end]
        if quote.cue is not None:
            assert quote.cue.text == text[quote.cue.start : quote.cue.end]
    for speaker in analysis.speakers:
        for mention in speaker.mentions:
            assert mention.text == text[mention.start : mention.end]


# (text, words inside the quote, kind, speaker name or label, cue text)
DIRECT = [
    pytest.param(
        '"The harvest failed completely," said farmer Tomas Berg.',
        "The harvest failed completely",
        "direct",
        "Tomas Berg",
        "said",
        id="cue-after-inverted",
    ),
    pytest.param(
        '"We will rebuild the bridge before winter," Mayor Ana Lopez said on Tuesday.',
        "We will rebuild the bridge",
        "direct",
        "Ana Lopez",
        "said",
        id="cue-after-name-first",
    ),
    pytest.param(
        'Mayor Ana Lopez said, "We will rebuild the bridge before winter."',
        "We will rebuild the bridge",
        "direct",
        "Ana Lopez",
        "said",
        id="cue-before-comma",
    ),
    pytest.param(
        'Engineer Paul Okafor told the council on Monday: "The old levee cannot hold another flood."',
        "The old levee cannot hold",
        "direct",
        "Paul Okafor",
        "told",
        id="cue-before-colon",
    ),
    pytest.param(
        "“The river rose faster than anyone expected,” said hydrologist Mei Tanaka.",
        "The river rose faster",
        "direct",
        "Mei Tanaka",
        "said",
        id="curly-double",
    ),
    pytest.param(
        "«Nobody warned the villages downstream,» said councillor Pierre Dumont.",
        "Nobody warned the villages",
        "direct",
        "Pierre Dumont",
        "said",
        id="guillemets",
    ),
    pytest.param(
        "„The dam was never inspected after the storm,“ said engineer Klaus Weber.",
        "The dam was never inspected",
        "direct",
        "Klaus Weber",
        "said",
        id="low-high",
    ),
    pytest.param(
        "‘The pumps were switched off for the whole weekend,’ said technician Sara Lind.",
        "The pumps were switched off",
        "direct",
        "Sara Lind",
        "said",
        id="curly-single",
    ),
    pytest.param(
        '"The first wave came at night. The second one took the school," said teacher Omar Haddad.',
        "The second one took the school",
        "direct",
        "Omar Haddad",
        "said",
        id="multi-sentence",
    ),
    pytest.param(
        'Farmer Tomas Berg warned: "Without seed money there will be no harvest next year."',
        "Without seed money",
        "direct",
        "Tomas Berg",
        "warned",
        id="lemma-warn",
    ),
    pytest.param(
        '"The figures are simply wrong," insisted economist Lena Vogel.',
        "The figures are simply wrong",
        "direct",
        "Lena Vogel",
        "insisted",
        id="lemma-insist",
    ),
    pytest.param(
        '"The sign said "Closed" for a whole week before anyone came," said shopkeeper Ravi Menon.',
        "for a whole week before anyone came",
        "direct",
        "Ravi Menon",
        "said",
        id="nested-straight",
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "speaker", "cue"), DIRECT)
def test_direct_quotes(analyze_text, text: str, words: str, kind: str, speaker: str, cue: str) -> None:
    analysis = analyze_text(text)
    quote = quote_with(analysis, words)
    assert (quote.kind, who(analysis, quote.speaker), quote.cue.text) == (kind, speaker, cue)
    assert not quote.text.startswith(('"', "“", "«", "„", "‘"))
    assert_spans(analysis, text)


def test_cue_inside_a_split_quote_attributes_both_parts(analyze_text) -> None:
    text = '"The river rose fast," Mayor Ana Lopez said, "and the old levee gave way within an hour."'
    analysis = analyze_text(text)
    first = quote_with(analysis, "The river rose fast")
    second = quote_with(analysis, "and the old levee gave way")
    assert who(analysis, first.speaker) == who(analysis, second.speaker) == "Ana Lopez"
    assert first.cue.text == second.cue.text == "said"


def test_uncued_quote_after_a_quote_continues_its_speaker(analyze_text) -> None:
    text = '"We lost everything," said farmer Tomas Berg. "Nobody came to help us for three whole days."'
    analysis = analyze_text(text)
    follow = quote_with(analysis, "Nobody came to help us")
    assert (follow.kind, who(analysis, follow.speaker), follow.cue) == ("direct", "Tomas Berg", None)


def test_multi_paragraph_quote_is_one_quote_with_the_opening_cue(analyze_text) -> None:
    text = (
        'Mayor Ana Lopez said: "The water reached the second floor of the town hall.\n'
        '"We moved the archives to the attic, but the roof was leaking too."\n'
        "The council meets again on Friday."
    )
    analysis = analyze_text(text)
    quote = quote_with(analysis, "second floor")
    assert "roof was leaking" in quote.text
    assert who(analysis, quote.speaker) == "Ana Lopez"
    assert "council meets" not in quote.text
    assert_spans(analysis, text)


def test_multi_paragraph_quote_takes_a_cue_from_its_last_paragraph(analyze_text) -> None:
    text = (
        '"The first boats reached the village at dawn.\n'
        '"By noon every family had been moved to the school," said rescuer Jonas Falk.'
    )
    analysis = analyze_text(text)
    quote = quote_with(analysis, "first boats")
    assert "every family" in quote.text
    assert who(analysis, quote.speaker) == "Jonas Falk"


def test_unbalanced_mark_ends_at_its_paragraph(analyze_text) -> None:
    text = (
        'Mayor Ana Lopez said "the water kept rising all night and\n'
        "The next paragraph is plain reporting about the weather on Sunday.\n"
        '"We are safe now," said farmer Tomas Berg.'
    )
    analysis = analyze_text(text)
    assert not any("plain reporting" in q.text for q in analysis.quotes)
    opened = quote_with(analysis, "the water kept rising")
    assert who(analysis, opened.speaker) == "Ana Lopez"
    assert who(analysis, quote_with(analysis, "We are safe now").speaker) == "Tomas Berg"
    assert_spans(analysis, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('The so-called "peace plan" was published on Monday.', id="scare-quote"),
        pytest.param('She has watched "The Long Road Home" twice this year.', id="title"),
        pytest.param("The 'dark web' market closed after the raid.", id="single-scare-quote"),
        pytest.param('The operation, code-named "Operation Clear Sky", began in May.', id="name"),
    ],
)
def test_scare_quotes_titles_and_names_are_not_quotes(analyze_text, text: str) -> None:
    assert analyze_text(text).quotes == []


INDIRECT = [
    pytest.param(
        "Farmer Tomas Berg said that the harvest had failed for the second year.",
        "the harvest had failed",
        "indirect",
        "Tomas Berg",
        id="said-that",
    ),
    pytest.param(
        "Finance Minister Karl Odell told reporters the budget would be cut by a tenth.",
        "the budget would be cut",
        "indirect",
        "Karl Odell",
        id="told-without-that",
    ),
    pytest.param(
        "Officials confirmed the closure of two schools near the river.",
        "the closure of two schools",
        "indirect",
        "Officials",
        id="confirmed-object",
    ),
    pytest.param(
        "According to police spokesman Mark Hill, three roads were closed overnight.",
        "three roads were closed",
        "according_to",
        "Mark Hill",
        id="according-to-first",
    ),
    pytest.param(
        "Three roads were closed overnight, according to the fire service.",
        "Three roads were closed",
        "according_to",
        "the fire service",
        id="according-to-last",
    ),
    pytest.param(
        "The flood destroyed 200 homes, officials said.",
        "The flood destroyed 200 homes",
        "indirect",
        "officials",
        id="trailing-cue",
    ),
    pytest.param(
        'Economist Lena Vogel said the plan was "a complete disaster for small farmers".',
        "a complete disaster",
        "mixed",
        "Lena Vogel",
        id="mixed-fragment",
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "speaker"), INDIRECT)
def test_reported_speech(analyze_text, text: str, words: str, kind: str, speaker: str | None) -> None:
    analysis = analyze_text(text)
    quote = quote_with(analysis, words)
    assert quote.kind == kind
    if speaker is not None:
        assert who(analysis, quote.speaker) == speaker
    assert quote.cue is not None and quote.cue.text in text
    assert_spans(analysis, text)


def test_denial_by_a_company_is_attributed_to_it(analyze_text) -> None:
    analysis = analyze_text("Nordic Timber denied any wrongdoing in the sale of the land.")
    quote = quote_with(analysis, "any wrongdoing")
    assert (quote.kind, who(analysis, quote.speaker)) == ("indirect", "Nordic Timber")


def test_pronoun_speaker_resolves_to_the_person_before(analyze_text) -> None:
    text = "Mayor Ana Lopez visited the flooded school on Monday. She said the building would reopen in May."
    analysis = analyze_text(text)
    assert who(analysis, quote_with(analysis, "the building would reopen").speaker) == "Ana Lopez"


def test_pronoun_after_colon_quote(analyze_text) -> None:
    text = (
        "Mayor Ana Lopez toured the harbour on Monday. Asked about the damage, "
        'she said: "We will need help from the national government."'
    )
    analysis = analyze_text(text)
    assert who(analysis, quote_with(analysis, "We will need help").speaker) == "Ana Lopez"


def test_plural_pronoun_resolves_to_a_group(analyze_text) -> None:
    text = "Rescue workers searched the valley for two days. They said at least 40 people were still missing."
    analysis = analyze_text(text)
    quote = quote_with(analysis, "at least 40 people")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert speaker.kind == "unnamed" and speaker.name is None


def test_unnamed_spokesman_is_an_unnamed_speaker(analyze_text) -> None:
    text = 'A spokesman told reporters: "The airport will stay closed until the runway is repaired."'
    analysis = analyze_text(text)
    quote = quote_with(analysis, "The airport will stay closed")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert (speaker.kind, speaker.name, speaker.label) == ("unnamed", None, "A spokesman")
    assert speaker.mentions[0].text == "A spokesman"


def test_anonymous_sources_are_unnamed(analyze_text) -> None:
    analysis = analyze_text("Sources close to the ministry said the minister would resign on Friday.")
    quote = quote_with(analysis, "the minister would resign")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert speaker.kind == "unnamed" and "Sources" in speaker.label


def test_organisation_speaks_through_a_report(analyze_text) -> None:
    text = "The new dam will open in June, the state news agency Xinhua reported."
    analysis = analyze_text(text)
    quote = quote_with(analysis, "The new dam will open")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert (speaker.name, speaker.kind) == ("Xinhua", "organisation")


def test_role_nominal_resolves_to_the_named_minister(analyze_text) -> None:
    text = (
        "Finance Minister Karl Odell presented the budget on Tuesday.\n"
        "The minister said taxes on fuel would not rise this year."
    )
    analysis = analyze_text(text)
    quote = quote_with(analysis, "taxes on fuel would not rise")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert speaker.name == "Karl Odell"
    assert any(m.text == "The minister" for m in speaker.mentions)


def test_unlinked_role_nominal_stays_unnamed(analyze_text) -> None:
    text = 'The head of the harbour authority told the court: "The cranes were never certified."'
    analysis = analyze_text(text)
    quote = quote_with(analysis, "The cranes were never certified")
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert speaker.kind == "unnamed" and speaker.label.startswith("The head")


def test_passive_reporting_verb_has_no_speaker(analyze_text) -> None:
    analysis = analyze_text("The plan was criticised by many residents at the meeting.")
    assert analysis.quotes == []


def test_quotes_are_in_text_order_with_stable_ids(analyze_text) -> None:
    text = (
        '"We are ready," said coach Maria Stone. Officials said the stadium was full. '
        "According to the club, 30,000 tickets were sold."
    )
    first, second = analyze_text(text), analyze_text(text)
    assert first.to_json() == second.to_json()
    starts = [q.start for q in first.quotes]
    assert starts == sorted(starts)
    assert [q.id for q in first.quotes] == [f"q{i}" for i in range(len(first.quotes))]


# ----------------------------------------------------------------------
# Rules-only fallback: no parser, no NER


def test_fallback_finds_direct_quotes_and_names(analyze_rules) -> None:
    text = (
        '"We will rebuild the bridge before winter," said Mayor Ana Lopez.\n'
        'Engineer Paul Okafor said: "The old levee cannot hold another flood."'
    )
    analysis = analyze_rules(text)
    assert who(analysis, quote_with(analysis, "rebuild the bridge").speaker) == "Ana Lopez"
    assert who(analysis, quote_with(analysis, "The old levee").speaker) == "Paul Okafor"
    assert_spans(analysis, text)


def test_fallback_resolves_pronouns_and_unnamed_sources(analyze_rules) -> None:
    text = (
        '"The school stays closed," said Ana Lopez.\n'
        'Later she said: "We will reopen it in May after the repairs."\n'
        'A spokesman said: "The airport will stay closed until Monday."'
    )
    analysis = analyze_rules(text)
    assert who(analysis, quote_with(analysis, "We will reopen it").speaker) == "Ana Lopez"
    spokesman = quote_with(analysis, "The airport will stay closed")
    assert who(analysis, spokesman.speaker) == "A spokesman"


def test_fallback_according_to_and_unbalanced_marks(analyze_rules) -> None:
    text = (
        "According to Mark Hill, three roads were closed overnight.\n"
        'Ana Lopez said "the water kept rising and\n'
        "Plain reporting follows here."
    )
    analysis = analyze_rules(text)
    assert who(analysis, quote_with(analysis, "three roads were closed").speaker) == "Mark Hill"
    assert not any("Plain reporting" in q.text for q in analysis.quotes)
    assert_spans(analysis, text)


def test_quote_across_a_cut_in_a_very_long_paragraph_stays_one_quote(analyze_text) -> None:
    from reader.analysis.engine import MAX_CHUNK_CHARS

    body = "The water rose again overnight. " * (MAX_CHUNK_CHARS // 30)
    text = f'Mayor Ana Lopez said: "{body}We stayed on the roof." Then the council met.'
    analysis = analyze_text(text)
    quote = quote_with(analysis, "We stayed on the roof")
    assert quote.start == text.index("The water rose")
    assert quote.text.endswith("We stayed on the roof.")
    assert who(analysis, quote.speaker) == "Ana Lopez"
    assert_spans(analysis, text)


def test_fallback_reported_speech_by_position(analyze_rules) -> None:
    text = (
        "Finance Minister Karl Odell said the budget would be cut by a tenth.\n"
        "The flood destroyed 200 homes across the valley, Karl Odell said.\n"
        'Economist Lena Vogel said the plan was "a complete disaster for small farmers".'
    )
    analysis = analyze_rules(text)
    cut = quote_with(analysis, "the budget would be cut")
    assert (cut.kind, who(analysis, cut.speaker)) == ("indirect", "Karl Odell")
    assert who(analysis, quote_with(analysis, "The flood destroyed 200 homes").speaker) == "Karl Odell"
    mixed = quote_with(analysis, "a complete disaster")
    assert (mixed.kind, who(analysis, mixed.speaker)) == ("mixed", "Lena Vogel")


WORDS = [
    "said",
    "told",
    "he",
    "she",
    "Ana",
    "Lopez",
    "according",
    "to",
    "officials",
    "the",
    "that",
    ",",
    ".",
    ":",
    "\n",
]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS + MARKS), min_size=1, max_size=40))
def test_fallback_never_crashes_and_keeps_spans(analyze_rules, pieces: list[str]) -> None:
    text = " ".join(pieces).strip() or "x"
    analysis = analyze_rules(text)
    ids = {s.id for s in analysis.speakers}
    for quote in analysis.quotes:
        assert quote.text == analysis_text(text)[quote.start : quote.end]
        assert quote.speaker is None or quote.speaker in ids
    for speaker in analysis.speakers:
        for mention in speaker.mentions:
            assert mention.text == analysis_text(text)[mention.start : mention.end]


def analysis_text(text: str) -> str:
    """The text as the reader holds it (intake normalises newlines and Unicode)."""
    from reader.intake.document import normalise_text

    return normalise_text(text)


def test_question_quote_with_cue_after_it(analyze_text) -> None:
    text = '"We won fairly," said coach Maria Stone. "Why would anyone doubt the result now?" asked captain Eva Lund.'
    analysis = analyze_text(text)
    assert who(analysis, quote_with(analysis, "Why would anyone doubt").speaker) == "Eva Lund"
