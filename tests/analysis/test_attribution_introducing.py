"""Quotations set after the clause that introduces them, and the speaker names such clauses give
(issue 15: news never tuned on). Sentences written here, one general construction per test."""

from __future__ import annotations

from tests.analysis.test_attribution_unseen import speaker


def test_a_clause_running_on_past_its_verb_to_a_colon_or_comma_gives_the_quotation_to_its_subject(
    analyze_text,
) -> None:
    analysis = analyze_text(
        'The harbour reopened on Friday. "It is a good day for the town," said Mayor Ines Duarte.\n\n'
        'Novelist Tomas Lindqvist described the harbour to a local paper in 1998: "It smelled of tar and '
        'oranges all year round."\n\n'
        'Ana Ruiz of the ferry union also reacted on the radio, "We were never asked about the new '
        'timetable at all."\n\n'
        'Another was skipper Peter Holm, 61, who cited only his years on the night crossings: "You learn '
        'to trust the lights and nothing else."\n\n'
        'Reporter Lena Brandt wrote back to the minister, a man who once promised cheaper fares: "Where are '
        'the cheaper fares now?"\n'
    )
    assert speaker(analysis, "tar and oranges").name == "Tomas Lindqvist"
    assert speaker(analysis, "never asked").name == "Ana Ruiz"
    assert speaker(analysis, "trust the lights").name == "Peter Holm"
    # A reporting verb above the clause that ends at the colon keeps the quotation: not the man who promised.
    assert speaker(analysis, "cheaper fares now").name == "Lena Brandt"


def test_an_of_phrase_after_a_speakers_name_is_where_they_belong_not_part_of_the_name(analyze_text) -> None:
    analysis = analyze_text(
        '"It will heal the valley," Tomas Lindqvist of the Old Harbour fishing association told those '
        "gathered on the shore.\n"
    )
    found = speaker(analysis, "heal the valley")
    assert found.name == "Tomas Lindqvist" and found.kind == "person"


def test_a_name_set_beside_a_capitalised_role_speaks_not_the_role(analyze_text) -> None:
    analysis = analyze_text(
        "The bill passed on Monday.\n\n"
        'A Green Councillor, Peter Holm, spoke about the budget, "It is a good day for the river."\n'
    )
    assert speaker(analysis, "good day for the river").name == "Peter Holm"
    assert not [s for s in analysis.speakers if s.name and "Councillor" in s.name]


def test_a_clause_of_another_verb_never_makes_a_name_or_title_a_quotation(analyze_text) -> None:
    analysis = analyze_text(
        'Ana Ruiz, who sat for an interview on the morning show, "Harbour Talk," said nothing new.\n'
    )
    assert not [q for q in analysis.quotes if "Harbour Talk" in q.text]


def test_a_verb_read_as_a_modifier_after_a_quotation_still_cues_the_titled_name_after_it(
    analyze_text,
) -> None:
    analysis = analyze_text(
        "Usman Berg was arrested on the bridge. Berg had left the hall at noon.\n\n"
        '"We will rebuild the bridge by spring" tweeted Governor of Ohio Ana Ruiz on Monday.\n\n'
        '"I am proud of the crews who worked through the night" tweeted Mayor of London Sadiq Berg (no '
        'relation). "The river is open again."\n'
    )
    assert speaker(analysis, "rebuild the bridge").name.endswith("Ana Ruiz")
    found = speaker(analysis, "crews who worked")
    assert found.name == "Sadiq Berg"
    assert speaker(analysis, "river is open again").name == "Sadiq Berg"
