"""The cue rules for sources: beliefs with no holder named, unnamed groups of reports, anonymity.

The source finder (``sources``) reads the parse around a source noun; these rules are the wordings
a Matcher pattern can say outright ("it is widely believed", "on condition of anonymity").
"""

from __future__ import annotations

from reader.analysis.claims.contexts import counted_holders
from reader.analysis.claims.rule import Rule
from reader.analysis.claims.vocabulary import (
    ANONYMOUS_SOURCE,
    COUNTED_HOLDERS,
    HOLDERS_VERBS,
    REPORTING_PASSIVE,
    SOURCE_PEOPLE,
    VAGUE_SOURCE,
    lemma,
    lower,
)

SOURCE_RULES: tuple[Rule, ...] = (
    Rule(
        "widely_believed",
        VAGUE_SOURCE,
        "a belief with no source",
        (
            # "is widely regarded as", "has widely been called": a judgement nobody is named for; in
            # the Szeged counts "widely considered/regarded" are uncertainty cues 7 of 7 times (Wikipedia
            # 1-500 and 1301-2500), while "widely perceived/cited/praised" are not (0 of 5), left out.
            (
                lower("widely"),
                lower("been", OP="?"),
                lemma(
                    *"believe think report rumour rumor assume accept consider regard call describe".split(),
                    TAG="VBN",
                ),
            ),
            # "is thought by some to", "was said by many historians that"
            (
                lemma("be"),
                lemma(*REPORTING_PASSIVE, TAG="VBN"),
                lower("by"),
                lower(*COUNTED_HOLDERS),
                {"IS_ALPHA": True, "OP": "{0,2}"},
                lower("to", "that"),
            ),
        ),
    ),
    Rule(
        "counted_holders",
        VAGUE_SOURCE,
        "a view with no source but a count of its holders",
        (
            (
                lower("some", "many", "others", "most"),
                lower("also", "have", "had", "now", "still", OP="{0,2}"),
                lemma(*HOLDERS_VERBS),
            ),
        ),
        check=counted_holders,
    ),
    Rule(
        "many_sources",
        VAGUE_SOURCE,
        "the sources are not named",
        (
            (
                lower("various", "several", "multiple", "numerous", "unspecified"),
                lower("sources", "reports", "outlets", "accounts", "media"),
            ),
            # "There were reports of looting": reports with nobody behind them
            (
                lower("there"),
                lemma("be"),
                {"IS_ALPHA": True, "OP": "{0,2}"},
                lower("reports", "rumours", "rumors"),
                lower("of", "that"),
            ),
        ),
    ),
    Rule(
        "anonymity",
        ANONYMOUS_SOURCE,
        "the source asked not to be named",
        (
            (lower("on"), lower("the", OP="?"), lower("condition"), lower("of"), lower("anonymity")),
            (lower("anonymously"),),
            (lower("not"), lower("to"), lower("be"), lower("named", "identified")),
            (lemma("decline", "refuse"), lower("to"), lower("be"), lower("named", "identified")),
            (lemma("request", "demand", "grant", "ask", "seek"), lower("for", OP="?"), lower("anonymity")),
            (lower("anonymous", "unnamed"), {"IS_ALPHA": True, "OP": "{0,2}"}, lower(*SOURCE_PEOPLE)),
        ),
    ),
    Rule(
        "familiar_with",
        ANONYMOUS_SOURCE,
        "an insider who is not named",
        (
            (lower(*SOURCE_PEOPLE, "those", "someone"), lower("familiar"), lower("with")),
            (lower(*SOURCE_PEOPLE, "those", "someone"), lower("close"), lower("to")),
            (lower(*SOURCE_PEOPLE, "those", "someone"), lower("briefed"), lower("on")),
            (lower(*SOURCE_PEOPLE), lower("with"), {"IS_ALPHA": True, "OP": "?"}, lower("knowledge")),
        ),
    ),
)
