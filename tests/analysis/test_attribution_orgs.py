"""Organisations and a person's organisation as speakers (issue 15): one construction each, in sentences written here."""

from __future__ import annotations

from tests.analysis.test_attribution_unseen import speaker


def test_a_named_persons_campaign_or_team_speaks_for_that_person(analyze_text) -> None:
    analysis = analyze_text(
        "Governor Lena Osei leads the race in the northern districts.\n"
        "Governor Osei's campaign said she would debate her rivals twice in May.\n"
        "Councillor Tomas Brandt's team said he had no plans to resign.\n"
        "The campaign said the rally would go ahead despite the rain.\n"
    )
    assert speaker(analysis, "debate her rivals").name == "Lena Osei"
    assert speaker(analysis, "no plans to resign").name == "Tomas Brandt"
    uncredited = speaker(analysis, "rally would go ahead")
    assert uncredited is None or uncredited.kind == "unnamed"


def test_an_organisations_name_runs_over_commas_as_far_as_its_acronym_spells(analyze_text) -> None:
    analysis = analyze_text(
        "Nepal's Centre for Soil, Water and Forest Studies (CSWFS) reported that rainfall fell by a third.\n"
        "The CSWFS said the drought would last into spring.\n"
    )
    centre = speaker(analysis, "rainfall fell")
    assert centre.name == "Centre for Soil, Water and Forest Studies"
    assert speaker(analysis, "drought would last") is centre


def test_an_owners_description_is_the_organisation_named_after_the_owner(analyze_text) -> None:
    analysis = analyze_text(
        "The naturalist Amara Osei has died at 88.\n"
        "Osei's wildlife trust said she had been working on a book about storks until May.\n"
        "In 1998 she set up the Amara Osei Wildlife Trust to buy wetlands on the coast.\n"
    )
    trust = speaker(analysis, "book about storks")
    assert trust.name == "Amara Osei Wildlife Trust" and trust.kind == "organisation"


def test_a_name_first_written_in_lower_case_is_that_organisation(analyze_text) -> None:
    analysis = analyze_text(
        "Divers worked through the night, according to the coastal rescue service, and found two sailors.\n"
        "The Coastal Rescue Service said the search would end on Friday.\n"
    )
    first = speaker(analysis, "Divers worked")
    assert first.name == "Coastal Rescue Service" and first is speaker(analysis, "search would end")


def test_a_schedule_forecast_or_tally_speaks_for_whoever_keeps_it(analyze_text) -> None:
    analysis = analyze_text(
        "According to Norlight Energy's schedule, power to 20,000 homes will be cut at noon.\n"
        "Turnout had doubled, according to a tally by the Valley Courier.\n"
    )
    assert speaker(analysis, "power to 20,000 homes").name == "Norlight Energy"
    assert speaker(analysis, "Turnout had doubled").name == "Valley Courier"
