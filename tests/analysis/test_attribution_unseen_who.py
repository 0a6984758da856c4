"""Whom a pronoun, a role noun or a name means (issue 15, news never tuned on): one general rule each,
in sentences written here."""

from __future__ import annotations

from reader.analysis.speakers.gender import role_gender
from tests.analysis.lookup import speaker


def test_a_role_word_ending_in_man_inside_a_complement_says_nothing_of_gender() -> None:
    assert role_gender("a rapporteur for the Council on Human Rights") is None
    assert role_gender("German Chancellor") is None
    assert role_gender("a human rights lawyer") is None
    assert role_gender("head of the Women's Council") is None
    assert role_gender("spokeswoman for the council") == "f"
    assert role_gender("a UN envoy; the committee chairman") == "m"


def test_she_means_the_woman_just_described_by_a_rights_body(analyze_text) -> None:
    analysis = analyze_text(
        "Samantha Lund said the hearing would be public.\n"
        "Eva Kowalczyk, a rapporteur for the Council on Human Rights, visited the camp on Friday. "
        '"Nobody here has clean water," she said.\n'
    )
    assert speaker(analysis, "clean water").name == "Eva Kowalczyk"


def test_a_definite_role_speaking_right_after_a_named_speaker_is_that_speaker(analyze_text) -> None:
    analysis = analyze_text(
        '"The ice is thinning faster than we thought," said study co-author Lena Morales. '
        'The Bergen professor added, "We have ten years at most."\n'
    )
    assert speaker(analysis, "ten years").name == "Lena Morales"


def test_a_definite_role_after_someone_else_is_named_stays_unnamed(analyze_text) -> None:
    analysis = analyze_text(
        '"The ice is thinning faster than we thought," said study co-author Lena Morales. '
        "Her colleague Tomas Berg disagreed. "
        'The Bergen professor added, "We have ten years at most."\n'
    )
    found = speaker(analysis, "ten years")
    assert found is None or found.name != "Lena Morales"


def test_a_person_name_goes_on_over_the_surname_ner_left_out(analyze_text) -> None:
    analysis = analyze_text("Health Secretary Wanda Rivera Garced has said she will not resign.\n")
    found = speaker(analysis, "will not resign")
    assert (found.name, found.kind) == ("Wanda Rivera Garced", "person")


def test_the_place_after_a_titles_of_belongs_to_the_role(analyze_text) -> None:
    analysis = analyze_text(
        'Current President of Kenya William Ruto wrote, "We mourn a great teacher."\n'
        "Secretary of Labor Rosa Elena Quintana Ferrer said the strike would end soon.\n"
    )
    assert speaker(analysis, "great teacher").name == "William Ruto"
    found = speaker(analysis, "strike would end")
    assert (found.name, found.kind) == ("Rosa Elena Quintana Ferrer", "person")


def test_a_rank_word_before_a_title_is_part_of_the_title(analyze_text) -> None:
    analysis = analyze_text(
        "Crown Prince Frederik Albrecht said the palace gardens would open to visitors.\n"
    )
    found = speaker(analysis, "palace gardens")
    assert (found.name, found.role) == ("Frederik Albrecht", "Crown Prince")


def test_a_post_by_someone_is_theirs_not_the_platforms(analyze_text) -> None:
    analysis = analyze_text(
        "According to a Twitter post by Lena Hart, head of the Open Doors project, "
        "the statue came from the garden.\n"
    )
    assert speaker(analysis, "statue came").name == "Lena Hart"


def test_a_name_apposed_to_the_role_apposed_to_the_subject_speaks(analyze_text) -> None:
    analysis = analyze_text(
        "National youth news source Daily Planet's editorial director, Lotte Brenner, "
        "said the verdict would help.\n"
    )
    assert speaker(analysis, "verdict would help").name == "Lotte Brenner"


def test_a_coordination_inside_a_title_is_no_pair_of_speakers(analyze_text) -> None:
    analysis = analyze_text(
        "Bangladeshi Water Resources and Forests Minister Kamal Haidar said the dams were full.\n"
    )
    assert speaker(analysis, "dams were full").name == "Kamal Haidar"


def test_a_name_written_again_in_another_case_is_still_that_name(analyze_text) -> None:
    analysis = analyze_text(
        "The regulator emailed Baltic Cargo Lines on March 3. After the leak had still not been fixed, "
        "the regulator wrote to Baltic Cargo Lines again, with Baltic Cargo lines replying that they "
        "would inspect the tanks.\n"
    )
    found = speaker(analysis, "that they would inspect")
    assert (found.name, found.kind) == ("Baltic Cargo Lines", "organisation")


def test_one_member_of_a_house_by_title_alone_is_an_unnamed_speaker(analyze_text) -> None:
    analysis = analyze_text(
        "Not everyone agreed with the plan.\n"
        'One MP told reporters, "Most voters wanted a different deal, and they will say so again."\n'
        "An Assemblywoman said the vote would be close.\n"
    )
    for fragment in ("different deal", "vote would be close"):
        unnamed = speaker(analysis, fragment)
        assert unnamed.kind == "unnamed" and unnamed.name is None
