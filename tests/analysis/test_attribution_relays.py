"""Issue 15: who speaks when a document, a relay, "with NP VERB-ing" or an issued statement stands
between the speaker and the words. Sentences written here, one construction each."""

from __future__ import annotations

from tests.analysis.lookup import speaker


def test_according_to_a_document_by_someone_is_its_author(analyze_text) -> None:
    analysis = analyze_text(
        "According to a Twitter post by Lena Hartwig, the clinic's head nurse, the ward closed on Friday.\n"
        "Judge Marta Olsen retired in 2010. According to her memoirs, she never wanted to sit on the bench.\n"
    )
    assert speaker(analysis, "ward closed").name == "Lena Hartwig"
    assert speaker(analysis, "never wanted").name == "Marta Olsen"


def test_a_relay_set_off_after_a_cue_is_not_the_speaker(analyze_text) -> None:
    analysis = analyze_text(
        'Premier Oskar Lind said — as reported by the Harbour Gazette — "The ferry will run all winter."\n'
        "Minister Ada Novak told farmers, as quoted by the Valley Courier, that the subsidy would stay.\n"
        "The mill cut forty jobs in May, as first reported by the Valley Courier.\n"
    )
    assert speaker(analysis, "ferry will run").name == "Oskar Lind"
    assert speaker(analysis, "subsidy would stay").name == "Ada Novak"
    assert not [q for q in analysis.quotes if q.text.startswith("as quoted")]
    assert speaker(analysis, "mill cut forty jobs").name == "Valley Courier"


def test_according_to_an_outlet_after_a_persons_cue_relays_that_persons_words(analyze_text) -> None:
    analysis = analyze_text(
        'Mayor Ingrid Dahl said the budget was "a disgrace to the city," according to the Harbour Gazette.\n'
        "The Valley Courier reported that the bridge would close, according to the Transport Board.\n"
    )
    dahl = next(q for q in analysis.quotes if "disgrace" in q.text)
    assert speaker(analysis, "disgrace").name == "Ingrid Dahl"
    assert "according" not in dahl.text
    assert speaker(analysis, "bridge would close").name == "Transport Board"


def test_the_noun_after_with_speaks_for_the_participle(analyze_text) -> None:
    analysis = analyze_text(
        "Turnout was low in the north, with three in ten voters saying they had never heard of the vote.\n"
        'At the congress the delegates replaced the pledge with softer wording calling for "suitable help".\n'
    )
    found = speaker(analysis, "never heard of the vote")
    assert found is not None and found.kind == "unnamed" and found.label == "three in ten voters"
    # not set off by a comma, "with" completes the verb: the wording calls for nothing, the delegates do
    assert speaker(analysis, "suitable help").label == "the delegates"


def test_an_issued_statement_before_a_colon_quote_is_the_issuers(analyze_text) -> None:
    analysis = analyze_text(
        'Coach Pia Brandt praised the fans. "They carried us," she said.\n'
        "The league's disciplinary board made the following announcement: "
        '"Two matches will be replayed behind closed doors next month."\n'
        'The Tallinn Rowing Club issued a statement: "We accept the ruling and will not appeal it."\n'
    )
    board = speaker(analysis, "replayed behind closed doors")
    assert board is not None and board.kind == "unnamed" and "board" in board.label
    assert speaker(analysis, "accept the ruling").name == "Tallinn Rowing Club"


def test_a_statement_with_its_that_clause_before_the_colon_still_hands_over_the_quotation(
    analyze_text,
) -> None:
    analysis = analyze_text(
        "Mayor Ines Duarte opened the new bridge on Monday.\n"
        'The Harbour Authority issued a statement that the old ferry service across the bay would stop for good: "Crossings end on 1 May."\n'
    )
    assert speaker(analysis, "Crossings end").name == "Harbour Authority"
