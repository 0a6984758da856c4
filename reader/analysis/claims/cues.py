"""The words that tell a reader a fact is not vouched for, as spaCy Matcher rules.

Each rule is written once, in terms of lemmas, and compiled two ways: with the
model, ``LEMMA`` and ``TAG`` constraints stay as written; in the rules-only
fallback (blank English: no lemmas, tags or parses) every ``LEMMA`` becomes a
``LOWER`` test over the lemma's inflected forms and tag tests are dropped or
replaced by a lexical stand-in (``RULES``). Context a pattern cannot express
(is this "claim" a verb with a clause? is "may" the month?) is a ``check`` run on
each match. Matchers are built once per vocabulary and reused for every chunk,
and each rule's Matcher runs only around its anchor words, so the layer costs a
dictionary lookup per token rather than every pattern at every token.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
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
# Words that may sit between a negation and "verified": "could not be independently verified".
_NEGATION_FILL = lower(
    *"be been being is are was were able possible to independently immediately yet officially fully".split(),
    *"separately directly readily so far".split(),
    OP="{0,4}",
)
_SUBJECT_AUXILIARY = lower("could", "can", "has", "have", "had", "was", "were", "would")
# An auxiliary before the negation belongs to the cue: "cannot" is split into "can" + "not".
AUXILIARIES = frozenset(
    "can ca could would will wo has have had is are was were did does do may might must should".split()
)
REPORTING_PASSIVE = tuple(
    "say believe think understand report allege rumour rumor claim suspect presume fear reckon estimate "
    "assume speculate".split()
)
# Adverbs allowed in "is (also) believed to"; "widely" is left out on purpose: "it is widely
# believed" is the guide's vague_source example, not a hedge.
_PASSIVE_ADVERB = lower(
    *"also now still generally commonly further previously already locally privately long".split(), OP="?"
)
# Adverbs that distance the article from a fact it reports, even in a speaker's mouth.
HEDGE_ADVERBS = ("reportedly", "allegedly", "apparently", "purportedly", "supposedly", "ostensibly")
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
BELIEF_VERBS = ("believe",)
INFERENCE_VERBS = ("suggest", "imply")
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
# "may be able to", "might be about to": ability or intention ahead, a forecast.
FORECAST_STATES = frozenset("able unable about going allowed forced asked required".split())
MODAL_ADVERBS = frozenset("not also well even yet still never already soon".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i you who which".split())
CLAUSE_WINDOW = 8  # words after "claimed" in which a finite verb shows a clause follows
# Base verbs that commonly follow "is said to" / "is believed to" (fallback stand-in for a POS tag).
COMMON_INFINITIVES = frozenset(
    "be have number include contain hold control come lead exist own possess live stem originate plan "
    "involve work know suffer die account".split()
)


def _token(doc: Any, i: int) -> Any | None:
    return doc[i] if 0 <= i < len(doc) else None


def verb_follows(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """The token after the match is a verb (an infinitive after "to"), not a noun: not "reported to police"."""
    after = _token(doc, end)
    if after is None:
        return False
    if tagged:
        return after.pos_ in ("VERB", "AUX")
    return after.lower_ in COMMON_INFINITIVES


def verification_sense(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "confirmed" as checked, not as appointed: not "has yet to be confirmed by the Senate" or "as minister"."""
    after = _token(doc, end)
    if after is None:
        return True
    if after.lower_ == "as":
        return False
    following = {token.lower_ for token in doc[end + 1 : end + 3]}
    return not (after.lower_ == "by" and following & LEGISLATURES)


