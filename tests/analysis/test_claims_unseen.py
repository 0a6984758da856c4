"""Unverified claims on wordings the first rules did not foresee: one case of our own words per rule.

Every sentence here is written for these tests (none is taken from an evaluation set). Cases run
with the model; the unnamed-speaker rule reads the speakers layer's results, so its cases test the
two layers together.
"""

from __future__ import annotations

import pytest

from tests.analysis.test_claims import ANONYMOUS, HEDGE, UNVERIFIABLE, VAGUE, check_case

# (sentence, expected category or None for "no claim", a word the cues must include)
UNNAMED_SPEAKERS: list[tuple[str, str | None, str | None]] = [
    # a group the source finder cannot see past a relative clause: the speakers layer can
    ("Two engineers who inspected the dam said it had cracked in several places.", VAGUE, "engineers"),
    ("Several lawyers for the families have said the inquiry ignored the warnings.", VAGUE, "lawyers"),
    # a role that names one person is that person, not an anonymous source
    ("The mayor said the bridge would reopen next week.", None, None),
    # a group the article has introduced and now counts
    ("The two officials said the lift had been serviced in May.", None, None),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), UNNAMED_SPEAKERS, ids=[case[0][:50] for case in UNNAMED_SPEAKERS]
)
def test_a_quote_by_an_unnamed_speaker_is_a_source_claim(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)


# Written sources whose author is named are that author's, not vague sources.
CREDITED: list[tuple[str, str | None, str | None]] = [
    ("According to Marlow Bank's estimates, the harbour will cost twice as much.", None, None),
    ("The harbour will cost twice as much, according to estimates by Marlow Bank.", None, None),
    ("Reports attributed to the Danish transport ministry said the line would close.", None, None),
    ("According to estimates from the region, the harbour will cost twice as much.", VAGUE, "estimates"),
    # ... or in a relative clause after the source
    ("Donors gave $900, according to figures that were published on Friday by Fundwatch.", None, None),
    ("Donors gave $900, according to figures that were published on Friday.", VAGUE, "figures"),
]


@pytest.mark.parametrize(("text", "category", "cue"), CREDITED, ids=[case[0][:50] for case in CREDITED])
def test_a_written_source_credited_to_a_name_is_not_vague(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)


# Hedges worded in ways the first rules missed.
HEDGES: list[tuple[str, str | None, str | None]] = [
    # pasted text keeps runs of spaces between the words of a cue
    ("The old ferry appears  to  have  sunk near the pier.", HEDGE, "appears  to"),
    # an adverb between "to" and its verb
    ("The painter is believed to rarely leave the village.", HEDGE, "is believed to"),
    # ... or two, the second any "-ly" word
    ("The mural is more firmly believed to be the work of a pupil.", HEDGE, "believed to"),
    # an impersonal possibility with a clause
    ("It is possible that the keeper left the lighthouse before the storm.", HEDGE, "It is possible that"),
    ("The hermit reputedly lived to a hundred.", HEDGE, "reputedly"),
    # a group's belief with nobody vouching for it
    ("Many historians believe that the letter was forged.", HEDGE, "believe"),
    # "probably" before a past is a hedge on a fact, even in a named speaker's reported words ...
    ("Ana Berg said the sailor probably drowned near the reef.", HEDGE, "probably"),
    # ... before a future it is that speaker's forecast
    ("Ana Berg said prices would probably rise next year.", None, None),
    # impersonal reports with a perfect, or with no "that"; a negated passive belief
    ("It had been believed that the bishop was buried in the crypt.", HEDGE, "believed"),
    ("The prize, it is said, was never awarded.", HEDGE, "it is said"),
    ("Such storms are not thought to be dangerous to ships.", HEDGE, "not thought to"),
    ("It was reported to the harbour master on Friday.", None, None),
    # an accusation is not an established fact, whoever makes it; blame with its source is a finding
    ("A teenager was accused by the bank of breaking into its systems.", HEDGE, "accused"),
    ("The coach was blamed by the inspectors for the crash.", None, None),
    # a named speaker's belief is their view, attributed, not the article's unverified claim
    ("Finance minister Ana Berg believes that prices will rise next year.", None, None),
]


@pytest.mark.parametrize(("text", "category", "cue"), HEDGES, ids=[case[0][:50] for case in HEDGES])
def test_hedges_in_other_words(analyze_text, text: str, category: str | None, cue: str | None) -> None:
    check_case(analyze_text(text), text, category, cue)


