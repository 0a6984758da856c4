"""The cue rules for hedges and unverifiability; the source rules (``source_rules``) come last.

When several rules match one sentence, the layer keeps them all as cues and the
first category in the guide's table names the claim.
"""

from __future__ import annotations

from reader.analysis.claims.contexts import (
    accusation,
    after_determiner,
    appositive,
    attributive,
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
    report_not_naming,
    state_modal,
    verification_sense,
)
from reader.analysis.claims.rule import Rule
from reader.analysis.claims.source_rules import SOURCE_RULES
from reader.analysis.claims.vocabulary import (
    ACCUSATION_NOUNS,
    AUXILIARIES,
    BELIEF_VERBS,
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
    RUMOURS,
    SPECULATION,
    SPREADING,
    STATE_MODALS,
    UNVERIFIABLE,
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
    # "is often thought to", "was once believed to": cues 5 of 5 in the Szeged counts (vocabulary)
    *"often once sometimes".split(),
    # "was later reported to", "was initially thought to": when, not whether, it was reported
    *"later earlier initially first then".split(),
    OP="?",
)
# "was on Wednesday reported to", "was last week said to": a time between the verb's parts (the
# tagger then reads the participle as a past tense, so no tag is asked of it).
_TIME_GAP = (
    lower("on", "last", "this", "early", "late"),
    lower(
        *"monday tuesday wednesday thursday friday saturday sunday week weekend month year night morning".split(),
        *"afternoon evening".split(),
        OP="?",
    ),
)
# ... and any other "-ly" adverb after it ("is more firmly believed to"), but not "widely".
_LY_ADVERB = {"LOWER": {"REGEX": r"^(?!widely$)[a-z]+ly$"}, "OP": "?"}

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
        check=verification_sense,
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
        (
            (
                lower(
                    "alleged", "alleges", "allege", "alleging", "purported", "putative", "rumored", "rumoured"
                ),
            ),
        ),
    ),
    # "after a reported fall": the article passes on a report without vouching for it, as with
    # "reportedly" or "alleged". Szeged marks no use of "report" as uncertainty (0 of 79 in FactBank dev
    # and Wikipedia outside 501-1300), so it gives no count here; the guide's "reportedly" does.
    Rule(
        "reported_attributive",
        HEDGE,
        "a report the article passes on without vouching for it",
        ((lower("reported"),),),
        check=attributive,
    ),
    # "a suspected gas leak", "the suspected gunman": only suspected, as "an alleged attacker" is only
    # alleged. The verb ("police suspected arson") and "suspected of" are the belief and accusation
    # rules' business.
    Rule(
        "suspected_attributive",
        HEDGE,
        "only suspected, not an established fact",
        ((lower("suspected"),),),
        check=attributive,
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
                    "speculation",
                ),
                lower("that"),
            ),
            # "Rumours circulated that", "a rumour was spread that", "rumors were that"
            (
                lower(*RUMOURS),
                lemma("be", "have", OP="{0,2}"),
                lemma(*SPREADING, OP="?"),
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
        (
            (lemma("be"), _PASSIVE_ADVERB, _LY_ADVERB, lemma(*REPORTING_PASSIVE, TAG="VBN"), lower("to")),
            (lemma("be"), *_TIME_GAP, lemma(*REPORTING_PASSIVE), lower("to")),
            # "is supposed to have fled": a report about the past; "is supposed to finish" is a duty
            (lemma("be"), _PASSIVE_ADVERB, lower("supposed"), lower("to"), lower("have")),
        ),
        check=report_not_naming,
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
    *SOURCE_RULES,
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}
