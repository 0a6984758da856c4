"""The cue rules: each a category, Matcher patterns written in lemmas, and an optional context check.

When several rules match one sentence, the layer keeps them all as cues and the
first category in the guide's table names the claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.analysis.claims.contexts import (
    accusation,
    after_determiner,
    appositive,
    claim_with_clause,
    clause_follows,
    compared,
    impersonal_report,
    modal_fact,
    modal_forecast,
    past_clause,
    past_follows,
    poll_population,
    possibility_clause,
    reduced_report,
    state_modal,
    verb_follows,
    verification_sense,
)
from reader.analysis.claims.vocabulary import (
    ACCUSATION_NOUNS,
    ANONYMOUS_SOURCE,
    AUXILIARIES,
    BELIEF_VERBS,
    COUNTED_HOLDERS,
    DOUBT_ADVERBS,
    FATES,
    HEDGE,
    HEDGE_ADVERBS,
    INFERENCE_VERBS,
    LIKELIHOOD,
    POSSIBILITY_ADJECTIVES,
    POSSIBLE_FACT_NOUNS,
    PRESUMED,
    REPORT_PARTICIPLES,
    REPORTING_PASSIVE,
    SOURCE_PEOPLE,
    SPECULATION,
    STATE_MODALS,
    UNVERIFIABLE,
    VAGUE_SOURCE,
    VERIFY,
    lemma,
    lower,
)

# Words that may sit between a negation and "verified": "could not be independently verified".
_NEGATION_FILL = lower(
    *"be been being is are was were able possible to independently immediately yet officially fully".split(),
    *"separately directly readily so far".split(),
    OP="{0,4}",
)
_SUBJECT_AUXILIARY = lower("could", "can", "has", "have", "had", "was", "were", "would")
# Adverbs allowed in "is (also) believed to"; "widely" is left out on purpose: "it is widely
# believed" is the guide's vague_source example, not a hedge.
_PASSIVE_ADVERB = lower(
    *"also now still generally commonly further previously already locally privately long more most not".split(),
    OP="?",
)
# ... and any other "-ly" adverb after it ("is more firmly believed to"), but not "widely".
_LY_ADVERB = {"LOWER": {"REGEX": r"^(?!widely$)[a-z]+ly$"}, "OP": "?"}

Check = Callable[[Any, int, int, bool], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """One cue rule: its category, whether it survives inside a direct quote, what to tell the reader."""

    key: str
    category: str
    explanation: str
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    check: Check | None = None
    # A hedge about a fact counts even inside a direct quote; a modal or "it seems" there is the
    # speaker's opinion or forecast, which the guide leaves unmarked.
    in_quote: bool = True
    # A forecast ("may", "might"): in a named speaker's reported words it is their view.
    forecast: bool = False
    # A verb of belief ("Berg believes that"): when it introduces a named speaker's quote, the
    # sentence reports that speaker's view, which the guide leaves unmarked.
    opinion: bool = False
    # "unconfirmed reports": a later sentence citing reports may be what the article meant.
    opens_reports: bool = False
    # Words that join the cue when they come right before it: "cannot" is "can" + "not".
    extend_left: frozenset[str] = frozenset()


RULES: tuple[Rule, ...] = (
    Rule(
        "unverified_word",
        UNVERIFIABLE,
        "the article calls it unverified",
        (
            (
                lower(
                    "unverified",
                    "unconfirmed",
                    "unverifiable",
                    "uncorroborated",
                    "unsubstantiated",
                    "unproven",
                ),
            ),
        ),
        opens_reports=True,
    ),
    Rule(
        "not_verified",
        UNVERIFIABLE,
        "nobody could verify it",
        (
            (
                lower("not", "n't", "never", "unable", "impossible", "cannot", "difficult", "hard"),
                _NEGATION_FILL,
                lemma(*VERIFY),
            ),
            (lower("yet"), lower("to"), _NEGATION_FILL, lemma(*VERIFY)),
            # "declined to confirm": whoever could confirm it would not
            (
                lemma("decline", "refuse"),
                lower("to"),
                lower("immediately", "publicly", OP="?"),
                lemma(*VERIFY),
            ),
            (lower("neither"), lemma("confirm")),
            # the subject carries the negation: "None of the claims could be verified", "no one could
            # confirm" (but not "No injuries were confirmed": that counts zero injuries)
            (
                lower("neither", "none", "nobody"),
                {"IS_PUNCT": False, "OP": "{0,4}"},  # "Neither side's figures could ..."
                _SUBJECT_AUXILIARY,
                _NEGATION_FILL,
                lemma(*VERIFY),
            ),
            (lower("no"), lower("one"), _SUBJECT_AUXILIARY, _NEGATION_FILL, lemma(*VERIFY)),
        ),
        check=verification_sense,
        extend_left=AUXILIARIES,
    ),
    Rule(
        "no_confirmation",
        UNVERIFIABLE,
        "the article says there is no confirmation or evidence",
        (
            (
                lower("no", "without"),
                lower("independent", "official", "immediate", "further", "outside", OP="{0,2}"),
                lower("confirmation", "verification", "corroboration"),
            ),
            (
                lower("no", "little", "scant"),
                lower(
                    "hard",
                    "independent",
                    "direct",
                    "credible",
                    "firm",
                    "concrete",
                    "actual",
                    "clear",
                    OP="{0,2}",
                ),
                lower("evidence", "proof"),
                lower("that", "to", "for"),
            ),
            (
                lower("without"),
                lower("any", "providing", "offering", "giving", "citing", "presenting", OP="{0,2}"),
                lower("evidence", "proof"),
            ),
        ),
    ),
    Rule(
        "hedge_adverb",
        HEDGE,
        "reported without the article vouching for it",
        ((lower(*HEDGE_ADVERBS),),),
    ),
    Rule(
        "doubt_adverb",
        HEDGE,
        "only a possibility, not an established fact",
        ((lower(*DOUBT_ADVERBS),),),
        in_quote=False,
    ),
    Rule(
        "apparent",
        HEDGE,
        "it only appears so",
        ((lower("apparent"),),),
        check=after_determiner,
        in_quote=False,
    ),
    Rule(
        "alleged",
        HEDGE,
        "an allegation, not an established fact",
        ((lower("alleged", "alleges", "allege", "alleging", "purported", "rumored", "rumoured"),),),
    ),
    Rule(
        "accused",
        HEDGE,
        "an accusation, not an established fact",
        ((lemma("accuse", "blame", "suspect"),), (lower(*ACCUSATION_NOUNS),)),
        check=lambda doc, start, end, tagged: (
            doc[start].lower_ in ACCUSATION_NOUNS or accusation(doc, start, end, tagged)
        ),
    ),
    Rule(
        "likelihood",
        HEDGE,
        "only probable, not an established fact",
        ((lower(*LIKELIHOOD),),),
        check=lambda doc, start, end, tagged: (
            not (
                past_follows(doc, start, end, tagged)
                or compared(doc, start)
                or poll_population(doc, start, end, tagged)
            )
        ),
        in_quote=False,
        forecast=True,
    ),
    Rule(
        "probably_past",
        HEDGE,
        "only probably so, not an established fact",
        ((lower("probably"),),),
        check=past_follows,
    ),
    Rule(
        "belief",
        HEDGE,
        "a belief, not an established fact",
        ((lemma(*BELIEF_VERBS),), (lemma(*INFERENCE_VERBS),)),
        check=clause_follows,
        in_quote=False,
        opinion=True,
    ),
    Rule(
        "belief_past",
        HEDGE,
        "a belief about what happened, not an established fact",
        ((lemma(*BELIEF_VERBS),),),
        check=lambda doc, start, end, tagged: (
            clause_follows(doc, start, end, tagged) and past_clause(doc, start, end, tagged)
        ),
    ),
    Rule(
        "speculation",
        HEDGE,
        "speculation, not an established fact",
        ((lower(*SPECULATION),),),
        in_quote=False,
        opinion=True,
    ),
    Rule(
        "allegations_that",
        HEDGE,
        "an allegation, not an established fact",
        (
            (
                lower(
                    "allegations",
                    "allegation",
                    "accusations",
                    "accusation",
                    "rumours",
                    "rumors",
                    "rumour",
                    "rumor",
                    "suspicion",
                    "suspicions",
                ),
                lower("that"),
            ),
        ),
    ),
    Rule(
        "disputed_claim",
        HEDGE,
        "one side's claim that another disputes",
        # "..., a claim denied by the army": in apposition to what was claimed
        (
            (
                lower("claim", "claims", "allegation", "allegations", "assertion"),
                lower("denied", "disputed", "rejected", "contested"),
            ),
        ),
        check=appositive,
    ),
    Rule(
        "reported_to_be",
        HEDGE,
        "a report in the passive: nobody vouches for it",
        ((lemma("be"), _PASSIVE_ADVERB, _LY_ADVERB, lemma(*REPORTING_PASSIVE, TAG="VBN"), lower("to")),),
        check=verb_follows,
    ),
    Rule(
        "presumed_dead",
        HEDGE,
        "a belief about somebody's fate, not an established fact",
        ((lower(*PRESUMED), lower(*FATES)),),
    ),
    Rule(
        "said_to_be",
        HEDGE,
        "a report in the passive: nobody vouches for it",
        ((lower(*REPORT_PARTICIPLES), lower("to")),),
        check=reduced_report,
    ),
    Rule(
        "it_is_said",
        HEDGE,
        "an impersonal report: nobody vouches for it",
        (
            (
                lower("it"),
                lemma("have", OP="?"),
                lemma("be"),
                _PASSIVE_ADVERB,
                lemma(*REPORTING_PASSIVE, TAG="VBN"),
                lower("that", OP="?"),
            ),
        ),
        check=impersonal_report,
    ),
    Rule(
        "appears",
        HEDGE,
        "it only appears or seems so",
        (
            (lemma("appear", "seem"), lower("to")),
            (
                lemma("appear", "seem"),
                lower("able", "likely", "unlikely", "set", "poised", "certain"),
                lower("to"),
            ),
            (lower("it"), lemma("appear", "seem")),
            (lemma("seem", POS="VERB"),),  # "seems reluctant", "seemed aimed at"
        ),
        in_quote=False,
    ),
    Rule(
        "modal_fact",
        HEDGE,
        "only possibly so, not an established fact",
        ((lower("may", "might", TAG="MD", RULES=lower("may", "might")),),),
        check=modal_fact,
    ),
    Rule(
        "modal",
        HEDGE,
        "a possibility, not an established fact",
        ((lower("may", "might", TAG="MD", RULES=lower("may", "might")),),),
        check=modal_forecast,
        in_quote=False,
        forecast=True,
    ),
    Rule(
        "state_modal",
        HEDGE,
        "only possibly so, not an established fact",
        ((lower(*STATE_MODALS, TAG="MD", RULES=lower(*STATE_MODALS)),),),
        check=state_modal,
        in_quote=False,
        forecast=True,
    ),
    Rule(
        "claims",
        HEDGE,
        "one side's assertion, not a checked fact",
        ((lemma("claim"),),),
        check=claim_with_clause,
        in_quote=False,
    ),
    Rule(
        "it_is_possible",
        HEDGE,
        "only possibly so, not an established fact",
        (
            (
                lower("it"),
                lemma("be", "seem", "remain"),
                lower("also", "quite", "entirely", "very", "highly", "thus", "therefore", "still", OP="?"),
                lower(*POSSIBILITY_ADJECTIVES),
                lower("that", OP="?"),
            ),
        ),
        check=possibility_clause,
        in_quote=False,
    ),
    Rule(
        "possible_link",
        HEDGE,
        "only a possible link or cause, not an established one",
        ((lower("possible"), lemma(*POSSIBLE_FACT_NOUNS)),),
    ),
    Rule(
        "if_true",
        HEDGE,
        "true only if the source is accurate",
        (
            (
                lower("if"),
                {"IS_PUNCT": False, "OP": "{0,4}"},
                lemma("be", "prove"),
                lower("accurate", "true", "correct", "confirmed", "verified", "genuine", "authentic"),
            ),
            (lower("if"), lower("true", "accurate", "confirmed", "correct", "verified")),
        ),
        in_quote=False,
    ),
    Rule(
        "widely_believed",
        VAGUE_SOURCE,
        "a belief with no source",
        (
            (
                lower("widely"),
                lemma("believe", "think", "report", "rumour", "rumor", "assume", "accept", TAG="VBN"),
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
RULES_BY_KEY = {rule.key: rule for rule in RULES}
