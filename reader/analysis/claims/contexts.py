"""Context a Matcher pattern cannot express, checked on each match of a cue rule.

Each check takes the doc, the match's token range and whether the doc is tagged
(the model) or not (the rules-only fallback), and says whether the words are the
cue here: is this "claim" a verb with a clause? is "may" the month? is
"accused" passive with nobody named as accusing?
"""

from __future__ import annotations

from typing import Any

from reader.analysis.claims.sources import GROUP_SOURCES
from reader.analysis.claims.vocabulary import (
    CAUSATIVES,
    CLAUSE_WINDOW,
    COMMON_INFINITIVES,
    FORECAST_STATES,
    FUTURE_TIMES,
    LEGISLATURES,
    MODAL_ADVERBS,
    NOT_VERBS,
    PERMITTED_DEALINGS,
    POLL_POPULATIONS,
    SUBJECT_PRONOUNS,
    forms,
)
from reader.analysis.speakers.speech_verbs import APPOINTEES

ACCUSATION_WINDOW = 8
QUOTE_MARKS = "'\"‘’“”"
TIME_REACH = 6  # words after a modal's state in which a time ahead makes it a forecast  # words after "accused" in which "of" names the charge
PAST_AUXILIARIES = frozenset("was were had".split())
HAVE_FORMS = frozenset("have has had 've ’ve".split())
ATTRIBUTIVE_DETERMINERS = frozenset("a an the his her its their this that these those".split())
# Words that may open a clause's subject: "it is possible the ship sank", "... some of them fled".
CLAUSE_DETERMINERS = frozenset("the a an this these those his her its their our some many".split())


def _after(doc: Any, end: int) -> Any | None:
    """The first word after a match, past any run of spaces (pasted text keeps double spaces)."""
    while end < len(doc) and doc[end].is_space:
        end += 1
    return _token(doc, end)


def _before(doc: Any, start: int) -> Any | None:
    """The last word before a match, past any run of spaces."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return _token(doc, i)


def _token(doc: Any, i: int) -> Any | None:
    return doc[i] if 0 <= i < len(doc) else None


def verb_follows(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """The word after the match, past adverbs, is a verb (an infinitive after "to"), not a noun: not
    "reported to police"; "is believed to rarely visit" is one."""
    after = _token(doc, _after_adverbs(doc, end, tagged))
    if after is None:
        return False
    if tagged:
        return after.pos_ in ("VERB", "AUX")
    return after.lower_ in COMMON_INFINITIVES


def verification_sense(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "confirmed" as checked, not as appointed: not "has yet to be confirmed by the Senate", "as
    minister", "the Senate has not confirmed him" or "remains unconfirmed by the Senate".

    A fact is confirmed; a person is confirmed in office: so a personal object ("him", "her",
    "me", a named person, "the nominee") means the appointment, and so does a legislature as agent.
    """
    after = _after(doc, end)
    if after is None:
        return True
    following = doc[end + 1 : end + 3]
    if after.lower_ == "as":
        return bool(following) and following[0].lower_ in ("of", "yet")  # "as of Monday" is a date
    if after.lower_ == "by":
        return not {token.lower_ for token in following} & LEGISLATURES
    return not (after.lower_ in APPOINTEES or (tagged and after.ent_type_ == "PERSON"))


