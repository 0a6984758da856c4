"""Speakers: one entry per person or organisation, its forms, role and mentions.

Layer-level cases run the real model on short texts written for these tests;
the name-grouping rules are also checked directly on mentions, where the NER
label can be chosen (a mislabelled person, a diacritic variant, two leaders
whose names differ in one word).
"""

from __future__ import annotations

import pytest

from reader.analysis import Analysis
from reader.analysis.speakers.names import Mention, clean_bounds, cluster_mentions, fold, near_spelling


def named(analysis: Analysis) -> dict[str, object]:
    return {s.name: s for s in analysis.speakers if s.name}


def check_spans(analysis: Analysis, text: str) -> None:
    for speaker in analysis.speakers:
        for mention in speaker.mentions:
            assert mention.text == text[mention.start : mention.end]


def test_one_speaker_across_full_name_surname_and_role(analyze_text) -> None:
    text = (
        '"The reservoir is almost empty," said water expert Helga Brandt in an interview.\n'
        '"Rationing will start in July," Brandt added.\n'
        "The capital's mayor, Jonas Lind, opened a new park on Sunday."
    )
    analysis = analyze_text(text)
    speakers = named(analysis)
    assert list(speakers) == ["Helga Brandt"], "a name merely mentioned is not a speaker"
    brandt = speakers["Helga Brandt"]
    assert brandt.kind == "person"
    assert brandt.role == "water expert"
    assert {"Brandt", "water expert Helga Brandt"} <= set(brandt.aliases)
    assert [m.text for m in brandt.mentions] == ["Helga Brandt", "Brandt"]
    assert {q.speaker for q in analysis.quotes} == {brandt.id}
    check_spans(analysis, text)


def test_title_goes_to_role_not_name(analyze_text) -> None:
    analysis = analyze_text("Senator Maria Castillo said the vote would take place on Thursday.")
    speaker = named(analysis)["Maria Castillo"]
    assert speaker.role == "Senator"


def test_apposition_gives_the_role(analyze_text) -> None:
    text = "Maria Stone, head of the regional water board, said the pipes would be replaced."
    speaker = named(analyze_text(text))["Maria Stone"]
    assert "head of the regional water board" in speaker.role


def test_diacritic_spellings_are_one_speaker_with_both_aliases(analyze_text) -> None:
    text = (
        "President Recep Tayyip Erdoğan said the border would stay open.\n"
        "Erdogan later said the talks had failed."
    )
    analysis = analyze_text(text)
    speakers = named(analysis)
    assert list(speakers) == ["Recep Tayyip Erdoğan"]
    aliases = set(speakers["Recep Tayyip Erdoğan"].aliases)
    assert {"Erdogan"} <= aliases
    assert len({q.speaker for q in analysis.quotes}) == 1


def test_near_identical_names_of_different_people_stay_apart(analyze_text) -> None:
    text = (
        "North Korean leader Kim Jong Un said the missile test had succeeded.\n"
        "Decades earlier, Kim Jong Il had said the country would never disarm."
    )
    speakers = named(analyze_text(text))
    assert {"Kim Jong Un", "Kim Jong Il"} <= set(speakers)


def test_organisation_with_acronym_is_one_speaker(analyze_text) -> None:
    text = (
        "The World Food Programme (WFP) said 2 million people needed aid.\n"
        "WFP said deliveries would resume on Monday."
    )
    analysis = analyze_text(text)
    speakers = named(analysis)
    assert list(speakers) == ["World Food Programme"]
    assert speakers["World Food Programme"].kind == "organisation"
    assert "WFP" in speakers["World Food Programme"].aliases


def test_country_speaks_as_an_organisation(analyze_text) -> None:
    speakers = named(analyze_text("Norway announced it would double its aid to the region."))
    assert speakers["Norway"].kind == "organisation"


def test_person_mislabelled_by_ner_is_rescued_by_the_speech_verb(analyze_text) -> None:
    # The model tags "Saree" here as an organisation; the role noun and the verb make it a person.
    analysis = analyze_text("Yemeni spokesman Saree said the drones had hit their targets.")
    speaker = named(analysis)["Saree"]
    assert speaker.kind == "person"
    assert speaker.role == "Yemeni spokesman"