def after_determiner(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "an apparent attempt" hedges; "it became apparent" does not."""
    before = _token(doc, start - 1)
    return before is not None and before.lower_ in ("an", "the", "what", "its", "his", "her", "their")


def _after_adverbs(doc: Any, i: int, tagged: bool) -> int:
    """The first token from i on that is not an adverb (or a run of spaces): "may (also|partly|well) explain"."""
    while i < len(doc) and (
        doc[i].is_space
        or doc[i].lower_ in MODAL_ADVERBS
        or (tagged and doc[i].pos_ == "ADV")
        or (doc[i].lower_.endswith("ly") and doc[i].is_alpha)
    ):
        i += 1
    return i


def modal_verb(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "may"/"might" as a modal before a verb: not the month, not the optative "May the injured recover".

    "may have to" is an obligation, not a hedge.
    """
    modal = doc[start]
    i = _after_adverbs(doc, end, tagged)
    verb = _token(doc, i)
    if verb is None or (
        verb.lower_ == "have" and (_token(doc, i + 1) is not None and doc[i + 1].lower_ == "to")
    ):
        return False
    if tagged:
        return modal.tag_ == "MD" and verb.pos_ in ("VERB", "AUX") and not modal.is_sent_start
    if modal.text[0].isupper():
        return False
    return verb.is_alpha and verb.lower_ not in NOT_VERBS and verb.text.islower()


def modal_fact(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """A modal hedging a fact, not forecasting: a perfect ("may have fled"), a progressive ("might be
    holding") or a state ("may be in hiding"), but not a passive ("may be replaced") or "may be able to"."""
    if not modal_verb(doc, start, end, tagged):
        return False
    i = _after_adverbs(doc, end, tagged)
    verb, nxt = doc[i], _token(doc, _after_adverbs(doc, i + 1, tagged))
    if nxt is None or verb.lower_ not in ("have", "be"):
        return False
    if verb.lower_ == "have":
        return nxt.tag_ == "VBN" if tagged else nxt.lower_.endswith(("ed", "en", "wn"))
    if nxt.lower_ in FORECAST_STATES:
        return False
    if tagged:
        return nxt.tag_ == "VBG" or nxt.pos_ not in ("VERB", "AUX", "PUNCT")
    return not nxt.lower_.endswith("ed") and nxt.is_alpha


def modal_forecast(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "may visit", "might be replaced": a possibility ahead, the speaker's forecast when attributed."""
    return modal_verb(doc, start, end, tagged) and not modal_fact(doc, start, end, tagged)


def clause_follows(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """A verb of belief or inference with a clause after it ("suggests that", "believes he was"),
    not with an object ("suggested a meeting"); a plural common-noun holder ("analysts believe")
    is left to the source rules, which call it a vague source."""
    word = doc[end - 1]
    after = _token(doc, end)
    if tagged:
        if word.pos_ != "VERB" or word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NNS" for c in word.children):
            return False
        return any(c.dep_ == "ccomp" for c in word.children) or (after is not None and after.lower_ == "that")
    before = _token(doc, start - 1)
    if before is not None and (before.lower_ in _IRREGULAR["be"] or before.lower_.endswith("ly")):
        return False  # "is (widely) believed that": the passive rules' business
    return after is not None and (after.lower_ == "that" or after.lower_ in SUBJECT_PRONOUNS)


def accusation(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "accused X of", "has been accused of", "was blamed for" with nobody named as blaming."""
    word = doc[end - 1]
    window = {token.lower_ for token in doc[end : end + 6]}
    if tagged:
        if word.pos_ != "VERB":
            return False
        children = {c.dep_: c for c in word.children}
        passive = "auxpass" in children or "nsubjpass" in children
        if passive and any(c.dep_ == "agent" for c in word.children):
            return False  # "was blamed by the inspectors for": the blame has a named source
        if word.lemma_ != "accuse" and not passive:
            return False  # "the union blamed the heat for": a named party's view, not an accusation
        preps = {c.lower_ for c in word.children if c.dep_ == "prep"}
        return bool(preps & {"of", "for"}) or passive
    return bool(window & {"of", "for"}) and "by" not in window


def claim_with_clause(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "claim" asserting something ("claimed the site was", "claims that"), not a noun or an object.

    "claimed responsibility", "insurance claims", "Turkish-claimed waters" and "the claim" are not cues.
    """
    word = doc[start]
    after = _token(doc, end)
    before = _token(doc, start - 1)
    if after is not None and after.lower_ == "that":
        return True
    if before is not None and before.text in ("-", "–"):
        return False
    if tagged:
        if word.pos_ != "VERB":
            return False
        return any(child.dep_ in ("ccomp", "xcomp") for child in word.children)
    # Without tags, "claimed" is a verb unless a determiner precedes it ("the claimed victory");
    # "claim(s)" is one only after something subject-like: a pronoun, a name, a plural or an
    # adverb ("he claims", "Activists claim", "consistently claim"), not "insurance claims".
    if before is not None and (not before.is_alpha or before.lower_ in NOT_VERBS - SUBJECT_PRONOUNS):
        return False
    subject_like = before is None or (
        before.lower_ in SUBJECT_PRONOUNS or before.is_title or before.lower_.endswith(("s", "ly"))
    )
    if word.lower_ in ("claim", "claims") and not subject_like:
        return False
    if after is None or not after.is_alpha or after.lower_ in ("and", "or", "of", "to", "by", "for", "in"):
        return False
    window = doc[end : min(end + CLAUSE_WINDOW, len(doc))]
    return any(
        token.lower_ in _IRREGULAR["be"] + _IRREGULAR["have"] + ("would", "will", "had")
        or token.lower_.endswith("ed")
        for token in window
    )


Check = Callable[[Any, int, int, bool], bool]


@dataclass(frozen=True)
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
        ((lemma("accuse", "blame"),), (lower(*ACCUSATION_NOUNS),)),
        check=lambda doc, start, end, tagged: (
            doc[start].lower_ in ACCUSATION_NOUNS or accusation(doc, start, end, tagged)
        ),
    ),
    Rule(
        "likelihood",
        HEDGE,
        "only probable, not an established fact",
        ((lower(*LIKELIHOOD),),),
        in_quote=False,
        forecast=True,
    ),
    Rule(
        "belief",
        HEDGE,
        "a belief, not an established fact",
        ((lemma(*BELIEF_VERBS),), (lemma(*INFERENCE_VERBS),)),
        check=clause_follows,
        in_quote=False,
    ),
    Rule(
        "speculation",
        HEDGE,
        "speculation, not an established fact",
        ((lower(*SPECULATION),),),
        in_quote=False,
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
                ),
                lower("that"),
            ),
        ),
    ),
    Rule(
        "reported_to_be",
        HEDGE,
        "a report in the passive: nobody vouches for it",
        ((lemma("be"), _PASSIVE_ADVERB, lemma(*REPORTING_PASSIVE, TAG="VBN"), lower("to")),),
        check=verb_follows,
    ),
    Rule(
        "it_is_said",
        HEDGE,
        "an impersonal report: nobody vouches for it",
        ((lower("it"), lemma("be"), _PASSIVE_ADVERB, lemma(*REPORTING_PASSIVE, TAG="VBN"), lower("that")),),
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
        "claims",
        HEDGE,
        "one side's assertion, not a checked fact",
        ((lemma("claim"),),),
        check=claim_with_clause,
        in_quote=False,
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
            (lower(*SOURCE_PEOPLE), lower("with"), {"IS_ALPHA": True, "OP": "?"}, lower("knowledge")),
        ),
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}