def after_determiner(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "an apparent attempt" hedges; "it became apparent" does not."""
    before = _before(doc, start)
    return before is not None and before.lower_ in ("an", "the", "what", "its", "his", "her", "their")


def attributive(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "a reported fall", "the reported $2 billion": the participle between a determiner and what it
    describes, as "alleged" is used ("an alleged fall"), not the verb ("the paper reported a fall")."""
    before, after = _before(doc, start), _after(doc, end)
    if before is None or after is None or before.lower_ not in ATTRIBUTIVE_DETERMINERS:
        return False
    if tagged:
        return after.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "SYM") or after.tag_ == "$"
    return (after.is_alpha or after.like_num or after.text == "$") and after.lower_ not in NOT_VERBS


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

    "may have to" is an obligation, not a hedge. A modal takes a bare verb: before "-s" ("might
    makes right", "who has might stands") the word is the noun, which the tagger reads as a modal
    (in the Szeged counts none of 3 such uses is a cue).
    """
    modal = doc[start]
    i = _after_adverbs(doc, end, tagged)
    verb = _token(doc, i)
    if verb is None or (
        verb.lower_ == "have" and (_token(doc, i + 1) is not None and doc[i + 1].lower_ == "to")
    ):
        return False
    if tagged:
        return (
            modal.tag_ == "MD"
            and verb.pos_ in ("VERB", "AUX")
            and verb.tag_ != "VBZ"
            and not modal.is_sent_start
        )
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
    if nxt.lower_ in FORECAST_STATES or _time_ahead(doc, nxt.i + 1):
        return False
    if tagged:
        return nxt.tag_ == "VBG" or nxt.pos_ not in ("VERB", "AUX", "PUNCT")
    return not nxt.lower_.endswith("ed") and nxt.is_alpha


def _time_ahead(doc: Any, i: int) -> bool:
    """A time ahead within the clause after a state: "could be effective next year", "may be ready as
    early as May", "could be open by spring", which makes "modal + be + state" a forecast, not a hedge on
    a fact ("may be in hiding")."""
    for k in range(i, min(i + TIME_REACH, len(doc))):
        token = doc[k]
        if token.is_punct:
            return False
        if token.lower_ in FUTURE_TIMES or (token.lower_ == "early" and k > 0 and doc[k - 1].lower_ == "as"):
            return True
    return False


def _permission(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "The notes may be redeemed", "the shares may be sold until June": a passive of dealing in
    something (see ``PERMITTED_DEALINGS``), or any passive with a term's limit after it, is what the
    terms allow, not a possibility about a fact; "may not be finished until May" stays a forecast."""
    i = _after_adverbs(doc, end, tagged)
    if i >= len(doc) or doc[i].lower_ != "be":
        return False
    participle = _token(doc, _after_adverbs(doc, i + 1, tagged))
    if participle is None:
        return False
    if participle.lower_ in PERMITTED_DEALINGS:
        return True
    limit = _after(doc, participle.i + 1)
    negated = any(token.lower_ in ("not", "n't", "never") for token in doc[end:i])
    return limit is not None and limit.lower_ == "until" and not negated


def state_modal(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "could be a warning sign", "could be in hiding": "could" before "be" and a state, not before a
    passive ("could be sold"), a negation ("could not be greater") or "could be able to"."""
    if not modal_verb(doc, start, end, tagged):
        return False
    i = _after_adverbs(doc, end, tagged)
    if i >= len(doc) or doc[i].lower_ != "be" or any(t.lower_ in ("not", "n't", "never") for t in doc[end:i]):
        return False
    state = _token(doc, _after_adverbs(doc, i + 1, tagged))
    if state is None or state.lower_ in FORECAST_STATES or _time_ahead(doc, state.i + 1):
        return False
    if tagged:
        return state.pos_ not in ("VERB", "AUX", "PUNCT")
    return state.is_alpha and not state.lower_.endswith(("ed", "en"))


def poll_population(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "among likely voters": the poll's sample, named by the pollsters, not the writer's doubt."""
    after = _after(doc, end)
    return after is not None and after.lower_ in POLL_POPULATIONS


def modal_forecast(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "may visit", "might be replaced": a possibility ahead, the speaker's forecast when attributed."""
    return (
        modal_verb(doc, start, end, tagged)
        and not modal_fact(doc, start, end, tagged)
        and not _permission(doc, start, end, tagged)
    )


def appositive(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "..., a claim denied by the army": the phrase stands after a comma, in apposition to the
    sentence it describes, not "Claims rejected by the insurer rose"."""
    before = _before(doc, start)
    if before is not None and before.lower_ in ("a", "an", "the"):
        before = _before(doc, before.i)
    return before is not None and before.text == ","


def reduced_report(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "The man, thought to be a farmer, ...": a passive report opening a phrase after a comma,
    with a verb after "to" (not ", reported to police")."""
    before = _before(doc, start)
    return before is not None and before.text == "," and verb_follows(doc, start, end, tagged)


def past_clause(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """The belief's clause tells what happened: a perfect ("believes the men had met"), a past
    passive ("suspects the fire was set") or a past under a present belief ("believes the boat
    sank"). Such a belief hedges a fact in anybody's mouth; about the present or future ("believes
    prices will rise") a named speaker's belief is their opinion."""
    word = doc[end - 1]
    if not tagged:
        window = doc[end : min(end + CLAUSE_WINDOW, len(doc))]
        return any(
            token.lower_ in HAVE_FORMS and nxt.lower_.endswith(("ed", "en", "wn"))
            for token, nxt in zip(window, window[1:], strict=False)
        )
    for clause in word.children:
        if clause.dep_ != "ccomp" or clause.tag_ not in ("VBD", "VBN"):
            continue
        auxiliaries = {child.lower_ for child in clause.children if child.dep_ in ("aux", "auxpass")}
        if clause.tag_ == "VBN" and auxiliaries & (HAVE_FORMS | PAST_AUXILIARIES):
            return True
        if clause.tag_ == "VBD" and word.tag_ in ("VBZ", "VBP") and not auxiliaries:
            return True
    return False


def possibility_clause(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "It is possible (that) the plane was shot down", not "it is possible to see the coast":
    without "that", a subject must open the clause (in the Szeged counts 4 of 4 such openings are
    uncertainty cues; "possible to" and "possible for" 1 of 9)."""
    if doc[end - 1].lower_ == "that":
        return True
    after = _after(doc, end)
    if after is None or after.lower_ in NOT_VERBS - SUBJECT_PRONOUNS - CLAUSE_DETERMINERS:
        return False
    if tagged:
        return after.pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM")
    return after.lower_ in SUBJECT_PRONOUNS | CLAUSE_DETERMINERS or after.is_title


def impersonal_report(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "it is said (that) ...", "it had been believed ...", but not "it was reported to police"."""
    after = _after(doc, end)
    return doc[end - 1].lower_ == "that" or after is None or after.lower_ not in ("to", "by", "as", "for")


def compared(doc: Any, start: int) -> bool:
    """ "1.8 times more likely", "twice as likely", "30% less likely": a measured comparison of rates,
    a finding, not the writer's doubt. Without a multiplier ("patients are more likely to ...") the
    Szeged counts above mark "more likely" as an uncertainty cue, so it stays a hedge."""
    before = _before(doc, start)
    if before is None or before.lower_ not in ("more", "less", "as"):
        return False
    multiplier = _before(doc, before.i)
    return multiplier is not None and multiplier.lower_ in (
        "times",
        "twice",
        "thrice",
        "half",
        "%",
        "percent",
    )


def past_follows(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "probably" before a past ("probably died", "had probably left", "was probably"): a hedge on a
    fact, which stays one in anybody's mouth; before a present or future it is a forecast."""
    if doc[start].lower_ != "probably":
        return False
    verb = _token(doc, _after_adverbs(doc, end, tagged))
    before = _before(doc, start)
    if verb is None:
        return False
    if before is not None and before.lower_ in PAST_AUXILIARIES:
        return True  # "had probably left", "was probably built"
    if tagged:
        return verb.tag_ in ("VBD", "VBN")
    return verb.lower_ in PAST_AUXILIARIES or verb.lower_.endswith("ed")


def clause_follows(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """A verb of belief or inference with a clause after it ("suggests that", "believes he was"),
    not with an object ("suggested a meeting"); a source noun as holder ("analysts believe") is left
    to the source rules, which call it a vague source, but other groups ("many scholars believe
    that") hold a belief with nobody vouching for it."""
    word = doc[end - 1]
    after = _after(doc, end)
    if _caused(doc, start, tagged):
        return False
    if tagged:
        if word.pos_ != "VERB" or word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in GROUP_SOURCES for c in word.children):
            return False
        return any(c.dep_ in ("ccomp", "xcomp") for c in word.children) or (
            after is not None and after.lower_ == "that"
        )
    before = _before(doc, start)
    if before is not None and (before.lower_ in forms("be") or before.lower_.endswith("ly")):
        return False  # "is (widely) believed that": the passive rules' business
    if before is not None and before.lower_ in NOT_VERBS - SUBJECT_PRONOUNS:
        return False  # "the suspect who fled": a noun after a determiner
    return after is not None and (after.lower_ == "that" or after.lower_ in SUBJECT_PRONOUNS)


def _caused(doc: Any, start: int, tagged: bool) -> bool:
    """ "making you believe", "let them suggest": a belief somebody is made to hold, not one anybody
    holds (see ``CAUSATIVES``)."""
    word = doc[start]
    if tagged:
        return word.dep_ in ("ccomp", "xcomp") and word.head.lemma_ in CAUSATIVES
    before = [token.lower_ for token in doc[max(0, start - 3) : start] if not token.is_space]
    return any(form in before[:-1] for lemma in CAUSATIVES for form in forms(lemma))


def accusation(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "accused X of", "has been accused (by the police) of", "was blamed for" with nobody named as
    blaming: an accusation is not an established fact whoever makes it, but blame with its source
    ("was blamed by the inspectors for") is that source's finding. "Suspected" accuses only with
    its charge next ("is suspected of", "in"): not "suspected on the basis of tests"."""
    word = doc[end - 1]
    window = {token.lower_ for token in doc[end : end + ACCUSATION_WINDOW]}
    if word.lower_.startswith("suspect"):
        after = _after(doc, end)
        if after is None or after.lower_ not in ("of", "in"):
            return False
        if not tagged:
            return (
                word.lower_ == "suspected"
                and _before(doc, start) is not None
                and (_before(doc, start).lower_ in forms("be"))
            )
    if tagged:
        if word.pos_ != "VERB":
            return False
        children = {c.dep_: c for c in word.children}
        passive = "auxpass" in children or "nsubjpass" in children
        if word.lemma_ == "accuse":
            return passive or "of" in window
        if passive and any(c.dep_ == "agent" for c in word.children):
            return False  # "was blamed by the inspectors for": the blame has a named source
        if not passive:
            return False  # "the union blamed the heat for": a named party's view, not an accusation
        return True
    return bool(window & {"of", "for"}) and ("by" not in window or word.lower_.startswith("accus"))


def claim_with_clause(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "claim" asserting something ("claimed the site was", "claims that"), not a noun or an object.

    "claimed responsibility", "insurance claims", "Turkish-claimed waters" and "the claim" are not cues.
    """
    word = doc[start]
    after = _after(doc, end)
    before = _before(doc, start)
    if after is not None and after.lower_ == "that":
        return True
    if before is not None and before.text in ("-", "–"):
        return False
    if tagged:
        if word.pos_ != "VERB":
            return False
        return any(
            child.dep_ in ("ccomp", "xcomp") or _subject_taken_as_object(doc, child)
            for child in word.children
        )
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
        token.lower_ in forms("be") + forms("have") + ("would", "will", "had") or token.lower_.endswith("ed")
        for token in window
    )


def _subject_taken_as_object(doc: Any, child: Any) -> bool:
    """ "groups claiming the election was stolen": the parser may take the clause's subject for the
    verb's object; a finite verb right after that object shows the clause ("claimed victory" has none)."""
    if child.dep_ != "dobj":
        return False
    after = _token(doc, child.right_edge.i + 1)
    return after is not None and (after.pos_ == "AUX" or after.tag_ in ("VBD", "VBZ", "VBP", "MD"))


def counted_holders(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """ "Some say the vote was rigged", "many thought the dam had failed": a pronoun that only counts
    the holders is the subject of a verb of saying or belief with a clause, the guide's "some experts
    say" with no experts named; not "some say nothing" or "the many believe in luck"."""
    holder = doc[start]
    if tagged:
        verb = doc[end - 1]
        if (
            holder.dep_ != "nsubj"
            or holder.head.i != verb.i
            or holder.pos_ not in ("PRON", "DET", "NOUN", "ADJ")
        ):
            return False
    else:
        before = _before(doc, start)
        if before is not None and not (before.is_punct or before.lower_ in ("and", "but", "while", "though")):
            return False
    return clause_follows(doc, end - 1, end, tagged)


def report_not_naming(doc: Any, start: int, end: int, tagged: bool) -> bool:
    """A passive report with a verb after it (``verb_follows``), but not a definition that names a
    term in quotes: "such a chord is said to be 'open'", "the field is said to have "good curvature"".
    In the Szeged counts a present "is/are said to be/have" before a quoted term is a cue 0 of 7 times;
    a past ("was said to be 'furious'") reports somebody's words and stays a hedge."""
    if not verb_follows(doc, start, end, tagged):
        return False
    words = [token for token in doc[start:end] if not token.is_space]
    if words[0].lower_ not in ("is", "are") or words[-2].lower_ != "said":
        return True
    i = _after_adverbs(doc, end, tagged)
    if i < len(doc) and doc[i].lower_ in ("be", "have"):
        i += 1
    term = _after(doc, i)
    if term is not None and term.lower_ in ("in", "a", "an", "the"):
        term = _after(doc, term.i + 1)
    return term is None or not (term.is_quote or term.text[:1] in QUOTE_MARKS)
