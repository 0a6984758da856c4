"""Indirect speech the engine used to miss in unseen news (issue 15): one construction each, in
sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis
from tests.analysis.lookup import speaker, speaker_of


def quote_with(analysis: Analysis, fragment: str):
    """The quote whose text holds ``fragment``; fails when there is none."""
    return next(q for q in analysis.quotes if fragment in q.text)


def speaker_name(analysis: Analysis, fragment: str) -> str | None:
    found = speaker(analysis, fragment)
    return found.name if found else None


def test_an_as_clause_reports_the_clause_it_hangs_from(analyze_text) -> None:
    analysis = analyze_text(
        "As the Daily Ledger first reported, the mayor quietly sold the ferry company in 2019.\n"
        "The harbour fees will double next spring, as Tomas Berg noted on Friday.\n"
        "The market stayed open as the talks continued.\n"
    )
    assert speaker_name(analysis, "sold the ferry company") == "Daily Ledger"
    assert speaker_name(analysis, "harbour fees will double") == "Tomas Berg"
    assert not [q for q in analysis.quotes if "market stayed open" in q.text]


def test_a_quotation_opened_in_a_reported_clause_belongs_to_it(analyze_text) -> None:
    analysis = analyze_text(
        'Lina Moreau praised the mayor, saying she had "a steady hand, but above all, a good heart."\n'
    )
    quote = quote_with(analysis, "she had")
    assert quote.kind == "mixed" and "good heart" in quote.text
    assert speaker_name(analysis, "she had") == "Lina Moreau"


def test_a_passive_report_with_a_named_agent_is_the_agents(analyze_text) -> None:
    analysis = analyze_text(
        "News of the merger was first reported by the Harbour Gazette on Monday.\n"
        "The night ferry was added to the timetable, as first announced by Nordlink Ferries.\n"
        "The bridge was designed by Ana Ruiz in 1990.\n"
    )
    assert speaker_name(analysis, "News of the merger") == "Harbour Gazette"
    assert speaker_name(analysis, "night ferry was added") == "Nordlink Ferries"
    assert not [q for q in analysis.quotes if "bridge" in q.text]


def test_an_interposed_cue_reports_its_whole_clause_past_a_later_cue(analyze_text) -> None:
    analysis = analyze_text(
        "Too often, Tomas Berg said, the debate over the mine is infected with what he called "
        "tribalism, a belief that you are with the miners or against them.\n"
    )
    quote = quote_with(analysis, "Too often")
    assert "debate over the mine" in quote.text
    assert speaker_name(analysis, "Too often") == "Tomas Berg"


def test_an_as_clause_in_the_perfect_reports_too(analyze_text) -> None:
    analysis = analyze_text(
        "The ferry never carried a lifeboat, as the Harbour Gazette has reported.\n"
        "However, as the Gazette has reported, cases that led to charges involved other factors.\n"
    )
    assert speaker_name(analysis, "never carried a lifeboat") == "Harbour Gazette"
    assert speaker_name(analysis, "cases that led to charges") == "Harbour Gazette"


def test_suggesting_an_action_reports_it_but_a_findings_object_does_not(analyze_text) -> None:
    analysis = analyze_text(
        "Councillor Tomas Berg also suggested closing the harbour road on Sundays.\n"
        "The survey suggested rising prices.\n"
    )
    assert speaker_name(analysis, "closing the harbour road") == "Tomas Berg"
    assert not [q for q in analysis.quotes if "rising prices" in q.text]


def test_a_question_put_to_someone_is_reported_even_when_the_asker_goes_unnamed(analyze_text) -> None:
    analysis = analyze_text(
        "Councillor Tomas Berg toured the harbour and asked the dockers if they would strike again.\n"
        "When asked whether the ferry would run in winter, Berg shrugged.\n"
        "Ana Ruiz was asked what the new fees would pay for.\n"
        "The pilot was asked to leave when the storm began.\n"
    )
    assert speaker_name(analysis, "if they would strike again") == "Tomas Berg"
    unvoiced = [
        quote_with(analysis, "whether the ferry would run"),
        quote_with(analysis, "what the new fees"),
    ]
    assert [q.kind for q in unvoiced] == ["indirect", "indirect"]
    assert all(q.speaker is None for q in unvoiced)
    assert "Berg shrugged" not in unvoiced[0].text
    assert not [q for q in analysis.quotes if "storm began" in q.text]


def test_telling_someone_to_act_reports_the_order(analyze_text) -> None:
    analysis = analyze_text(
        "Harbour master Ines Duarte told the fishing crews not to leave port before Friday.\n"
        "Duarte told the council about the storm.\n"
    )
    order = quote_with(analysis, "not to leave port")
    assert order.text.startswith("the fishing crews")
    assert speaker_name(analysis, "not to leave port") == "Ines Duarte"
    assert not [q for q in analysis.quotes if "storm" in q.text]


def test_words_set_off_before_a_cue_that_only_say_when_or_why_are_not_its_content(analyze_text) -> None:
    analysis = analyze_text(
        "In a speech at the quay, Ines Duarte told the story of the old ferry.\n"
        "When the meeting ended, Duarte said no.\n"
        "The ferry will stop in March, Duarte said.\n"
    )
    assert not [q for q in analysis.quotes if "In a speech" in q.text or "meeting ended" in q.text]
    assert speaker_name(analysis, "ferry will stop in March") == "Ines Duarte"


def test_a_contracted_has_is_no_passive(analyze_text) -> None:
    analysis = analyze_text(
        "Mayor Ana Ruiz spoke in Lyon on Friday. And she’s predicted a sweeping victory in the spring vote.\n"
    )
    assert speaker_name(analysis, "sweeping victory") == "Ana Ruiz"


def test_a_subject_the_parser_hung_on_a_participle_or_a_number_still_speaks(analyze_text) -> None:
    analysis = analyze_text(
        "About 4 in 10 say they want lower taxes on small firms.\n\n"
        "Local activists clamoring to stop the new highway say they are gaining support.\n\n"
        "Most drivers in four states going to the pumps on Monday said they expect prices to rise again.\n"
    )
    assert speaker_of(analysis, "lower taxes") == "About 4 in 10"
    assert speaker_of(analysis, "gaining support") == "Local activists"
    assert "drivers" in speaker_of(analysis, "prices to rise")


def test_a_verb_coordinated_with_a_passive_shares_its_subject(analyze_text) -> None:
    analysis = analyze_text("Lee Chan was pressed on the tax in a debate and said that the plan was fair.\n")
    assert speaker_name(analysis, "the plan was fair") == "Lee Chan"


def test_a_cue_a_quotation_took_still_reports_the_clause_it_governs(analyze_text) -> None:
    analysis = analyze_text(
        "Although Ana Ruiz admitted to the paper that she and the builder had “spoken a few times,” she "
        "claimed they had never discussed the contract.\n\n"
        "Citing “family duties at home,” the mayor’s spokeswoman told reporters that Tom Berg will miss "
        "the summit in Oslo.\n"
    )
    assert speaker_name(analysis, "never discussed the contract") == "Ana Ruiz"
    assert quote_with(analysis, "will miss the summit").kind == "indirect"


def test_a_cue_set_off_after_the_clauses_subject_with_the_speaker_after_it(analyze_text) -> None:
    analysis = analyze_text(
        "Any honest reading of the mayor's budget, said Tom Berg, an economist at the city college, "
        "would see it as a retreat.\n\n"
        "Aides to Governor Lena Holm, who served two terms in the senate, said their new posters, already "
        "printed in three languages, would go up on Monday.\n"
    )
    quote = quote_with(analysis, "would see it as a retreat")
    assert (
        quote.text.startswith("Any honest reading") and speaker_name(analysis, "as a retreat") == "Tom Berg"
    )
    assert speaker_of(analysis, "would go up on Monday") != "their new posters"