def test_a_pronoun_taking_up_an_unnamed_group_is_not_flagged_again(analyze_text) -> None:
    text = (
        "Two engineers who inspected the dam said it had cracked in several places. "
        "They also said the spillway had been blocked for a month."
    )
    analysis = analyze_text(text)
    second = text.index("They")
    assert any(q.start >= second and q.speaker for q in analysis.quotes), "the pronoun's quote is attributed"
    flagged = [(c.category, c.start < second) for c in analysis.claims]
    assert flagged == [(VAGUE, True)], flagged


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        # a comparison of rates is a finding, not doubt
        ("Night-shift nurses were twice as likely to report back pain, the survey found.", None, None),
        ("Cyclists in the city are three times more likely to be injured than drivers.", None, None),
        ("Members who trained at night were 40% less likely to finish the course.", None, None),
        # the writer's own estimate stays a hedge, and so does a comparison with no measure
        ("The fire most likely started in the kitchen.", HEDGE, "likely"),
        ("Older ferries are more likely to have rusted hulls.", HEDGE, "likely"),
    ],
)
def test_likely_in_a_comparison_is_not_a_hedge(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


# Beliefs and suspicions: a belief about what happened hedges a fact whoever holds it; about the
# present or future, a named holder's belief is their opinion (the guide leaves it unmarked).
BELIEFS: list[tuple[str, str | None, str | None]] = [
    ("Inspector Mara Holt believes the two clerks had met before the fraud.", HEDGE, "believes"),
    ("Tomas Rell said he now believed the ferry had sunk in the night.", HEDGE, "believed"),
    ("Tomas Rell believes the harbour fees are too high.", None, None),
    # "suspect" with a clause is a belief too, and a group holding it is a vague source
    ("Police suspect the barn was set alight on purpose.", HEDGE, "suspect"),
    ("Investigators suspect that the crane operator fell asleep.", VAGUE, "Investigators suspect"),
    ("The suspect who escaped was caught near the station.", None, None),
    # a belief somebody is made to hold is nobody's claim
    ("The last drop almost makes you believe you will land in the lake.", None, None),
    # "suspected of" with nobody named as suspecting is an accusation
    ("The courier is suspected of carrying stolen watches.", HEDGE, "suspected"),
    ("The fault was suspected on the basis of the engine's noise.", None, None),
    # a reduced passive report after a comma, which the tagger reads as a past tense
    ("The skipper, thought to be in his sixties, was rescued by a trawler.", HEDGE, "thought to"),
    ("The theft, reported to police on Monday, shocked the village.", None, None),
]


@pytest.mark.parametrize(("text", "category", "cue"), BELIEFS, ids=[case[0][:50] for case in BELIEFS])
def test_beliefs_and_suspicions(analyze_text, text: str, category: str | None, cue: str | None) -> None:
    check_case(analyze_text(text), text, category, cue)


# News wordings of unnamed sources and presumed fates.
NEWS_SOURCES: list[tuple[str, str | None, str | None]] = [
    # a passive belief with its "to be" left out
    ("Four divers are feared dead after the storm.", HEDGE, "feared dead"),
    ("The lighthouse keeper was presumed drowned.", HEDGE, "presumed drowned"),
    ("The keeper was found dead on the rocks.", None, None),
    # insiders briefed on a matter, named by nothing else
    ("A person briefed on the talks said the merger was off.", ANONYMOUS, "briefed on"),
    # reports with nobody behind them
    ("There were reports of shelling near the airport.", VAGUE, "reports of"),
    ("There were no injuries in the fire.", None, None),
    # plural organisations and witnesses describing are unnamed groups
    ("Aid agencies say the camp has run out of water.", VAGUE, "agencies say"),
    ("Rights groups said dozens of protesters had been detained.", VAGUE, "groups said"),
    ("Witnesses described a loud bang before the roof fell.", VAGUE, "Witnesses described"),
    # ... but people who "show" something say nothing: only documents show facts
    ("Some rebel groups show signs of splitting.", None, None),
    ("Studies show that the vaccine works.", VAGUE, "Studies show"),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), NEWS_SOURCES, ids=[case[0][:50] for case in NEWS_SOURCES]
)
def test_news_wordings_of_unnamed_sources(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        # "might" before a verb with "-s" is the noun the tagger mistakes for a modal
        ("The old rule that might makes right still holds in the valley.", None, None),
        ("The duke who has might stands above the court.", None, None),
        # the modal before a bare verb is still one
        ("The prisoners may have escaped overnight.", HEDGE, "may"),
    ],
)
def test_might_as_a_noun_is_not_a_modal(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        # an impersonal possibility whose clause drops "that"
        ("It is possible the lorry left the road in the fog.", HEDGE, "It is possible"),
        # ... but not an ability
        ("It is possible to walk to the island at low tide.", None, None),
        # broadcasters and newspapers with no name are an unnamed group, like "state media"
        ("State television reported that the general had been detained.", VAGUE, "television reported"),
        ("Local newspapers said the mayor had left the country.", VAGUE, "newspapers said"),
        # ... and where somebody merely speaks on air, nobody is a source
        ("The governor said on national television that she would resign.", None, None),
        # a broadcaster with a name before it is a named outlet; "the radio" alone is the set
        ("The governor had resigned, Ruritania radio reported.", None, None),
        ("The governor had resigned, Ruritania army radio reported.", None, None),
        ("Ruritanian state television said the governor had resigned.", VAGUE, "television said"),
        ("The film shows only what is suggested by the radio.", None, None),
        ("The governor had resigned, state radio reported.", VAGUE, "state radio reported"),
    ],
)
def test_possibility_without_that_and_unnamed_broadcasters(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        # whoever could confirm it would not
        ("The port authority declined to confirm the collision.", UNVERIFIABLE, "declined to confirm"),
        ("She declined to confirm as treasurer for a second term.", None, None),
        # suspicions, like rumours, that something is so
        ("There are suspicions that the ballots were tampered with.", HEDGE, "suspicions that"),
        # one side's claim, disputed by the other, in apposition
        (
            "The guerrillas said they had downed a drone, a claim rejected by the navy.",
            HEDGE,
            "claim rejected",
        ),
        ("Claims rejected by the insurer rose by a tenth last year.", None, None),
    ],
)
def test_refused_confirmation_suspicions_and_disputed_claims(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        # "possible" before a noun of relation or cause hedges a fact ...
        ("Detectives are studying a possible link between the two fires.", HEDGE, "possible link"),
        ("One possible reason for the delay is a shortage of welders.", HEDGE, "possible reason"),
        # ... before an event ahead it names a plan, not a doubt
        ("The board is weighing a possible sale of the ferry line.", None, None),
        # a passive belief whose holders are only counted
        ("The chapel is thought by some to be older than the castle.", VAGUE, "thought by some to"),
        ("The chapel was restored by some volunteers in spring.", None, None),
        # "could" before "be" and a state hedges a fact ...
        ("The long queues at the border could be a sign of a strike.", HEDGE, "could"),
        # ... not before a passive, a negation, or in a named speaker's forecast
        ("The old mill could be sold to a brewer next year.", None, None),
        ("The mood in the harbour could not be better.", None, None),
        ("Ana Berg said the rally could be the largest in years.", None, None),
        # "likely voters" is the poll's sample, not the writer's doubt
        ("The survey put the mayor ahead among likely voters in the north.", None, None),
        ("The mayor is likely to win the north.", HEDGE, "likely"),
    ],
)
def test_possible_links_counted_believers_states_and_poll_samples(
    analyze_text, text: str, category, cue
) -> None:
    check_case(analyze_text(text), text, category, cue)


