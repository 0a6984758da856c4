"""Quote recall rules of issue 15 (news never tuned on): one general construction each, in sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis
from tests.analysis.lookup import speaker_of


def quote_with(analysis: Analysis, fragment: str):
    """The quote whose text holds fragment, or None."""
    return next((q for q in analysis.quotes if fragment in q.text), None)


def test_a_comma_closing_an_opening_phrase_of_the_reported_clause_does_not_end_it(analyze_text) -> None:
    analysis = analyze_text(
        "The station revealed that in March, the minister signed the order but did not say he had read it.\n"
        "The newspaper reported that, during a dinner in early May, the envoy may have urged the banker to resign.\n"
    )
    assert speaker_of(analysis, "the minister signed the order") == "The station"
    assert speaker_of(analysis, "the envoy may have urged") == "The newspaper"


def test_an_impersonal_passive_report_is_a_quote_without_a_speaker(analyze_text) -> None:
    analysis = analyze_text(
        "It was reported on Friday the ferry had sunk near the harbour.\n"
        "It is said that the old bridge was built by prisoners.\n"
        "The opening was delayed. It was announced.\n"
    )
    for fragment in ("the ferry had sunk", "the old bridge was built"):
        quote = quote_with(analysis, fragment)
        assert quote is not None and quote.speaker is None, fragment
    assert not [q for q in analysis.quotes if "opening" in q.text or q.text == "It was announced"]


def test_a_passive_report_by_a_group_quotes_what_the_group_said(analyze_text) -> None:
    analysis = analyze_text(
        'The driver, who was described as "reckless" by the police, was charged on Monday.\n'
        "Two ministers were reported by local media to have fled the capital.\n"
    )
    assert speaker_of(analysis, "reckless") == "the police"
    assert speaker_of(analysis, "to have fled the capital") == "local media"


def test_which_someone_denied_stands_for_the_clause_before_it(analyze_text) -> None:
    analysis = analyze_text(
        "Coach Rui Tavares said the club would be sold in March. "
        "Tavares was later accused of hiding the debts, which he denied.\n"
    )
    assert speaker_of(analysis, "accused of hiding the debts") == "Rui Tavares"


def test_citing_a_reason_and_crediting_someone_report_words_but_citing_a_source_does_not(
    analyze_text,
) -> None:
    analysis = analyze_text(
        "Governor Lena Park cited a shortage of teachers.\nCaptain Omar Haddad credited the crew with saving the ship.\n"
        "The wire service, citing two officials, said the border would close.\n"
        'The three "errors" she cited are "the fees, the fines and the fares".\n'
    )
    assert speaker_of(analysis, "a shortage of teachers") == "Lena Park"
    assert speaker_of(analysis, "saving the ship") == "Omar Haddad"
    assert speaker_of(analysis, "the border would close") == "The wire service"
    assert quote_with(analysis, "two officials") is None
    assert quote_with(analysis, "errors") is None


def test_a_quoted_as_phrase_after_a_verb_of_judging_is_a_characterisation(analyze_text) -> None:
    analysis = analyze_text(
        'Senator Ruth Mbeki dismissed the audit as "a fishing trip".\n'
        "The rebels attacked the town as night fell.\n"
        'On Monday she referred to the new tax as "theft".\n'
    )
    assert speaker_of(analysis, "a fishing trip") == "Ruth Mbeki"
    assert speaker_of(analysis, "theft") == "Ruth Mbeki"
    assert not [q for q in analysis.quotes if "night fell" in q.text]


def test_the_clause_of_an_issued_statement_is_what_it_said(analyze_text) -> None:
    analysis = analyze_text("The hospital issued a statement that two nurses had been hurt.\n")
    assert speaker_of(analysis, "two nurses had been hurt") == "The hospital"


def test_a_name_governed_by_a_preposition_before_the_verb_does_not_speak(analyze_text) -> None:
    analysis = analyze_text("Mayor Ann Low criticised the budget, and on Twitter said the vote was rigged.\n")
    assert speaker_of(analysis, "the vote was rigged") == "Ann Low"


def test_a_tensed_clause_opened_by_a_phrase_right_after_said_is_what_was_said(analyze_text) -> None:
    analysis = analyze_text(
        "Coach Ines Moreau spoke at the hearing on Monday.\n"
        "At the hearing, she said as a nurse she was forced into long shifts by her managers.\n"
        "Coach Ines Moreau said nothing when the whistle blew.\n"
    )
    assert speaker_of(analysis, "forced into long shifts") == "Ines Moreau"
    assert quote_with(analysis, "whistle blew") is None


def test_an_allegation_reports_its_object(analyze_text) -> None:
    analysis = analyze_text(
        "Senator Tomas Berg has alleged widespread fraud in the count. The alleged leader fled.\n"
    )
    assert speaker_of(analysis, "widespread fraud") == "Tomas Berg"
    assert quote_with(analysis, "leader fled") is None


def test_manners_of_speaking_are_cues(analyze_text) -> None:
    analysis = analyze_text(
        '"You have to work all week to earn a weekend," quipped festival editor Heather Lund.\n'
        'Actor Tom Berg arrived late. He exclaimed, "I still have sand in my boots!"\n'
        "Mayor Ada Novak noted that the council had not voted, and mentioned a possible appeal to the high court.\n"
    )
    assert speaker_of(analysis, "earn a weekend") == "Heather Lund"
    assert speaker_of(analysis, "sand in my boots") == "Tom Berg"
    assert speaker_of(analysis, "possible appeal") == "Ada Novak"
    assert "appeal" not in quote_with(analysis, "council had not voted").text
