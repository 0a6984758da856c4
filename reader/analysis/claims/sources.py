"""Unnamed sources: "officials said", "according to state media", "a spokesman told DW".

A fact attributed to somebody the article does not name cannot be checked
against that person. This is structure, not a phrase list: a source noun
("officials", "media", "a spokesman") counts only when it is what the fact is
attributed to — the subject of a speech verb, the object of "according to",
"citing" or "per", or the agent in "confirmed by" — and no name comes with it.
Plural and collective sources ("officials", "state media") are ``vague_source``;
one unnamed person ("a spokesman", "an official") is ``anonymous_source``.
With the model the parse finds the speech verb; without it, the same rules run
on the neighbouring words.

The quotes layer (speech_verbs, cues) decides who said what, for every
speaker; this module asks a narrower question — is the source of this fact
unnamed? — and must answer it the same way when no quote was attributed (the
rules-only fallback finds few). Its verb list is narrower on purpose: verbs
that pass a fact on ("said", "reported", "suggest"), not "asked", "called" or
"found", which the quotes layer only accepts with content checks.

Limits: a source named in a later sentence is still counted as unnamed here,
and a definite "the spokesman" is taken to point back at someone named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.analysis.claims.vocabulary import ANONYMOUS_SOURCE, VAGUE_SOURCE, forms

# Plural or collective sources: unnamed as a group.
GROUP_SOURCES = frozenset(
    "officials authorities sources media outlets reports witnesses eyewitnesses residents experts analysts "
    "observers diplomats insiders activists critics scientists researchers studies investigators locals "
    "estimates rumours rumors villagers survivors medics doctors rescuers lawmakers commentators officers "
    "aides staffers campaigners monitors journalists groups agencies unions charities television tv radio "
    "newspapers mps".split()
)
# Broadcasters and papers, unnamed only without a name before them ("state television").
BROADCASTERS = frozenset("television tv radio newspapers".split())
# Unattributed numbers and documents: a source only after "according to" or "citing", and only
# when nobody is named with them ("according to industry figures", not "figures from the ONS").
# Recordings and the news are documents too: "according to videos posted online", "according to local
# news" name nobody who vouches for them (while "news" before a verb is mostly a modifier: "moved
# into news reporting").
DOCUMENT_SOURCES = frozenset("figures data statistics videos footage news".split())
CREDIT_WORDS = frozenset("from by of released published compiled issued provided".split())
# Written sources a name may own or be credited with: then they are that name's, not vague.
WRITTEN_SOURCES = frozenset("estimates reports studies".split())
RELATIVE_REACH = 8  # words of a relative clause after a document source in which "by" may credit it
CREDIT_REACH = 4  # words after "by", "from" or "attributed to" in which the credited name may start
# Groups that are usually somebody already described when the article says "the ...".
SCHOLARLY = frozenset("experts analysts scientists researchers studies investigators observers".split())
# One unnamed person ("people" only as "one of the people").
PERSON_SOURCES = frozenset(
    "people spokesman spokeswoman spokesperson official source officer diplomat insider aide employee staffer "
    "resident witness eyewitness analyst expert adviser advisor member person worker doctor nurse "
    "commander soldier investigator executive engineer lawyer policeman medic rescuer journalist "
    "correspondent representative negotiator minister lawmaker legislator mp activist observer villager "
    "survivor relative neighbour neighbor colleague".split()
)
# "think" as "believe" ("analysts think the rally is over"): after a group source noun it is an
# uncertainty cue 6 of 7 times in the Szeged counts (FactBank and Wikipedia, held-out part left out).
FACT_VERBS = frozenset(
    "say tell report state add note announce confirm indicate estimate believe suggest warn explain "
    "insist acknowledge admit allege reveal disclose write claim show fear deny question suspect describe "
    "think".split()
)
FACT_VERB_FORMS = frozenset(form for word in FACT_VERBS for form in forms(word))
TELL_FORMS = frozenset(forms("tell"))
SHOW_FORMS = frozenset(forms("show"))
# Nouns among the speech-verb forms: without a tagger they are read as nouns ("state media").
NOUN_FORMS = frozenset(
    "state report reports claim claims estimate estimates note notes show shows fear fears suspect suspects".split()
)
INDEFINITE = frozenset({"a", "an", "one", "another"})
# Determiners that point back at people already in the article: "both officers", "these experts".
ANAPHORIC = frozenset("both these those such its their his her our my your".split())
DETERMINERS = INDEFINITE | ANAPHORIC | {"the", "some", "many", "several", "other", "most"}
# A relative or question word opens a clause: "a town where people believe" is no source "a ... people".
PHRASE_BREAKS = frozenset(
    "to by per and or but yet so while as although because when if of in at for with on from that which who "
    "whom whose where what how why whether citing quoting according".split()
)
# "its source said", "their sources told": an outlet's or a person's informant, unnamed by
# definition, not somebody the article already named (as "its spokesman" or "their officials" may be).
OWN_SOURCES = frozenset({"source", "sources"})
POSSESSIVES = frozenset("its their his her our my your".split())
# "Reports vary", "reports emerged that", "initial estimates put the toll at 40", "the early reports
# were of an explosion": reports or estimates as the subject of a verb that tells what they hold,
# though it is no speech verb. In PolNeAR's train articles 1-500 "estimates put" comes 3 times, each
# uncredited estimates of a figure.
HOLDING_FORMS = frozenset(
    form
    for word in ("vary", "differ", "conflict", "put", "place", "emerge", "surface", "circulate")
    for form in forms(word)
)
HOLDING_NOUNS = frozenset({"reports", "estimates"})
ANONYMITY = frozenset({"anonymous", "unnamed"})
ANONYMITY_MARKS = frozenset({"anonymity", "anonymously", "familiar", "knowledge"})
MAX_MODIFIERS = 4
ANONYMITY_REACH = 8  # words after an "according to" source in which its anonymity may be stated


@dataclass(frozen=True, slots=True)
class SourceHit:
    """An unnamed source: its category and the cue's token range [start, end) in the chunk doc."""

    category: str
    start: int
    end: int
    lead: str  # "according to", "citing", "per", "by" or "speech"
    noun: str
    determiner: str | None = None  # "some" in "some officials said"


