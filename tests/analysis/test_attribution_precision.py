"""Issue 15, precision of attribution: mixed quotation styles, names, unnamed sources and words that are
no quote, each in sentences written here."""

from __future__ import annotations

from tests.analysis.lookup import speaker


def test_a_quote_opened_in_one_style_and_closed_in_another_keeps_its_cue(analyze_text) -> None:
    analysis = analyze_text(
        '"The harbour needs a second crane,” said Tomas Berglund, who has run the port since 2009. '
        '"We lose ships every winter."\n'
    )
    assert speaker(analysis, "second crane").name == "Tomas Berglund"


def test_the_phrase_after_a_verb_that_follows_a_quote_speaks(analyze_text) -> None:
    analysis = analyze_text(
        "The dip is worrying the council.\n"
        "Bill Carver — often the easiest person to provoke when it comes to criticism of his wife — has "
        "been “very worked up about it,” said a source close to the campaign.\n"
        "“The dip we are seeing now is attributable to the fares, the ferry, all the old timetable "
        "trouble,” said a person close to the mayor.\n"
    )
    assert speaker(analysis, "worked up").label == "a source close to the campaign"
    assert speaker(analysis, "timetable trouble").label == "a person close to the mayor"


def test_a_known_surname_after_a_verb_that_follows_a_quote_speaks(analyze_text) -> None:
    analysis = analyze_text(
        "Anna Pressly, a ferry engineer, has kept the boats running for years.\n"
        "“Owning the old ferry and two crews who know it is useful,” said Pressly, explaining she worked "
        "more closely with Brandt, who was in charge of the engines.\n"
    )
    assert speaker(analysis, "two crews").name == "Anna Pressly"


def test_a_title_case_quote_after_a_preposition_is_a_name_not_a_quote(analyze_text) -> None:
    analysis = analyze_text(
        "In a long interview on “Harbour Hour,” host Mia Berg asked the minister how he would pay for it.\n"
    )
    assert not [q for q in analysis.quotes if q.text == "Harbour Hour"]


def test_a_headline_credited_to_its_author_is_not_a_quote(analyze_text) -> None:
    analysis = analyze_text(
        "The council met on Monday.\n"
        "FERRIES—“Fares to rise in May as fuel costs climb,” by Ana Ruiz of the Coast Herald.\n"
    )
    assert not [q for q in analysis.quotes if "Fares to rise" in q.text]


def test_the_president_is_not_the_vice_president_named_last(analyze_text) -> None:
    analysis = analyze_text(
        "President Ana Ruiz opened the bridge on Monday. Vice President Tomas Berg watched from the front "
        "row with his wife.\n"
        "The president said the bridge would cut the commute by an hour.\n"
        "The vice president said the work had taken four years.\n"
    )
    assert speaker(analysis, "cut the commute").name == "Ana Ruiz"
    assert speaker(analysis, "four years").name == "Tomas Berg"


def test_a_bare_quantifier_subject_is_an_unnamed_source(analyze_text) -> None:
    analysis = analyze_text(
        "The candidates met in Dover. Several said they would rather cut the school budget.\n"
        "Yet another said, “The ferry vote will decide this race.”\n"
    )
    assert speaker(analysis, "school budget").label == "Several"
    assert speaker(analysis, "ferry vote").label == "another"


def test_the_phrase_set_off_before_an_interposed_verb_speaks(analyze_text) -> None:
    analysis = analyze_text(
        "The aides met on Monday.\n"
        "Lee, a top aide said, “is very confident in the contrast” between her and Ruiz.\n"
        "Prices, says one economist, will rise.\n"
    )
    assert speaker(analysis, "very confident").label == "a top aide"
    assert speaker(analysis, "will rise").label == "one economist"


def test_a_participle_after_a_reported_clause_is_the_reporters(analyze_text) -> None:
    analysis = analyze_text(
        "The case came up again on Monday.\n"
        "Judge Ana Starr said the case reminds her of an old trial, explaining, “because nobody would "
        "admit the mistake.”\n"
    )
    assert speaker(analysis, "admit the mistake").name == "Ana Starr"
