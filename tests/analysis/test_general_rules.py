"""Rules added for unseen articles: each is one general construction, tested on sentences written here."""

from __future__ import annotations

from reader.analysis.model import Analysis
from tests.analysis.lookup import speaker_of


def claim_with(analysis: Analysis, fragment: str):
    return next((c for c in analysis.claims if fragment in c.text), None)


def test_a_relative_which_said_is_its_antecedent(analyze_text) -> None:
    analysis = analyze_text(
        "The study was funded by the Brightwater Foundation, which said it had no role in the analysis.\n"
    )
    assert speaker_of(analysis, "no role in the analysis") == "Brightwater Foundation"


def test_a_speaker_apposed_right_before_the_verb(analyze_text) -> None:
    analysis = analyze_text(
        "The quake struck 40 kilometres north of the regional capital, Dorvik, the National Seismic Office said.\n"
    )
    assert speaker_of(analysis, "The quake struck") == "National Seismic Office"


def test_an_apposed_name_is_who_a_later_pronoun_means(analyze_text) -> None:
    analysis = analyze_text(
        "The rebels rejected the offer, their leader said.\n"
        "The United Nations envoy, Marta Lindgren, called on both sides to show restraint. "
        "In a statement, she said the fighting risked undoing a truce.\n"
    )
    assert speaker_of(analysis, "the fighting risked") == "Marta Lindgren"


def test_the_agency_is_the_organisation_that_just_spoke(analyze_text) -> None:
    analysis = analyze_text(
        "Police have arrested 23 people, Europol said on Friday.\n"
        "The gang used hidden compartments in lorries, costing EU states an estimated €11 million, "
        "the agency said in a statement.\n"
    )
    assert speaker_of(analysis, "hidden compartments") == "Europol"
    assert not [q for q in analysis.quotes if q.cue and q.cue.text == "states"]  # an amount is nobody's words


def test_the_report_is_whoever_issued_it(analyze_text) -> None:
    analysis = analyze_text(
        "Glaciers lost 10% of their ice, according to a report released by the Alpine Glacier Network.\n"
        "The report estimates that half a million people rely on meltwater.\n"
    )
    assert speaker_of(analysis, "half a million people") == "Alpine Glacier Network"


def test_a_role_with_other_modifiers_is_someone_else(analyze_text) -> None:
    analysis = analyze_text(
        "Health Minister Carla Mendes resigned on Thursday.\n"
        'The prime minister\'s office said in a statement that Mendes had acted "with dignity".\n'
    )
    assert speaker_of(analysis, "acted") != "Carla Mendes"


def test_quoted_as_saying_is_the_person_quoted(analyze_text) -> None:
    analysis = analyze_text(
        'Carla Mendes resigned. Mendes was quoted by a newspaper as saying she had "no choice but to go".\n'
    )
    assert speaker_of(analysis, "no choice") == "Carla Mendes"


def test_added_subscribers_is_not_speech(analyze_text) -> None:
    analysis = analyze_text("The company added 1.1m paid subscribers in the three months to September.\n")
    assert analysis.quotes == []
    assert [(n.text, n.value) for n in analysis.numbers][0] == ("1.1m", 1_100_000)


def test_a_glued_m_reads_as_millions_next_to_millions(analyze_text) -> None:
    money = analyze_text("Revenue was $212m. That took its total to 84.6m.\n")
    length = analyze_text("The old tower is 84.6m.\n")
    assert [n.value for n in money.numbers] == [212_000_000, 84_600_000]
    assert [(n.value, n.unit) for n in length.numbers] == [(84.6, "m")]


def test_a_change_by_a_fraction_is_a_ratio(analyze_text) -> None:
    values = {n.text: n.value for n in analyze_text("Rents rose by around a third since 2021.\n").numbers}
    assert values["around a third"] == 1 / 3
    assert analyze_text("It was done by a third party.\n").numbers == []


def test_the_end_of_a_range_is_not_an_in_ratio(analyze_text) -> None:
    numbers = analyze_text("Pupils aged 13 to 17 in 48 schools took part.\n").numbers
    assert [(n.text, n.low, n.high, n.value) for n in numbers] == [
        ("13 to 17", 13, 17, None),
        ("48", None, None, 48),
    ]


def test_neither_sides_figures_qualify_each_partys_figures(analyze_text) -> None:
    analysis = analyze_text(
        "The army said 27 fighters had been killed.\n"
        'The rebels said the strikes killed 11 civilians. "This is a massacre," their spokesman said.\n'
        "Neither side's figures could be independently verified.\n"
    )
    disclaimer = claim_with(analysis, "Neither side")
    assert disclaimer is not None and disclaimer.category == "unverifiable"
    for fragment in ("27 fighters", "11 civilians"):
        claim = claim_with(analysis, fragment)
        assert claim is not None and claim.qualified_by == disclaimer.id, analysis.claims


def test_an_adverb_between_modal_and_verb_still_hedges(analyze_text) -> None:
    claim = claim_with(analyze_text("Other factors may partly explain the gap.\n"), "partly explain")
    assert claim is not None and claim.category == "hedge"


