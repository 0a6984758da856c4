"""Unverified claims whose source is a report, a recording or an informant nobody names, and hedges
worded around a time or an attributive participle: one case of our own words per rule.

Every sentence here is written for these tests (none is taken from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.analysis.test_claims import ANONYMOUS, HEDGE, VAGUE, check_case

# Reports nobody is credited with, as the subject of a verb that is no speech verb, or after "by".
REPORTS: list[tuple[str, str | None, str | None]] = [
    ("Reports differ on whether the bridge was closed before the flood.", VAGUE, "Reports differ"),
    ("The early reports were of a gas explosion in the bakery.", VAGUE, "reports were"),
    ("By early reports, four fishermen were missing.", VAGUE, "By early reports"),
    ("The storm had, by some estimates, flattened nine hundred homes.", VAGUE, "by some estimates"),
    ("Reports emerged on Monday that the curator had resigned.", VAGUE, "Reports emerged"),
    ("Initial estimates put the crowd at forty thousand.", VAGUE, "estimates put"),
    # reports as the topic, not the source
    ("The reports were published on Tuesday.", None, None),
    ("The decision was driven by reports of flooding upstream.", None, None),
    ("The council put the reports on its website.", None, None),
]

# News and recordings nobody is credited with are sources too, unless somebody is.
UNCREDITED: list[tuple[str, str | None, str | None]] = [
    ("According to local news, the ferry service was suspended.", VAGUE, "local news"),
    ("The ferry service was suspended, according to the Valdor news agency.", None, None),
    ("She went into news reporting a year later.", None, None),
    ("According to videos shared online, the crowd pushed past the barrier.", VAGUE, "videos"),
    ("According to footage filmed by Harbour TV, the crowd pushed past the barrier.", None, None),
    ("According to data gathered by the Coastal Survey, the bay froze twice.", None, None),
]

# An informant belongs to whoever cites it but is unnamed all the same; a listener is no source.
INFORMANTS: list[tuple[str, str | None, str | None]] = [
    ("The newspaper reported its source said the minister had resigned.", ANONYMOUS, "its source said"),
    ("The blog claims that its sources told it the match had been fixed.", HEDGE, "claims that"),
    ("The weekly said its sources confirmed the contract had been signed.", VAGUE, "its sources"),
    ("Rivers are their main source of water.", None, None),
    ("Residents were told to boil their water until Friday.", None, None),
    ("One MP told reporters the count had been delayed on purpose.", ANONYMOUS, "One MP told"),
    # a description with the name after it, which the parser reads as a second subject, is that person
    ("A spokesman for the Harbour Board, Oren Vale said the cranes were unsafe.", None, None),
]

# Hedges with a time between "was" and "reported", or a suspicion standing before a noun.
HEDGES: list[tuple[str, str | None, str | None]] = [
    ("The skipper was on Tuesday reported to be recovering in hospital.", HEDGE, "reported to"),
    ("The mural was later thought to be a forgery.", HEDGE, "thought to"),
    ("A suspected arson attack destroyed the barn.", HEDGE, "suspected"),
    ("Police suspected nothing until Monday.", None, None),
]


@pytest.mark.parametrize(("text", "category", "cue"), REPORTS, ids=[case[0][:50] for case in REPORTS])
def test_reports_nobody_is_credited_with(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(("text", "category", "cue"), UNCREDITED, ids=[case[0][:50] for case in UNCREDITED])
def test_news_and_recordings_nobody_is_credited_with(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(("text", "category", "cue"), INFORMANTS, ids=[case[0][:50] for case in INFORMANTS])
def test_informants_and_listeners(analyze_text, text: str, category: str | None, cue: str | None) -> None:
    check_case(analyze_text(text), text, category, cue)


@pytest.mark.parametrize(("text", "category", "cue"), HEDGES, ids=[case[0][:50] for case in HEDGES])
def test_hedges_around_a_time_or_before_a_noun(
    analyze_text, text: str, category: str | None, cue: str | None
) -> None:
    check_case(analyze_text(text), text, category, cue)
