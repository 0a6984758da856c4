"""Unverified claims through the whole engine: cues, polarity, sources, look-alikes, disclaimers.

Every sentence here is written for these tests. Each case runs with the model and with the
rules-only fallback.
"""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis

UNVERIFIABLE, HEDGE, VAGUE, ANONYMOUS = "unverifiable", "hedge", "vague_source", "anonymous_source"

# (sentence, expected category or None for "no claim", a word the cues must include)
CASES: list[tuple[str, str | None, str | None]] = [
    # explicit unverifiability, and its negations
    (
        "The death toll could not be independently confirmed.",
        UNVERIFIABLE,
        "could not be independently confirmed",
    ),
    ("The footage has not been independently verified.", UNVERIFIABLE, "has not been independently verified"),
    (
        "The account, not independently verified, spread quickly online.",
        UNVERIFIABLE,
        "not independently verified",
    ),
    ("Reuters was unable to verify the video of the explosion.", UNVERIFIABLE, "unable to verify"),
    ("The casualty figure has yet to be confirmed.", UNVERIFIABLE, "yet to be confirmed"),
    ("Rumours of a second explosion remain unconfirmed.", UNVERIFIABLE, "unconfirmed"),
    ("There is no evidence that the water supply was poisoned.", UNVERIFIABLE, "no evidence that"),
    ("The ministry neither confirmed nor denied the report.", UNVERIFIABLE, "neither confirmed"),
    (
        "There was no independent confirmation of the strike on the depot.",
        UNVERIFIABLE,
        "no independent confirmation",
    ),
    (
        "He claimed, without providing evidence, that the vote was rigged.",
        UNVERIFIABLE,
        "without providing evidence",
    ),
    ("The BBC has not been able to independently verify the footage.", UNVERIFIABLE, "independently verify"),
    ("None of the claims could be independently verified.", UNVERIFIABLE, "None of the claims could"),
    ("No one could confirm the number of dead.", UNVERIFIABLE, "No one could confirm"),
    ("The death toll was confirmed by the health ministry on Monday.", None, None),
    ("No injuries were confirmed by the hospital.", None, None),
    ("The results were independently verified by two laboratories.", None, None),
    ("Police said there was no evidence of foul play.", None, None),
    ("The nominee has yet to be confirmed by the Senate.", None, None),
    ("She was confirmed as finance minister in March.", None, None),
    ("The upper house has still not confirmed her.", None, None),
    ("If the assembly does not confirm me, I will step aside in May.", None, None),
    ("The deputy would take over should the governor remain unconfirmed by the senate.", None, None),
    ("The figures remain unconfirmed as of Tuesday.", UNVERIFIABLE, "unconfirmed"),
    ("Officials could not confirm it on Sunday.", UNVERIFIABLE, "could not confirm"),
    # hedges
    ("The rebels reportedly seized the airport overnight.", HEDGE, "reportedly"),
    ("The gang allegedly laundered the money through shell companies.", HEDGE, "allegedly"),
    ("The alleged ringleader was arrested in Lisbon.", HEDGE, "alleged"),
    ("The suspect is believed to have fled the country.", HEDGE, "is believed to"),
    ("The ship was said to be carrying grain and fertiliser.", HEDGE, "was said to"),
    ("It is thought that the fire began in the basement.", HEDGE, "It is thought that"),
    ("The outage appears to have been caused by a software fault.", HEDGE, "appears to"),
    ("The new drug seems likely to shorten hospital stays.", HEDGE, "seems likely to"),
    ("The virus may have jumped to humans at a livestock market.", HEDGE, "may"),
    ("The factory might close before the winter.", HEDGE, "might"),
    ("The company claims that its filters remove all bacteria.", HEDGE, "claims"),
    ("The opposition claimed the ballots had been tampered with.", HEDGE, "claimed"),
    (
        "If the reports are accurate, the strike killed a senior commander.",
        HEDGE,
        "If the reports are accurate",
    ),
    ("The blast was an apparent attempt to derail the train.", HEDGE, "apparent"),
    # hedge look-alikes
    ("It became apparent that the bridge could not be saved.", None, None),
    ("The elections will be held in May.", None, None),
    ("In May the council approved a new budget.", None, None),
    ("The insurer paid out thousands of insurance claims last year.", None, None),
    ("The group claimed responsibility for the bombing.", None, None),
    ("She appeared in court on Monday wearing a grey suit.", None, None),
    ("The theft was reported to police on Friday.", None, None),
    ("Residents may have to wait until spring for repairs.", None, None),
    # vague sources
    ("Officials said 40 people had been rescued from the flood.", VAGUE, "Officials said"),
    ("According to local media, the bridge collapsed at dawn.", VAGUE, "According to local media"),
    ("The dam burst shortly after midnight, witnesses said.", VAGUE, "witnesses said"),
    ("Reports suggest the talks have stalled over fishing rights.", VAGUE, "Reports suggest"),
    ("It is widely believed that the minister will resign.", VAGUE, "widely believed"),
    ("The figures are confirmed by several sources, including satellite images.", VAGUE, "several sources"),
    ("State media reported that the harvest had doubled.", VAGUE, "State media reported"),
    ("Per reports, the convoy turned back at the border.", VAGUE, "Per reports"),
    # source look-alikes: named sources, known people, no attribution
    ("According to the BBC, the bridge collapsed at dawn.", None, None),
    ("Health minister Ana Costa said 40 people had been rescued.", None, None),
    ("Both officers said they had acted lawfully.", None, None),
    ("Residents fled as the water rose through the night.", None, None),
    ("The researchers measured the water level every hour.", None, None),
    # anonymous sources
    ("A spokesman told reporters that the plant would close.", ANONYMOUS, "A spokesman told"),
    (
        "An official, speaking on condition of anonymity, said the plan had been dropped.",
        ANONYMOUS,
        "anonymity",
    ),
    ("People familiar with the matter said the merger was off.", ANONYMOUS, "People familiar with"),
    (
        "Citing anonymous sources, the newspaper reported that the chief executive would resign.",
        ANONYMOUS,
        "anonymous sources",
    ),  # fmt: skip
    ("A source close to the family said the singer was recovering.", ANONYMOUS, "source close to"),
    (
        "A government official who asked not to be named said talks would resume.",
        ANONYMOUS,
        "not to be named",
    ),
    (
        "Two officials, speaking on condition of anonymity, said the plan had been dropped.",
        ANONYMOUS,
        "anonymity",
    ),
    ("Sources familiar with the talks said a deal was close.", ANONYMOUS, "familiar with"),
    ("Kremlin spokesman Dmitry Peskov said the talks had collapsed.", None, None),
    ("The spokesman later declined to comment on the matter.", None, None),
    # several categories: the first in the guide's table wins
    ("According to unverified sources, the general was killed in the raid.", UNVERIFIABLE, "unverified"),
    ("Witnesses claim the police fired first.", HEDGE, "claim"),
    ("Officials reportedly met in secret before the vote.", HEDGE, "reportedly"),
]