def find_sources(doc: Any, positions: list[int], parsed: bool) -> list[SourceHit]:
    """Unnamed sources among the tokens at ``positions`` (those whose word is a source noun)."""
    hits = []
    for i in positions:
        token = doc[i]
        if parsed and token.pos_ not in ("NOUN", "PROPN"):
            continue  # "Gazeta Prawna reports only 0.5%": a verb
        hit = _source_hit(doc, token, parsed)
        if hit is not None:
            hits.append(hit)
    return hits


def _source_hit(doc: Any, noun: Any, parsed: bool) -> SourceHit | None:
    first, determiner = _phrase_start(doc, noun.i, parsed)
    word = noun.lower_
    if (
        determiner == "the"
        and first >= 2
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].lower_ in INDEFINITE
    ):
        first, determiner = first - 2, doc[first - 2].lower_  # "one of the people said": one of them, unnamed
    own_source = determiner in POSSESSIVES and word in OWN_SOURCES
    if (determiner in ANAPHORIC and not own_source) or _named(doc, noun, parsed):
        return None
    if any(doc[k].lower_ in ANONYMITY for k in range(first, noun.i)):
        category = ANONYMOUS_SOURCE  # "citing anonymous sources": anonymous, not merely vague
    elif word in GROUP_SOURCES:
        if determiner == "the" and (word in SCHOLARLY or _number_after_the(doc, first)):
            return None
        if word in BROADCASTERS and _outlet_or_set(doc, noun, first, determiner, parsed):
            return None
        if word in WRITTEN_SOURCES and _credited(doc, first, noun.i):
            return None  # "Upjohn's estimates", "reports attributed to the foreign ministry"
        category = VAGUE_SOURCE
    elif word in DOCUMENT_SOURCES and determiner is None:
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        lead = _lead_before(doc, first, parsed)
        credited = (
            (nxt is not None and nxt.lower_ in CREDIT_WORDS)
            or any(t.text[:1].isupper() for t in doc[first : noun.i])
            or _credited_in_clause(doc, noun.i)
            or _credited_by_participle(doc, noun.i)
        )
        if lead is None or lead[0] not in ("according to", "citing") or credited:
            return None
        return SourceHit(VAGUE_SOURCE, lead[1], noun.i + 1, lead[0], word)
    elif determiner in INDEFINITE or own_source:
        category = ANONYMOUS_SOURCE
    else:
        return None  # "the spokesman": someone the article has named or defined
    lead = _lead_before(doc, first, parsed)
    if lead is None and word in WRITTEN_SOURCES:
        lead = _opening_by(doc, first)
    if lead is not None:
        name, lead_start = lead
        if name == "by" and _appositive_name(doc, noun, parsed):
            return None  # "written by a member, Justice Ann Lee": the agent is named
        if category == VAGUE_SOURCE and _anonymised(
            doc, noun.i + 1, min(len(doc), noun.i + 1 + ANONYMITY_REACH)
        ):
            category = ANONYMOUS_SOURCE  # "according to two officials who spoke on condition of anonymity"
        return SourceHit(category, lead_start, noun.i + 1, name, word, determiner)
    verb = _speech_verb(doc, noun, first, parsed)
    if verb is None or (parsed and _named_subject(doc[verb], noun)):
        return None
    if category == VAGUE_SOURCE and _anonymised(doc, noun.i + 1, verb):
        category = ANONYMOUS_SOURCE  # "officials, speaking on condition of anonymity, said"
    return SourceHit(category, min(first, verb), max(noun.i, verb) + 1, "speech", word, determiner)


