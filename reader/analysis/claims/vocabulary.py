"""The claims layer's words: its categories and the cue vocabularies its rules are written in.

Kept apart from the rules (``rules``) and the Matcher machinery (``cues``) so a
word list can be read, counted and changed in one place; ``forms`` inflects a
verb lemma for the rules-only fallback, which has no lemmatiser.
"""

from __future__ import annotations

from typing import Any

UNVERIFIABLE = "unverifiable"
HEDGE = "hedge"
VAGUE_SOURCE = "vague_source"
ANONYMOUS_SOURCE = "anonymous_source"
SINGLE_SOURCE = "single_source"
# The guide's table order: when several categories fit one claim, the first wins.
CATEGORY_ORDER = (UNVERIFIABLE, HEDGE, VAGUE_SOURCE, ANONYMOUS_SOURCE, SINGLE_SOURCE)
STRONG_CATEGORIES = frozenset({UNVERIFIABLE, ANONYMOUS_SOURCE})


def weight_of(category: str) -> str:
    """Explicit unverifiability and anonymous sources are strong; hedges and vague sources weak."""
    return "strong" if category in STRONG_CATEGORIES else "weak"


# Inflections the fallback needs: irregular forms listed, the rest made by rule.
_IRREGULAR = {
    "be": ("be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "’s", "’re"),
    "have": ("have", "has", "had", "having", "'ve", "’ve"),
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "think": ("think", "thinks", "thought", "thinking"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "put": ("put", "puts", "putting"),
}


def forms(lemma: str) -> tuple[str, ...]:
    """The inflected forms of an English verb lemma (regular rules plus a small irregular table)."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        stem = lemma[:-1]
        return (lemma, stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def lemma(*words: str, **extra: Any) -> dict[str, Any]:
    return {"LEMMA": {"IN": list(words)}, **extra}


def lower(*words: str, **extra: Any) -> dict[str, Any]:
    return {"LOWER": {"IN": list(words)}, **extra}


VERIFY = ("verify", "confirm", "corroborate", "substantiate", "authenticate")
# An auxiliary before the negation belongs to the cue: "cannot" is split into "can" + "not".
AUXILIARIES = frozenset(
    "can ca could would will wo has have had is are was were did does do may might must should".split()
)
REPORTING_PASSIVE = tuple(
    "say believe think understand report allege rumour rumor claim suspect presume fear reckon estimate "
    "assume speculate suggest hypothesize hypothesise".split()
)
# "it has been suggested that": an impersonal report, an uncertainty cue 14 of 14 times in the Szeged
# counts below (hypothesized 1 of 1).
# Adverbs that distance the article from a fact it reports, even in a speaker's mouth.
HEDGE_ADVERBS = (
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "ostensibly",
    "reputedly",
)
# Adverbs of the writer's or speaker's own uncertainty: in a direct quote they are opinion.
DOUBT_ADVERBS = ("perhaps", "possibly", "presumably", "seemingly")
# Epistemic words, kept by how often the Szeged Uncertainty Corpus (Szarvas et al. 2012; its
# FactBank news and Wikipedia parts in ../shared/eval/external/hedges, counted over every
# occurrence) marks them as uncertainty cues: probably 110/111, unlikely 11/11, likely 95/105,
# seem(s/ed) 73/75, believed 75/79, believes 11/12, believe 95/115, suggest(s/ed/ing) 114/135,
# speculate(d) 17/17, imply 11/11, accused 29/31, accusations 7/8, rumored 7/7. Left out as too
# often plain fact there: possible 50/196, could 94/239, estimated 4/32, suspected 5/14,
# allegations 6/18 (kept only as "allegations that"), rumors 6/13 (likewise), probable 5/13.
LIKELIHOOD = ("likely", "unlikely", "probably")
# "it is possible that": 20 of 21 such openings are uncertainty cues in the same Szeged counts
# (bare "possible" is one in 50 of 196); also reputedly 3/4, supposedly 12/12, presumably 15/16.
POSSIBILITY_ADJECTIVES = ("possible", "probable", "conceivable", "plausible")
# "a possible link", "one possible reason": "possible" before a noun of relation or explanation
# hedges a fact; in the same Szeged counts (any such noun, after no superlative) it is a cue 9 of 10
# times (FactBank link 1/1; Wikipedia reason 4/4, association 2/2, involvement 1/1, cause 1/2; held-out
# paragraphs 501-1300 reason 2/2), while before other nouns it is one 14 of 52 (a "possible sale" is a
# forecast; "possible explanation" 0/2 and "possible relation" 0/1 stay out).
POSSIBLE_FACT_NOUNS = ("link", "association", "involvement", "cause", "reason")
# "believed by some to", "said by many that": a passive belief whose holders are only counted, the
# guide's "it is widely believed"; such uses are cues 7 of 10 in the same Szeged counts (Wikipedia;
# none in FactBank, none in 501-1300), and the other three hedge a report ("said by most to have").
COUNTED_HOLDERS = ("some", "many", "most", "others", "several")
# "Some say", "many thought", "others believe" with a clause: holders only counted. In the same Szeged
# counts such a pronoun before believe, suggest, think, speculate or suspect is a cue 19 of 19 times;
# "say" (0 of 6 there, six clean sentences flagged in Wikipedia 1301-2500), "argue" and "claim" are
# left out.
HOLDERS_VERBS = ("believe", "think", "suggest", "speculate", "suspect", "fear")
# "suspect" with a clause ("police suspect the fire was set") is a belief too: 5 of 7 such uses are
# uncertainty cues in the same Szeged counts (FactBank 2/2, Wikipedia 3/5).
BELIEF_VERBS = ("believe", "suspect")
# "Six miners are feared dead", "presumed drowned": the passive belief of "is believed to be dead"
# with the infinitive left out, so a hedge as the guide's "is believed to" is.
PRESUMED = ("feared", "presumed", "believed", "thought")
FATES = ("dead", "drowned", "killed", "missing", "alive")
# Participles that, after a comma, open a reduced passive report: "The man, thought to be ...".
# Szeged marks "thought/believed to" as a cue in 55 of 55 uses (the tagger often reads this
# "thought" as a past tense, so the comma, not the tag, finds it).
REPORT_PARTICIPLES = tuple(
    "thought believed said understood reported alleged rumoured rumored suspected presumed feared "
    "reckoned estimated assumed".split()
)
# A rumour as the subject of its clause ("rumours circulated that", "rumors were that"): cues 6 of 7
# times in the same Szeged counts (the seventh is a relative clause: "a rumour that few had heard").
RUMOURS = ("rumours", "rumors", "rumour", "rumor")
SPREADING = ("circulate", "spread", "swirl", "persist", "abound", "surface", "emerge", "grow")
INFERENCE_VERBS = ("suggest", "imply")
# "makes you believe", "let them think": a belief the sentence causes, which nobody holds; the one
# such use in the same Szeged counts (Wikipedia 1-500) is not a cue, and FactBank has none.
CAUSATIVES = ("make", "let")
SPECULATION = ("speculate", "speculated", "speculates", "speculating")
ACCUSATION_NOUNS = ("accusation", "accusations")
# Nouns an anonymity adjective or "familiar with" turns into an anonymous source.
SOURCE_PEOPLE = tuple(
    "source sources official officials spokesman spokeswoman spokesperson diplomat diplomats insider "
    "insiders person people aide aides officer officers".split()
)
# Words that cannot follow a modal "may" as its verb (so "may" there is something else).
NOT_VERBS = frozenset(
    "the a an this that these those his her its their our my your and or but of in on at to for with "
    "by from as than , . ; : ! ? -- — – he she it they we you i".split()
)
LEGISLATURES = frozenset("parliament senate congress lawmakers legislators assembly".split())
# "could" hedges a fact only before "be" and a state ("could be a sign", "could be in play"): such
# uses are uncertainty cues 11 of 16 times in the Szeged counts above (FactBank 1/3, Wikipedia 10/13,
# held-out 501-1300 2/3); before a passive it is one 14 of 46, before "have" and a participle 3 of 9
# (mostly a counterfactual: "could have been killed") and before other verbs an ability or a forecast.
STATE_MODALS = ("could",)
# "likely voters": pollsters' name for the people a poll screened as likely to vote, a fact about the
# poll, not doubt (no such use in Szeged; 18 of the 280 "likely" in PolNeAR's training articles).
POLL_POPULATIONS = frozenset("voter voters caucusgoers electorate".split())
# "may be able to", "might be about to": ability or intention ahead, a forecast.
FORECAST_STATES = frozenset("able unable about going allowed forced asked required".split())
# "could be effective next year", "may be ready as early as May": a state with a time ahead is a
# forecast (a named speaker's view when attributed), not a hedge on a fact.
FUTURE_TIMES = frozenset("next soon tomorrow eventually upcoming coming later".split())
# "may be exercised", "may be redeemed": what the terms of a security or a sale allow. In the Szeged
# counts above "may/might/could be" before these participles is an uncertainty cue 0 of 7 times
# (bought 2, exercised, purchased, converted, withdrawn 1 each; "sold", a cue 2 of 2 as a forecast,
# stays out), while before other participles ("may be linked", "could be caused") 143 of 188.
PERMITTED_DEALINGS = frozenset(
    "exercised redeemed converted tendered purchased bought withdrawn repaid prepaid cashed".split()
)
MODAL_ADVERBS = frozenset("not also well even yet still never already soon".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i you who which".split())
CLAUSE_WINDOW = 8  # words after "claimed" in which a finite verb shows a clause follows
# Base verbs that commonly follow "is said to" / "is believed to" (fallback stand-in for a POS tag).
COMMON_INFINITIVES = frozenset(
    "be have number include contain hold control come lead exist own possess live stem originate plan "
    "involve work know suffer die account".split()
)