def test_people_inside_a_relative_clause_are_no_anonymous_source(analyze_text) -> None:
    # "a town where people believe": the article names no source, "a" belongs to "town"
    text = '"It hurts to live in a town where people actually believe I am a thief," Tom Vale told reporters.'
    check_case(analyze_text(text), text, None, None)


def test_a_description_in_apposition_to_a_name_is_that_named_person(analyze_text) -> None:
    # "Mara Lund, 41, a former staff member ... who said": the relative clause's speaker is named
    text = (
        '"You will see all kinds of marches," said Mara Lund, 41, a former staff member for the '
        "Warren campaign in Boston who said she planned to march."
    )
    check_case(analyze_text(text), text, None, None)
    unnamed = "A former staff member for the Warren campaign in Boston said she planned to march."
    check_case(analyze_text(unnamed), unnamed, ANONYMOUS, "staff member")


def test_a_disclaimer_in_a_relative_clause_qualifies_its_own_sentence(analyze_text) -> None:
    # "The letters, which could not be verified, show ...": the clause is about its own subject and
    # the sentence goes on to state its fact; it does not point back at the sentence before
    text = (
        "The minister resigned on Friday. "
        "The letters, which could not be verified, show payments to his brother."
    )
    analysis = analyze_text(text)
    second = text.index("The letters")
    flagged = [(c.category, c.start >= second, c.qualified_by) for c in analysis.claims]
    assert flagged == [(UNVERIFIABLE, True, None)], flagged