def test_role_nominal_is_a_mention_of_the_named_speaker(analyze_text) -> None:
    text = (
        "Ukrainian President Olena Marchenko met the press in Kyiv.\n"
        "The Ukrainian president said the front line was holding."
    )
    analysis = analyze_text(text)
    speaker = named(analysis)["Olena Marchenko"]
    assert "The Ukrainian president" in [m.text for m in speaker.mentions]
    assert analysis.quotes[0].speaker == speaker.id


def test_unnamed_speakers_keep_their_label_and_do_not_count_as_named(analyze_text) -> None:
    text = "Police said the road was closed. A witness told reporters the car had been speeding."
    analysis = analyze_text(text)
    unnamed = [s for s in analysis.speakers if s.kind == "unnamed"]
    assert {s.label for s in unnamed} == {"Police", "A witness"}
    assert all(s.name is None for s in unnamed)
    assert named(analysis) == {}


def test_speaker_ids_follow_first_mention(analyze_text) -> None:
    text = (
        'Farmer Tomas Berg said the harvest failed. "It was the worst in decades," said agronomist Ida Holm. '
        "Berg said prices would rise."
    )
    analysis = analyze_text(text)
    assert [s.name for s in analysis.speakers] == ["Tomas Berg", "Ida Holm"]
    assert [s.id for s in analysis.speakers] == ["p0", "p1"]


def test_fallback_groups_surname_with_full_name(analyze_rules) -> None:
    text = '"The reservoir is empty," said Helga Brandt.\n"Rationing starts in July," Brandt said.'
    analysis = analyze_rules(text)
    assert [s.name for s in analysis.speakers] == ["Helga Brandt"]
    assert len({q.speaker for q in analysis.quotes}) == 1


# ----------------------------------------------------------------------
# Grouping rules on mentions


def mention(text: str, label: str, start: int = 0, **extra: object) -> Mention:
    return Mention(start, start + len(text), text, label, 0, **extra)


def test_surname_with_other_ner_label_joins_the_person() -> None:
    clusters, owner = cluster_mentions([mention("Hanna Vogt", "PERSON"), mention("Vogt", "GPE", 40)])
    assert owner[0] == owner[1]
    assert clusters[owner[0]].person and clusters[owner[0]].canonical == "Hanna Vogt"


def test_surname_before_full_name_takes_the_longer_canonical_name() -> None:
    clusters, owner = cluster_mentions([mention("Vogt", "PERSON"), mention("Hanna Vogt", "PERSON", 40)])
    assert owner[0] == owner[1] and clusters[owner[0]].canonical == "Hanna Vogt"


def test_full_names_differing_in_one_word_are_never_merged() -> None:
    clusters, owner = cluster_mentions(
        [mention("Kim Jong Un", "PERSON"), mention("Kim", "PERSON", 30), mention("Kim Jong Il", "PERSON", 60)]
    )
    assert owner[0] == owner[1] != owner[2]


def test_bare_name_goes_to_the_latest_matching_person() -> None:
    mentions = [
        mention("Kim Jong Un", "PERSON"),
        mention("Kim Jong Il", "PERSON", 30),
        mention("Kim", "PERSON", 60),
    ]
    _, owner = cluster_mentions(mentions)
    assert owner[2] == owner[1]


def test_acronyms_join_their_organisation_either_way() -> None:
    mentions = [mention("US", "GPE"), mention("United States", "GPE", 10), mention("U.S.", "GPE", 40)]
    clusters, owner = cluster_mentions(mentions)
    assert len(set(owner)) == 1
    assert clusters[owner[0]].canonical == "United States"


def test_surname_typo_joins_but_different_surnames_do_not() -> None:
    mentions = [
        mention("Yahya Sarea", "PERSON"),
        mention("Saree", "PERSON", 30),
        mention("Sarkozy", "PERSON", 60),
    ]
    _, owner = cluster_mentions(mentions)
    assert owner[0] == owner[1] != owner[2]
    assert near_spelling("sarea", "saree") and not near_spelling("un", "il")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("the World Bank", "World Bank"),
        ("Klein./DW", "Klein"),
        ("Trump's", "Trump"),
        ("Jessie K. Liu", "Jessie K. Liu"),
    ],
)
def test_clean_bounds(raw: str, name: str) -> None:
    start, end = clean_bounds(raw, 0, len(raw))
    assert raw[start:end] == name