def test_unnamed_sources_that_deny_question_or_are_one_of_them(analyze_text) -> None:
    analysis = analyze_text(
        "Regional officials denied that the dam was at risk.\n"
        "Some critics have questioned whether the data are reliable.\n"
        "Shareholders would own 55% of the company, one of the people said.\n"
        "Prices fell 3%, according to industry figures.\n"
        "Prices fell 3%, according to figures from the statistics office.\n"
        "He resigned, according to two officials who spoke on condition of anonymity.\n"
    )
    categories = {c.text.split(",")[0].split(" ")[0]: c.category for c in analysis.claims}
    assert claim_with(analysis, "Regional officials").category == "vague_source"
    assert claim_with(analysis, "Some critics").category == "vague_source"
    assert claim_with(analysis, "one of the people").category == "anonymous_source"
    assert claim_with(analysis, "industry figures").category == "vague_source"
    assert claim_with(analysis, "statistics office") is None
    assert claim_with(analysis, "two officials").category == "anonymous_source", categories


def test_allegations_that_hedge_and_names_are_not_sources(analyze_text) -> None:
    analysis = analyze_text(
        "Her campaign was dogged by allegations that it had received donations.\n"
        "The cuts come weeks after rival Lumen Media announced 900 redundancies.\n"
        "A lawyer, who asked not to be identified, told local media his client was innocent.\n"
    )
    assert claim_with(analysis, "allegations that").category == "hedge"
    assert claim_with(analysis, "Lumen Media") is None
    assert claim_with(analysis, "A lawyer").category == "anonymous_source"


def test_more_currencies_by_name(analyze_text) -> None:
    numbers = analyze_text(
        "Damage is put at 2.3 billion pesos, and 80 million kwacha went to repairs.\n"
    ).numbers
    assert [(n.kind, n.value, n.unit) for n in numbers] == [
        ("money", 2_300_000_000, "peso"),
        ("money", 80_000_000, "kwacha"),
    ]


def test_a_cue_ending_a_paragraph_with_a_colon_owns_the_quote_that_opens_the_next(analyze_text) -> None:
    analysis = analyze_text(
        "Harbour master Ines Albrecht, who has run the port since the floods, told the council:\n\n"
        "“We cannot dredge the channel again without new money.”\n\n"
        "“The ferries will have to wait,” a pilot added.\n"
    )
    assert speaker_of(analysis, "We cannot dredge") == "Ines Albrecht"
    assert speaker_of(analysis, "The ferries will have to wait") == "a pilot"


def test_a_colon_without_a_cue_hands_nothing_on(analyze_text) -> None:
    analysis = analyze_text(
        "Ines Albrecht met the council on Monday. The agenda had two items:\n\n"
        "“Dredging and ferries” was the title of the first.\n"
    )
    assert not [q for q in analysis.quotes if "Dredging and ferries" in q.text and q.speaker]


def test_a_name_set_off_by_commas_before_has_said(analyze_text) -> None:
    analysis = analyze_text(
        "In an interview with Postimees, an Estonian newspaper, the mayor of Tallinn, Jaan Kask, "
        'has stated that " if the budget passes, it seems likely that the tram line will open in 2027."\n'
    )
    assert speaker_of(analysis, "the tram line will open") == "Jaan Kask"


def test_the_force_is_the_police_force_that_spoke(analyze_text) -> None:
    analysis = analyze_text(
        "Thames Valley Police reported arresting two men in Reading on Friday.\n"
        "“Both men remain in custody while inquiries continue,” the force said.\n"
    )
    assert speaker_of(analysis, "Both men remain in custody") == "Thames Valley Police"


def test_a_person_described_by_trade_is_who_she_means(analyze_text) -> None:
    analysis = analyze_text(
        "A local teacher described the night the river rose.\n"
        "“The water came in through the floor,” she said.\n"
    )
    assert speaker_of(analysis, "The water came in") == "A local teacher"


def test_a_sentence_opening_with_a_name_and_a_comma_is_its_subjects(analyze_text) -> None:
    analysis = analyze_text(
        "Ola Nordmann, who became a spokesman for the union after Per Hansen became engulfed in legal "
        "battles, also told NRK that the strike would go on until the spring.\n"
    )
    assert speaker_of(analysis, "the strike would go on") == "Ola Nordmann"


def test_a_name_the_tagger_took_for_a_noun_is_the_entity_written_before(analyze_text) -> None:
    analysis = analyze_text(
        "The files were first published by WikiLeaks on Monday.\n"
        "Wikileaks says that the leak came from a former contractor.\n"
    )
    assert speaker_of(analysis, "the leak came from") == "WikiLeaks"


def test_an_adverb_before_a_name_is_no_role(analyze_text) -> None:
    analysis = analyze_text(
        "Only the Associated Press cites a source, saying that the army has 400 drones in the region.\n"
    )
    press = next(s for s in analysis.speakers if s.name == "Associated Press")
    assert press.role is None
    assert all(not alias.startswith("Only") for alias in press.aliases)


def test_a_name_apposed_to_a_role_takes_that_role(analyze_text) -> None:
    analysis = analyze_text(
        "Minister of Trade and Industry, Aroha Ngata, has called the export figures misleading.\n"
        "The minister said the report ignored services entirely.\n"
    )
    assert speaker_of(analysis, "the report ignored services") == "Aroha Ngata"
    ngata = next(s for s in analysis.speakers if s.name == "Aroha Ngata")
    assert ngata.role == "Minister of Trade and Industry"