# Passive and impersonal reports, rumours and speculation in wordings the first rules missed.
REPORTS: list[tuple[str, str | None, str | None]] = [
    # an adverb of frequency or time inside the passive report
    ("The chapel was once thought to be a stable for the abbey's horses.", HEDGE, "once thought to"),
    ("The tower is often said to lean because of the marsh below it.", HEDGE, "often said to"),
    # an impersonal suggestion: nobody vouches for it
    ("It has been suggested that the fire began in the bakery.", HEDGE, "suggested"),
    # "supposed to have" reports the past; "supposed to" with a plain verb is a duty or a plan
    ("The smuggler is supposed to have buried the silver near the mill.", HEDGE, "supposed to have"),
    ("The ferry is supposed to leave at noon on Sundays.", None, None),
    ("The putative owner of the yacht was questioned by customs.", HEDGE, "putative"),
    # a definition that names a term in quotes is no report; a past report of somebody's words is one
    ("A chord with no finger on any string is said to be 'open'.", None, None),
    ('Such a knot is said to have "good grip" in wet rope.', None, None),
    ("The king was said to be 'furious' after the vote.", HEDGE, "said to"),
    ("The harbour is said to be the deepest on the coast.", HEDGE, "said to"),
    # a rumour as the subject of its clause, and speculation that something is so
    ("Rumours circulated that the goalkeeper had been sold to a rival.", HEDGE, "Rumours circulated that"),
    ("A rumor was spread that the vault had been emptied.", HEDGE, "rumor was spread that"),
    ("There was speculation that the vault had been emptied before the raid.", HEDGE, "speculation that"),
]