def _credited(doc: Any, first: int, i: int) -> bool:
    """A written source with its author: a name before it ("Upjohn's estimates") or after a credit
    word ("estimates by Dalbar", "reports attributed to the Japanese foreign ministry")."""
    if any(t.text[:1].isupper() and not t.is_sent_start for t in doc[first:i]):
        return True
    if _credited_by_participle(doc, i):
        return True
    after = [t for t in doc[i + 1 : i + 2 + CREDIT_REACH]]
    if not after or after[0].lower_ not in CREDIT_WORDS | {"attributed"}:
        return False
    return any(t.text[:1].isupper() for t in after[1:])


def _credited_by_participle(doc: Any, i: int) -> bool:
    """A participle and "by" a name after the source: "data collected by the Met Office", "footage
    aired by a Danish broadcaster, TV2" (the name within ``CREDIT_REACH`` words of "by")."""
    after = doc[i + 1 : i + 3 + CREDIT_REACH]
    if len(after) < 3 or after[1].lower_ != "by" or not after[0].is_alpha:
        return False
    if not (after[0].tag_ == "VBN" or after[0].lower_.endswith(("ed", "en", "wn"))):
        return False
    return any(t.text[:1].isupper() for t in after[2:])


def _opening_by(doc: Any, first: int) -> tuple[str, int] | None:
    """ "By some estimates, ...", "..., by early reports, ...": "by" opening a clause before written
    sources credits the fact to them, as "according to" does."""
    if first < 1 or doc[first - 1].lower_ != "by":
        return None
    opening = first == 1 or doc[first - 1].is_sent_start or doc[first - 2].is_punct
    return ("by", first - 1) if opening else None


def _credited_in_clause(doc: Any, i: int) -> bool:
    """A relative clause that credits the source to a name: "figures that were released on Monday by
    the Labour Office", "data which came from Eurostat"."""
    clause = doc[i + 1 : i + 2 + RELATIVE_REACH]
    if not clause or clause[0].lower_ not in ("that", "which"):
        return False
    for k, token in enumerate(clause):
        if token.is_punct:
            return False
        if token.lower_ in ("by", "from"):
            return any(t.text[:1].isupper() for t in clause[k + 1 : k + 1 + CREDIT_REACH])
    return False


def _anonymised(doc: Any, start: int, end: int) -> bool:
    """Words between a source and its verb that make it anonymous, not merely unnamed."""
    words = [token.lower_ for token in doc[start:end]]
    if ANONYMITY_MARKS & set(words):
        return True
    pairs = set(zip(words, words[1:], strict=False))
    return bool(pairs & {("close", "to"), ("be", "named"), ("be", "identified")})