def test_fold_ignores_case_diacritics_and_dots() -> None:
    assert fold("Erdoğan") == fold("ERDOGAN") and fold("U.S.") == fold("us")


@pytest.mark.parametrize("mode", ["model", "rules"])
def test_contract_on_real_articles(analyze_text, analyze_rules, mode: str) -> None:
    """Every speaker and quote span indexes the text; quotes point at listed speakers; ids run in order."""
    from tests.analysis.conftest import DEV_ARTICLES

    run = analyze_text if mode == "model" else analyze_rules
    for path in sorted(DEV_ARTICLES.glob("*.txt"))[:6]:
        text = path.read_text(encoding="utf-8")
        analysis = run(text)
        ids = [s.id for s in analysis.speakers]
        assert ids == [f"p{i}" for i in range(len(ids))]
        assert [q.id for q in analysis.quotes] == [f"q{i}" for i in range(len(analysis.quotes))]
        for quote in analysis.quotes:
            assert quote.text == text[quote.start : quote.end] and quote.text.strip() == quote.text
            assert quote.speaker is None or quote.speaker in ids
            assert quote.kind in ("direct", "indirect", "according_to", "mixed")
        for speaker in analysis.speakers:
            assert speaker.kind in ("person", "organisation", "unnamed")
            assert (speaker.name is None) == (speaker.kind == "unnamed") and speaker.mentions
            check_spans(analysis, text)


def test_a_persons_spokesman_is_not_that_person(analyze_text) -> None:
    text = (
        '"We will appeal," said Senator Maria Castillo.\n'
        "Castillo's spokesman said the senator would not resign."
    )
    analysis = analyze_text(text)
    quote = next(q for q in analysis.quotes if "would not resign" in q.text)
    speaker = next(s for s in analysis.speakers if s.id == quote.speaker)
    assert speaker.kind == "unnamed"


def test_bare_role_noun_is_not_bound_to_the_last_quoted_person(analyze_text) -> None:
    text = '"We won fairly," said coach Maria Stone. The president said the club would appeal the fine.'
    analysis = analyze_text(text)
    quote = next(q for q in analysis.quotes if "appeal the fine" in q.text)
    assert next(s for s in analysis.speakers if s.id == quote.speaker).kind == "unnamed"


def test_the_company_is_the_organisation_just_named(analyze_text) -> None:
    text = "Novapharm Inc. recalled 1.2 million bottles of a heart drug on Monday, the company said in a statement."
    analysis = analyze_text(text)
    speaker = next(s for s in analysis.speakers if s.id == analysis.quotes[0].speaker)
    assert speaker.name.startswith("Novapharm") and speaker.kind == "organisation"
    assert "the company" in [m.text for m in speaker.mentions]


def test_honorifics_are_not_roles(analyze_text) -> None:
    analysis = analyze_text('"Safety comes first," Chief Executive Dr. Helen Park said.')
    assert named(analysis)["Helen Park"].role == "Chief Executive"


def test_name_in_apposition_after_a_role_is_the_speaker_and_the_role_is_kept(analyze_text) -> None:
    text = (
        "The commission's chairman, Wafula Chebukati, told reporters that the count would end on Friday.\n"
        "According to the mission's chief observer, Ivan Stefanec, some polling stations opened late."
    )
    analysis = analyze_text(text)
    speakers = named(analysis)
    assert "commission's chairman" in speakers["Wafula Chebukati"].role
    assert "Ivan Stefanec" in speakers
    quote = next(q for q in analysis.quotes if "polling stations" in q.text)
    assert quote.speaker == speakers["Ivan Stefanec"].id and "Stefanec" not in quote.text


def test_institution_named_by_its_country(analyze_text) -> None:
    analysis = analyze_text(
        "Kenya's electoral commission said that results from 12 counties had been delayed."
    )
    speaker = next(s for s in analysis.speakers if s.id == analysis.quotes[0].speaker)
    assert (speaker.name, speaker.kind) == ("Kenya's electoral commission", "organisation")