@pytest.mark.parametrize(("text", "category", "cue"), REPORTS, ids=[case[0][:50] for case in REPORTS])
def test_reports_rumours_and_speculation(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


# A belief whose holders are only counted ("many thought") is the guide's vague source.
COUNTED: list[tuple[str, str | None, str | None]] = [
    ("Many thought the lighthouse had been abandoned years earlier.", VAGUE, "Many thought"),
    ("Some think the bridge was built by the Romans.", VAGUE, "Some think"),
    # a group source noun that thinks is one that believes
    ("Scientists think the crater was made by a meteor.", VAGUE, "Scientists think"),
    # not the subject of the belief, or no clause after it
    ("Some of the sailors believed in ghosts.", None, None),
    ("The crew thought about the long way home.", None, None),
]


@pytest.mark.parametrize(("text", "category", "cue"), COUNTED, ids=[case[0][:50] for case in COUNTED])
def test_counted_holders_of_a_belief_are_a_vague_source(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


# Modals that are no hedge on a fact: what the terms of a deal allow, and states with a time ahead.
TERMS_AND_FORECASTS: list[tuple[str, str | None, str | None]] = [
    ("The warrants may be exercised at any time before June.", None, None),
    ("The bonds may be redeemed early at the holder's request.", None, None),
    ("The shares may be sold until the end of March.", None, None),
    # a passive about a fact stays a hedge
    ("The leak may be linked to the old pipes under the square.", HEDGE, "may"),
    # "could be" + state + a time ahead is a forecast ...
    ("The new timetable could be effective as early as next spring.", None, None),
    # ... and "may be" + state + a time ahead is a named speaker's forecast, attributed
    ("Ana Berg said the merger may be complete next month.", None, None),
    ("The climbers may be trapped in the ice cave.", HEDGE, "may"),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), TERMS_AND_FORECASTS, ids=[case[0][:50] for case in TERMS_AND_FORECASTS]
)
def test_terms_of_a_deal_and_forecasts_are_not_hedges(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


def test_a_passive_agent_named_in_apposition_is_no_anonymous_source(analyze_text) -> None:
    # the parser may hang the name on a noun further back; the comma and the name still name the agent
    named = (
        "The panel's findings were set out in four separate reports, the harshest of which was written by "
        "a junior member, Judge Paul Simon Gray, and signed by a senior one."
    )
    check_case(analyze_text(named), named, None, None)
    unnamed = "The ruling was written by a senior member of the court and backed by two colleagues."
    check_case(analyze_text(unnamed), unnamed, ANONYMOUS, "member")


# "reported" between a determiner and a noun passes a report on, as "alleged" does; the verb does not.
REPORTED_BEFORE_A_NOUN: list[tuple[str, str | None, str | None]] = [
    ("The singer cancelled the tour after a reported injury to her wrist.", HEDGE, "reported"),
    ("Police are looking into the reported theft of two paintings.", HEDGE, "reported"),
    ("The club paid a reported $40 million for the striker.", HEDGE, "reported"),
    ("The regional paper reported a rise in ferry fares.", None, None),
    ("The ministry reported the figures to parliament on Monday.", None, None),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), REPORTED_BEFORE_A_NOUN, ids=[case[0][:50] for case in REPORTED_BEFORE_A_NOUN]
)
def test_reported_before_a_noun_is_a_hedge(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


# "claiming" with a clause the parser reads as an object ("claiming the count was rigged"): the
# guide's "claims that", a hedge; next to a group source it still wins, the first row of the table.
CLAIMING_A_CLAUSE: list[tuple[str, str | None, str | None]] = [
    (
        "Several campaign groups claiming the count was rigged gathered outside the courthouse.",
        HEDGE,
        "claiming",
    ),
    ("Hundreds of farmers claiming the harvest had been ruined marched to the ministry.", HEDGE, "claiming"),
    ("Militants claimed responsibility for the blast.", None, None),
    ("The rebels claimed the town on Sunday.", None, None),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), CLAIMING_A_CLAUSE, ids=[case[0][:50] for case in CLAIMING_A_CLAUSE]
)
def test_claiming_with_a_clause_is_a_hedge_before_a_group_source(
    analyze_text, text: str, category, cue
) -> None:
    check_case(analyze_text(text), text, category, cue)


# The authors of a study the article says was published are the study's byline, a document the
# reader can look up; the same words with no publication named stay a vague source.
PUBLISHED_STUDY: list[tuple[str, str | None, str | None]] = [
    (
        "In findings published on Tuesday in Coastal Letters, researchers from Kelso University reported "
        "that the reef had grown back.",
        None,
        None,
    ),
    ("Researchers from Kelso University reported that the reef had grown back.", VAGUE, "Researchers"),
    # a counted group is not the byline, and a hedge in the findings is still a hedge
    ("In a study published in Coastal Letters, some scientists said the reef had grown back.", VAGUE, "some"),
    ("In a paper released in Coastal Letters, researchers said the reef may have grown back.", HEDGE, "may"),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), PUBLISHED_STUDY, ids=[case[0][:50] for case in PUBLISHED_STUDY]
)
def test_authors_of_a_published_study_are_no_vague_source(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


def test_a_cited_study_covers_its_authors_across_the_article_but_not_officials(analyze_text) -> None:
    text = (
        "Scientists map the warm currents under the shelf\n"
        "A paper published on Monday in Polar Review describes the currents. "
        "The scientists said the currents had thinned the shelf by a third. "
        "Scientists said the melt had doubled since 2010. "
        "Officials said the base would close in winter."
    )
    claims = analyze_text(text).claims
    assert [(claim.category, claim.text) for claim in claims] == [
        (VAGUE, "Officials said the base would close in winter.")
    ]


# "widely regarded as", "has widely been called": the guide's "it is widely believed", a view with
# nobody named as holding it; "widely used" or "widely praised" report no view about a fact.
WIDELY_HELD: list[tuple[str, str | None, str | None]] = [
    ("The storm caused what has widely been called the worst flooding in decades.", VAGUE, "widely"),
    ("The old ferry is widely regarded as the safest on the coast.", VAGUE, "widely"),
    ("The new ticket machines are widely used at the station.", None, None),
]


@pytest.mark.parametrize(("text", "category", "cue"), WIDELY_HELD, ids=[case[0][:50] for case in WIDELY_HELD])
def test_a_widely_held_view_is_a_vague_source(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)


# The second of two sources after "according to" is attributed as the first is.
SECOND_SOURCE: list[tuple[str, str | None, str | None]] = [
    ("Two guards were hurt, according to hospital records and officials.", VAGUE, "officials"),
    ("Two guards were hurt, according to Ann Lee and Tom Ford.", None, None),
]


@pytest.mark.parametrize(
    ("text", "category", "cue"), SECOND_SOURCE, ids=[case[0][:50] for case in SECOND_SOURCE]
)
def test_a_second_source_after_according_to_is_a_source(analyze_text, text: str, category, cue) -> None:
    check_case(analyze_text(text), text, category, cue)
