"""The report's speakers: one name per person across documents (reader.corpus.names)."""

from __future__ import annotations

from collections import Counter

from reader.corpus.figures import _speakers
from reader.corpus.names import merged_names


def test_a_fuller_form_and_a_bare_surname_are_the_person_quoted_most():
    quotes = Counter({"Maria Costa": 40, "Maria L. Costa": 9, "Pedro Costa": 5, "Costa": 7, "Li Wei": 3})
    merged = merged_names(quotes, set(quotes))
    assert merged["Maria L. Costa"] == merged["Costa"] == "Maria Costa"
    assert merged["Pedro Costa"] == "Pedro Costa" and merged["Li Wei"] == "Li Wei"


def test_the_group_is_shown_under_its_most_quoted_form_and_titles_do_not_split_it():
    quotes = Counter({"Senator Anna Berg": 2, "Anna K. Berg": 12, "Anna Berg": 4})
    merged = merged_names(quotes, set(quotes))
    assert set(merged.values()) == {"Anna K. Berg"}


def test_a_bare_surname_under_a_title_is_the_person_of_that_surname():
    quotes = Counter({"Anna Berg": 10, "Senator Berg": 3})
    merged = merged_names(quotes, set(quotes))
    assert merged["Senator Berg"] == "Anna Berg"


def test_a_junior_an_unknown_surname_and_organisations_stay_apart():
    quotes = Counter({"Tomas Lind": 8, "Tomas Lind Jr": 3, "Haddad": 2, "Lind": 4, "Lind Group": 6})
    merged = merged_names(quotes, {"Tomas Lind", "Tomas Lind Jr", "Haddad", "Lind"})
    assert merged["Tomas Lind Jr"] == "Tomas Lind Jr"
    assert merged["Haddad"] == "Haddad"  # no fuller form anywhere in the corpus
    assert merged["Lind"] == "Tomas Lind"
    assert merged["Lind Group"] == "Lind Group"  # an organisation is never merged into a person


def _quote(doc: str, name: str, kind: str = "person") -> dict:
    return {"doc_id": doc, "speaker_id": "s1", "speaker_name": name, "speaker_kind": kind}


def test_the_top_speakers_count_a_person_once_across_documents():
    quotes = [
        _quote("a", "Omar Haddad"),
        _quote("a", "Omar Haddad"),
        _quote("b", "Omar J. Haddad"),
        _quote("c", "Haddad"),
        _quote("c", "Ines Duarte"),
        {"doc_id": "c", "speaker_id": None, "speaker_name": None, "speaker_kind": None},
    ]
    top, quotes_per, unnamed_per = _speakers(quotes, {"a": "north", "b": "south", "c": "north"})
    name, (count, documents, outlets) = top[0]
    assert (name, count, documents, outlets) == ("Omar Haddad", 4, {"a", "b", "c"}, {"north", "south"})
    assert [entry[0] for entry in top] == ["Omar Haddad", "Ines Duarte"]
    assert quotes_per == Counter({"north": 5, "south": 1}) and unnamed_per == Counter({"north": 1})
