"""Attribution rules of issue 15 (news never tuned on): one general construction each, in sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis


def speaker(analysis: Analysis, fragment: str):
    """The speaker of the quote containing fragment (None when the quote has none); fails with no quote."""
    quote = next(q for q in analysis.quotes if fragment in q.text)
    return next((s for s in analysis.speakers if s.id == quote.speaker), None)


def test_any_noun_phrase_reporting_a_clause_is_an_unnamed_source(analyze_text) -> None:
    analysis = analyze_text(
        "The orchestra says the winter season will open with a new symphony.\n"
        "Turnout rose to 71 percent, according to the tally.\n"
        "Conservatives say the tax will hurt small farms.\n"
    )
    for fragment, label in (
        ("winter season", "The orchestra"),
        ("Turnout rose", "the tally"),
        ("hurt small farms", "Conservatives"),
    ):
        found = speaker(analysis, fragment)
        assert found is not None and found.kind == "unnamed" and found.label == label


def test_suggest_reports_a_clause_unless_it_is_a_findings_participle(analyze_text) -> None:
    analysis = analyze_text(
        "Mayor Ines Carvalho suggested that the bridge toll be scrapped next year.\n"
        "Rainfall doubled in the valley, suggesting that the dam had been overwhelmed.\n"
    )
    assert speaker(analysis, "bridge toll").name == "Ines Carvalho"
    assert not [q for q in analysis.quotes if "dam had been" in q.text]


def test_ask_reports_what_someone_was_asked_to_do_not_whom(analyze_text) -> None:
    analysis = analyze_text(
        "Senator Olu Adeyemi asked the regulators to publish the inspection records.\n"
        "Reporters asked Adeyemi about it on Monday.\n"
    )
    assert speaker(analysis, "publish the inspection records").name == "Olu Adeyemi"
    assert not [q for q in analysis.quotes if "about it" in q.text]


def test_a_plural_nationality_or_party_is_a_group_and_a_headline_verb_no_part_of_a_name(analyze_text) -> None:
    analysis = analyze_text(
        "Tanaka Says Port Will Reopen\nLiberals said the budget left rural clinics without money.\n"
    )
    group = speaker(analysis, "rural clinics")
    assert group.kind == "unnamed" and group.label == "Liberals"
    assert not [s for s in analysis.speakers if s.name and s.name.endswith("Says")]