def _phrase_start(doc: Any, i: int, parsed: bool) -> tuple[int, str | None]:
    """Where the noun phrase before doc[i] starts, and its determiner ("a senior US official")."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < MAX_MODIFIERS:
        token = doc[j]
        word = token.lower_
        if word in DETERMINERS:
            return j, word
        if not (token.is_alpha or token.text in ("-", "'s", "’s")) or word in PHRASE_BREAKS:
            break
        if _speech(token, parsed):
            break
        j -= 1
        steps += 1
    return j + 1, None


def _speech(token: Any, parsed: bool) -> bool:
    """A speech verb: by its tag with the model; by its form without ("state media" stays a noun)."""
    if parsed:
        return token.pos_ in ("VERB", "AUX") and token.lemma_ in FACT_VERBS
    return token.lower_ in FACT_VERB_FORMS and token.lower_ not in NOUN_FORMS


def _outlet_or_set(doc: Any, noun: Any, first: int, determiner: str | None, parsed: bool) -> bool:
    """ "Ruritania army radio": a named outlet; "the radio" alone: the set, not a source.
    "Syrian state television" and "local newspapers" stay unnamed (a nationality is no name)."""
    if parsed and any(token.pos_ == "PROPN" for token in doc[first : noun.i]):
        return True
    before = doc[noun.i - 1] if noun.i > 0 else None
    if not parsed and before is not None and before.text[:1].isupper() and not before.is_sent_start:
        return True
    return determiner == "the" and first == noun.i - 1


def _number_after_the(doc: Any, first: int) -> bool:
    """ "the two officers": a counted, already introduced group."""
    nxt = doc[first + 1] if first + 1 < len(doc) else None
    return nxt is not None and nxt.like_num


def _named(doc: Any, noun: Any, parsed: bool) -> bool:
    """The source comes with a name: "a spokesman, John Kirby, said", "officials such as Ann Lee"."""
    if (
        noun.text[:1].isupper()
        and noun.i > 0
        and doc[noun.i - 1].text[:1].isupper()
        and not doc[noun.i - 1].is_sent_start
    ):
        return True  # the last word of a name: "rival Lumen Media announced"
    if parsed:
        for child in noun.children:
            if child.dep_ in ("appos", "npadvmod") and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                return True
        return noun.ent_type_ == "PERSON"
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ",":
        nxt = doc[noun.i + 2] if noun.i + 2 < len(doc) else None
    return nxt is not None and nxt.is_title and not nxt.is_sent_start and not _speech(nxt, parsed)


def _named_subject(verb: Any, noun: Any) -> bool:
    """The speech verb has a named subject besides the source noun: "A member of the board, Ann Lee
    said", where the parser reads the description and the name as two subjects, not as one in
    apposition."""
    return noun.dep_ == "nsubj" and any(
        child.dep_ == "nsubj" and child.i != noun.i and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON")
        for child in verb.children
    )


def _appositive_name(doc: Any, noun: Any, parsed: bool) -> bool:
    """A name in apposition right after the source: "by a senior member, Justice Ann Lee"."""
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return False
    name = doc[noun.i + 2]
    if parsed:
        return name.pos_ == "PROPN" or name.ent_type_ == "PERSON"
    return name.is_title


def _lead_before(doc: Any, first: int, parsed: bool) -> tuple[str, int] | None:
    """ "according to", "citing", "quoting" or "per" right before the phrase."""
    before = doc[first - 1].lower_ if first >= 1 else ""
    if before in ("citing", "quoting", "per"):
        return before, first - 1
    if before == "to" and first >= 2 and doc[first - 2].lower_ == "according":
        return "according to", first - 2
    if before == "by" and first >= 2 and _speech(doc[first - 2], parsed):
        return "by", first - 2
    if before in ("and", "or") and first >= 2:
        # the second of two sources: "according to witness accounts and authorities"
        j = first - 2
        while (
            j > 0 and first - 2 - j < MAX_MODIFIERS and doc[j].is_alpha and doc[j].lower_ not in PHRASE_BREAKS
        ):
            j -= 1
        lead = _lead_before(doc, j + 1, parsed) if j + 1 < first - 1 else None
        if lead is not None and lead[0] in ("according to", "citing"):
            return lead
    return None


def _speech_verb(doc: Any, noun: Any, first: int, parsed: bool) -> int | None:
    """The index of the speech verb the source is the subject of ("officials said", "said a spokesman").

    Only a document shows a fact ("studies show"); people or groups who "show signs" say nothing.
    """
    verb = _any_speech_verb(doc, noun, first, parsed)
    if verb is None:
        verb = _reports_hold(doc, noun, parsed)
    if (
        verb is not None
        and doc[verb].lower_ in SHOW_FORMS
        and noun.lower_ not in WRITTEN_SOURCES | DOCUMENT_SOURCES
    ):
        return None
    return verb


def _any_speech_verb(doc: Any, noun: Any, first: int, parsed: bool) -> int | None:
    if parsed:
        head = noun.head
        if noun.dep_ == "conj":
            head = noun.head.head if noun.head.dep_ == "nsubj" else head
        # the passive subject of a speech verb is its listener or its topic ("residents were told")
        if noun.dep_ in ("nsubj", "conj") and head.pos_ == "VERB" and head.lemma_ in FACT_VERBS:
            return head.i
    # Adjacency, with or without a parse: "officials (subsequently) said", "said a spokesman".
    j = noun.i + 1
    while j < len(doc) and j <= noun.i + 2 and doc[j].lower_.endswith("ly") and doc[j].is_alpha:
        j += 1
    if j < len(doc) and _speech(doc[j], parsed):
        return j
    if first >= 1 and _speech(doc[first - 1], parsed) and doc[first - 1].lower_ not in TELL_FORMS:
        # "said a spokesman" names the speaker; "told local media" names the listener
        before = doc[first - 2] if first >= 2 else None
        if before is None or before.is_punct or before.is_quote:
            return first - 1
    return None


def _reports_hold(doc: Any, noun: Any, parsed: bool) -> int | None:
    """The verb by which reports say what they hold without a speech verb: "reports vary", "reports
    differ on the cause", "the early reports were of an explosion" (see ``HOLDING_FORMS``)."""
    if noun.lower_ not in HOLDING_NOUNS:
        return None
    if parsed:
        if noun.dep_ != "nsubj":
            return None
        verb = noun.head
    else:
        verb = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if verb is None or verb.i <= noun.i:
        return None
    if verb.lower_ in HOLDING_FORMS:
        return verb.i
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if verb.lower_ in ("is", "are", "was", "were") and nxt is not None and nxt.lower_ in ("of", "that"):
        return verb.i
    return None
