"""Cue rules of issue 15 (news never tuned on): which verbs and constructions report words, and which
do not. One general construction each, in sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis
from tests.analysis.test_attribution_unseen import speaker


def quoted(analysis: Analysis, fragment: str) -> bool:
    return any(fragment in q.text for q in analysis.quotes)


def test_encouraging_someone_to_act_reports_the_act_asked_unless_a_thing_encourages(analyze_text) -> None:
    analysis = analyze_text(
        "Mayor Rosa Lindqvist encouraged residents to stay indoors during the storm.\n"
        "The cheaper fares would encourage commuters to leave their cars at home.\n"
    )
    assert speaker(analysis, "stay indoors").name == "Rosa Lindqvist"
    assert not quoted(analysis, "leave their cars")


def test_calling_for_someone_to_act_reports_the_act_asked(analyze_text) -> None:
    analysis = analyze_text(
        "Senator Ana Lopes has called for member states to raise their defence budgets.\n"
        "Farmers marched to the ministry, calling for the import quotas to be scrapped.\n"
    )
    assert speaker(analysis, "raise their defence budgets").name == "Ana Lopes"
    farmers = speaker(analysis, "import quotas to be scrapped")
    assert farmers is not None and (farmers.name or farmers.label) == "Farmers"


def test_a_speech_participle_on_the_subject_makes_that_noun_the_speaker(analyze_text) -> None:
    analysis = analyze_text("Several unions claiming the vote was rigged marched through the capital.\n")
    found = speaker(analysis, "the vote")
    assert found.kind == "unnamed" and found.label == "Several unions"


def test_a_characterisation_after_describe_as_is_reported_unquoted(analyze_text) -> None:
    analysis = analyze_text(
        "The fibres, which geologist Marta Quist described as resembling spider silk, lay in the cave.\n"
    )
    assert speaker(analysis, "resembling spider silk").name == "Marta Quist"


def test_a_reasoning_verb_set_off_inside_its_clause_is_a_cue(analyze_text) -> None:
    analysis = analyze_text(
        "Researchers at the institute said the prototype works.\n\n"
        "Cheaper batteries, they reason, could transform rural electricity supply.\n"
    )
    assert speaker(analysis, "transform rural electricity").label == "Researchers at the institute"


def test_a_point_pointed_out_as_an_object_is_reported(analyze_text) -> None:
    analysis = analyze_text("Auditor Lena Varga pointed out the gap in the pension accounts.\n")
    assert speaker(analysis, "gap in the pension").name == "Lena Varga"


def test_finding_someone_to_be_something_reports_no_words(analyze_text) -> None:
    analysis = analyze_text("The clinic also found her to be infected with the virus.\n")
    assert not quoted(analysis, "infected")


def test_confirming_a_person_is_an_appointment_not_a_statement(analyze_text) -> None:
    analysis = analyze_text(
        "The Senate confirmed him as ambassador on Tuesday.\n"
        "The committee will confirm the nominees next week.\n"
        "The ministry confirmed the deaths of two climbers.\n"
    )
    assert not quoted(analysis, "ambassador")
    assert not quoted(analysis, "nominees")
    assert quoted(analysis, "deaths of two climbers")


def test_speaking_about_a_topic_reports_no_words_but_about_how_or_of_does(analyze_text) -> None:
    analysis = analyze_text(
        "Mayor Rosa Lindqvist has spoken many times about the accident.\n"
        "Mayor Rosa Lindqvist spoke about how the plant would close.\n"
        "Mayor Rosa Lindqvist spoke of a sharp rise in rents.\n"
    )
    assert not quoted(analysis, "the accident")
    assert speaker(analysis, "plant would close").name == "Rosa Lindqvist"
    assert speaker(analysis, "sharp rise in rents").name == "Rosa Lindqvist"