def check_case(analysis: Analysis, text: str, category: str | None, cue: str | None) -> None:
    claims = analysis.claims
    if category is None:
        assert claims == [], (
            f"{text!r}: unexpected {[(c.category, [s.text for s in c.cues]) for c in claims]}"
        )
        return
    assert len(claims) == 1, f"{text!r}: {claims}"
    claim = claims[0]
    assert claim.category == category, f"{text!r}: {claim.category} ({claim.explanation})"
    assert claim.weight == ("strong" if category in (UNVERIFIABLE, ANONYMOUS) else "weak")
    assert cue is not None
    assert any(cue.lower() in span.text.lower() or span.text.lower() in cue.lower() for span in claim.cues), (
        f"{text!r}: cues {[span.text for span in claim.cues]}"
    )
    assert claim.explanation, "every claim explains itself"
    assert claim.sentence == analysis.sentences[0].id


@pytest.mark.parametrize(("text", "category", "cue"), CASES, ids=[case[0][:50] for case in CASES])
def test_claim_with_model(analyze_text, text: str, category: str | None, cue: str | None) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(("text", "category", "cue"), CASES, ids=[case[0][:50] for case in CASES])
def test_claim_rules_only(analyze_rules, text: str, category: str | None, cue: str | None) -> None:
    check_case(analyze_rules(text), text, category, cue)


def claim_at(analysis: Analysis, fragment: str):
    """The claim whose span holds a fragment of the text, or None."""
    for claim in analysis.claims:
        if fragment in claim.text:
            return claim
    return None


BACKWARD = (
    "Up to 900 fighters crossed the river in April. According to the army, nearly 300 of them were killed "
    "in the fighting. However, these figures cannot be independently verified.\n"
)


@pytest.mark.parametrize("mode", ["model", "rules"])
def test_disclaimer_marks_itself_and_the_sentence_before(analyze_text, analyze_rules, mode: str) -> None:
    analysis = (analyze_text if mode == "model" else analyze_rules)(BACKWARD)
    disclaimer = claim_at(analysis, "cannot be independently verified")
    army = claim_at(analysis, "nearly 300 of them")
    assert disclaimer is not None and army is not None
    assert disclaimer.category == army.category == UNVERIFIABLE
    assert army.weight == "strong"
    assert army.qualified_by == disclaimer.id
    assert disclaimer.qualified_by is None
    assert "disclaimer" in army.explanation
    assert "qualifies the claim before it" in disclaimer.explanation