def compile_token(spec: dict[str, Any], tagged: bool) -> dict[str, Any]:
    """One token pattern for the model (as written) or for the fallback (lemmas as forms, no tags)."""
    if tagged:
        return {key: value for key, value in spec.items() if key != "RULES"}
    if "RULES" in spec:
        return dict(spec["RULES"])
    out: dict[str, Any] = {}
    for key, value in spec.items():
        if key == "LEMMA":
            out["LOWER"] = {"IN": sorted({form for word in value["IN"] for form in forms(word)})}
        elif key not in ("TAG", "POS"):
            out[key] = value
    return out


# Words too common to anchor a search: a pattern is looked for only around its rarest part.
FUNCTION_WORDS = frozenset(
    "be am is are was were been being 's 're ’s ’re to that for it if with of on the a an not n't no by".split()
)
WINDOW = 8  # tokens either side of an anchor; longer than any pattern


def anchor_words(pattern: tuple[dict[str, Any], ...]) -> frozenset[str]:
    """Lower-case forms of the pattern's last required token that is not a function word.

    Every match contains one of them, so the Matcher need only run near them.
    """
    for spec in reversed(pattern):
        if spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0"):
            continue
        for key, expand in (("LOWER", False), ("LEMMA", True)):
            words = spec.get(key, {}).get("IN") if isinstance(spec.get(key), dict) else None
            if words and not set(words) <= FUNCTION_WORDS:
                return frozenset(form for word in words for form in (forms(word) if expand else (word,)))
    raise ValueError(f"pattern without an anchor word: {pattern}")


@dataclass(frozen=True)
class CueMatch:
    rule: Rule
    start: int  # token indices in the doc
    end: int


class CueFinder:
    """Per-rule Matchers, each run only on the stretches around its anchor words.

    The Matcher's cost grows with patterns times tokens; a dictionary lookup per token
    (on the doc's LOWER array) finds the few places worth matching.
    """

    def __init__(self, vocab: Any, tagged: bool) -> None:
        from spacy.matcher import Matcher

        self.tagged = tagged
        self.matchers: dict[str, Any] = {}
        self.anchors: dict[int, list[str]] = {}
        for rule in RULES:
            matcher = Matcher(vocab, validate=True)
            matcher.add(
                rule.key, [[compile_token(t, tagged) for t in p] for p in rule.patterns], greedy="LONGEST"
            )
            self.matchers[rule.key] = matcher
            words = frozenset().union(*(anchor_words(p) for p in rule.patterns))
            for word in words:
                keys = self.anchors.setdefault(vocab.strings.add(word), [])
                if rule.key not in keys:
                    keys.append(rule.key)

    def find(self, doc: Any, lowers: list[int]) -> list[CueMatch]:
        """Every rule match whose check passes, in document order."""
        near: dict[str, list[int]] = {}
        for i, word in enumerate(lowers):
            for key in self.anchors.get(word, ()):
                near.setdefault(key, []).append(i)
        found = []
        for key, positions in near.items():
            rule = RULES_BY_KEY[key]
            for low, high in _windows(positions, len(doc)):
                for _, start, end in self.matchers[key](doc[low:high]):
                    start, end = start + low, end + low
                    if rule.check is None or rule.check(doc, start, end, self.tagged):
                        found.append(CueMatch(rule, start, end))
        return sorted(found, key=lambda match: (match.start, match.end))


def _windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """Merged [low, high) token ranges of WINDOW tokens around each position."""
    out: list[tuple[int, int]] = []
    for i in positions:
        low, high = max(0, i - WINDOW), min(length, i + WINDOW + 1)
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], high)
        else:
            out.append((low, high))
    return out


_lock = threading.Lock()
_finders: dict[tuple[int, bool], tuple[Any, CueFinder]] = {}


def finder_for(vocab: Any, tagged: bool) -> CueFinder:
    """The cue finder for this vocabulary and mode, built on first use.

    The vocab is kept alongside so its id cannot be reused by another object.
    """
    key = (id(vocab), tagged)
    with _lock:
        if key not in _finders:
            _finders[key] = (vocab, CueFinder(vocab, tagged))
        return _finders[key][1]