@pytest.mark.parametrize(
    ("text", "claim_fragment"),
    [
        ("Rebels said they shot down two helicopters. The claims could not be verified.\n", "shot down"),
        (
            "The army said the bridge was destroyed. Reuters could not independently verify the claim.\n",
            "bridge",
        ),
        (
            "The town fell, and 40 soldiers died. Casualty figures could not be independently verified.\n",
            "town fell",
        ),
        (
            "The port was shelled overnight.\nThese reports could not be independently confirmed.\n",
            "port was shelled",
        ),
    ],
)
def test_anaphoric_disclaimers_link_back(analyze_text, text: str, claim_fragment: str) -> None:
    analysis = analyze_text(text)
    qualified = claim_at(analysis, claim_fragment)
    assert qualified is not None, analysis.claims
    disclaimer = next(claim for claim in analysis.claims if claim.id == qualified.qualified_by)
    assert disclaimer.category == UNVERIFIABLE and disclaimer.start > qualified.start


def test_a_figure_disclaimer_needs_a_figure_before_it(analyze_text) -> None:
    analysis = analyze_text(
        "The quake killed at least 22 people.\nA hospital spokesman said the injured were treated in tents.\n"
        "The death toll could not be independently confirmed.\n"
    )
    assert [claim.qualified_by for claim in analysis.claims] == [None, None]
    assert "qualifies" not in analysis.claims[1].explanation


def test_a_verification_about_something_new_is_not_a_disclaimer(analyze_text) -> None:
    analysis = analyze_text(
        "Fighting continued overnight. It was not possible to verify whether the bridge had been destroyed.\n"
    )
    assert claim_at(analysis, "Fighting continued") is None
    assert claim_at(analysis, "whether the bridge").qualified_by is None


FORWARD = (
    "The singer was reported dead in March based on unconfirmed reports.\n"
    "Her label issued a statement praising her work.\n"
    "On March 3, several outlets reported she had died in hospital, citing sources close to the family.\n"
    "Fans gathered outside the hospital.\n"
    "The band toured Europe in 2019.\n"
    "Its drummer left in 2021.\n"
    "Local media reported in May that a tribute album was planned.\n"
)


@pytest.mark.parametrize("mode", ["model", "rules"])
def test_unconfirmed_reports_qualify_the_reports_cited_after_them(
    analyze_text, analyze_rules, mode: str
) -> None:
    analysis = (analyze_text if mode == "model" else analyze_rules)(FORWARD)
    first = claim_at(analysis, "based on unconfirmed reports")
    later = claim_at(analysis, "several outlets reported")
    assert first.category == UNVERIFIABLE
    assert later.category == UNVERIFIABLE and later.qualified_by == first.id
    assert claim_at(analysis, "Her label") is None
    far = claim_at(analysis, "tribute album")  # three paragraphs on: out of the disclaimer's reach
    assert far is not None and far.category == VAGUE and far.qualified_by is None


def test_a_reportedly_after_unconfirmed_reports_is_one_of_them(analyze_text) -> None:
    analysis = analyze_text(
        "Unconfirmed reports of a coup spread on Sunday.\nThe president reportedly fled to the coast.\n"
    )
    first, second = analysis.claims
    assert second.category == UNVERIFIABLE and second.qualified_by == first.id


def test_a_headline_attribution_is_not_a_claim(analyze_text) -> None:
    analysis = analyze_text(
        "Floods cut off three villages, officials say\nFloods cut off three villages on Monday.\n"
    )
    assert analysis.claims == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('"Prices may rise again next year," said finance minister Anna Berg.\n', None),
        ('"It seems to me that the plan might work," Berg said.\n', None),
        ('"The rebels reportedly fired first," said army commander John Okafor.\n', HEDGE),
        ("Finance minister Anna Berg warned that prices may rise again next year.\n", None),
        ("Scientists warned that prices may rise again next year.\n", HEDGE),
    ],
)
def test_opinions_in_direct_quotes_are_not_marked(analyze_text, text: str, category: str | None) -> None:
    categories = [claim.category for claim in analyze_text(text).claims]
    assert categories == ([category] if category else [])


def test_one_claim_per_sentence_with_every_cue_and_valid_spans(analyze_text) -> None:
    text = "Officials reportedly said, citing unnamed sources, that the strike may have missed.\n"
    analysis = analyze_text(text)
    assert len(analysis.claims) == 1
    claim = analysis.claims[0]
    assert claim.category == HEDGE
    assert len(claim.cues) >= 2
    assert claim.text == text[claim.start : claim.end]
    for cue in claim.cues:
        assert cue.text == text[cue.start : cue.end]
        assert claim.start <= cue.start < cue.end <= claim.end


def test_ids_are_sequential_and_links_resolve(analyze_text) -> None:
    analysis = analyze_text(BACKWARD + FORWARD)
    ids = [claim.id for claim in analysis.claims]
    assert ids == [f"c{i}" for i in range(len(ids))]
    starts = [claim.start for claim in analysis.claims]
    assert starts == sorted(starts)
    for claim in analysis.claims:
        assert claim.qualified_by is None or claim.qualified_by in ids
    assert analyze_text(BACKWARD + FORWARD).to_json() == analysis.to_json()
