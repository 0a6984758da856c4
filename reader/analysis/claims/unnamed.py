"""Unnamed speakers: every quote the speakers layer gives to somebody unnamed is a source claim.

The source finder (``sources``) reads the words around a source noun; this
rule reads the speakers layer's results instead, so a quote whose speaker the
wording hides from the source finder ("two engineers who said", "some
lawmakers argued", "they said" after "officials") still yields its claim.

Which unnamed speakers count, per the guide's table: a group with no one named
("officials", "three analysts", "some engineers") is a ``vague_source``; one
person introduced without a name ("a spokesman", "one official") or anybody
described as anonymous or as an insider ("people familiar with the plan") is an
``anonymous_source``. Not counted: a definite role that points at one person
("the mayor", "the spokesman" with no indefinite mention before), a group
already introduced ("both officers", "these experts", "the two officials"),
unnamed speakers that are not people who pass facts on ("the company",
"the filing"): only the source nouns of ``sources`` make a speaker a source, and a
quote whose speaker is a pronoun ("they also said"): the speakers layer resolves
it, but the source was flagged where the article introduced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.claims.sources import (
    ANAPHORIC,
    ANONYMITY,
    ANONYMITY_MARKS,
    BROADCASTERS,
    DETERMINERS,
    FACT_VERB_FORMS,
    GROUP_SOURCES,
    INDEFINITE,
    PERSON_SOURCES,
    SCHOLARLY,
)
from reader.analysis.claims.studies import study_authors
from reader.analysis.claims.vocabulary import ANONYMOUS_SOURCE, SUBJECT_PRONOUNS, VAGUE_SOURCE
from reader.analysis.model import Quote, Speaker, TextSpan

# Words after which a label stops naming its head noun: "officials familiar with", "a dealer at".
HEAD_ENDS = frozenset(
    "familiar close with of for from in at on who which that whose speaking involved including led like such".split()
)
NEGATIONS = frozenset({"neither", "no", "none"})  # "neither US nor British authorities said": nobody did
# How English nationality adjectives end: "Syrian", "Chinese", "Israeli", "British", "French".
NATIONALITY_ENDINGS = ("an", "ese", "i", "ish", "ch")
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozen".split())
WORD = re.compile(r"[\w'’-]+")
# What may stand between a name and a description of that person: "Ann Lee, 32, a former aide".
APPOSITION_GAP = re.compile(r"\s*,\s*(?:(?:aged\s+)?\d{1,3}\s*,\s*)?$")


@dataclass(frozen=True, slots=True)
class UnnamedCue:
    """A quote by an unnamed source: its category, the quote's cue word and the speaker's nearest mention."""

    category: str
    anchor: tuple[int, int]  # the quote's cue word ("said")
    mention: tuple[int, int] | None


def category_of(description: str, study_cited: bool = False) -> str | None:
    """The source category one mention's words give its speaker, or None when they do not make one
    (in an article citing a published study, "researchers" are its authors: see ``studies``)."""
    words = [word.lower() for word in WORD.findall(description)]
    if not words:
        return None
    if study_cited and study_authors(_head(words) or "", None if words[0] not in DETERMINERS else words[0]):
        return None
    if (ANONYMITY | ANONYMITY_MARKS) & set(words) or "close" in words and "to" in words:
        head = _head(words)
        return ANONYMOUS_SOURCE if head in GROUP_SOURCES | PERSON_SOURCES else None
    determiner, head = words[0], _head(words)
    if determiner in ANAPHORIC or determiner in NEGATIONS or head is None:
        return None
    if determiner == "the" and (head in SCHOLARLY or len(words) > 1 and _counted(words[1])):
        return None  # "the researchers", "the two officers": people the article has introduced
    if head in BROADCASTERS and _outlet(WORD.findall(description), words.index(head)):
        return None
    if head in GROUP_SOURCES:
        return VAGUE_SOURCE
    if head[-1:] == "s" and head[:-1] in PERSON_SOURCES and determiner != "the":
        return VAGUE_SOURCE  # "two engineers", "some lawyers"; "the lawyers" are somebody's, introduced
    if head in PERSON_SOURCES and determiner in INDEFINITE:
        return ANONYMOUS_SOURCE
    return None


def _outlet(words: list[str], head: int) -> bool:
    """ "Ruritania (army) radio": a named outlet; "the radio" alone: the set (as ``sources`` reads
    them). A capitalised word counts as a name unless it is a nationality ("Syrian state TV")."""
    if head == 1 and words[0].lower() == "the":
        return True
    return any(word[:1].isupper() and not word.endswith(NATIONALITY_ENDINGS) for word in words[:head])


def _counted(word: str) -> bool:
    """A count after "the": "the two officers", "the 12 jurors"."""
    return word.isdigit() or word in NUMBER_WORDS


def _head(words: list[str]) -> str | None:
    """The noun a description is about: its last word before a modifier or clause ("officials" in
    "three officials familiar with the plan"); None when it opens with one ("of the crew")."""
    head = None
    for word in words:
        if word in HEAD_ENDS:
            break
        head = word
    return head


def _passes_facts(cue: str) -> bool:
    """The quote's cue word passes a fact on: a speech verb of ``sources`` or "according to"."""
    words = [word.lower() for word in WORD.findall(cue)]
    return bool(words) and (words[0] == "according" or any(word in FACT_VERB_FORMS for word in words))


def _described(text: str, mention: TextSpan) -> str:
    """A mention with the determiner before it that the speakers layer may have left out ("Both")."""
    before = WORD.findall(text[max(0, mention.start - 12) : mention.start])
    if (
        before
        and before[-1].lower() in DETERMINERS
        and not mention.text.lower().startswith(before[-1].lower())
    ):
        return f"{before[-1]} {mention.text}"
    return mention.text


def speaker_category(speaker: Speaker, text: str, study_cited: bool = False) -> str | None:
    """An unnamed speaker's source category: the first any of its descriptions gives.

    A later "the official" is the same unnamed person an earlier "an official" introduced.
    """
    if speaker.kind != "unnamed" or speaker.name:
        return None
    if not speaker.mentions:
        return category_of(speaker.label or "", study_cited)
    for mention in speaker.mentions:  # described one at a time: most speakers settle on the first
        category = category_of(_described(text, mention), study_cited)
        if category is not None:
            return category
    return None


def _describes_a_name(speaker: Speaker, names: list[TextSpan], text: str) -> bool:
    """The unnamed speaker is a description in apposition to a named person ("Ann Lee, 32, a former
    aide who said ..."): that person, named, however the speakers layer split them."""
    ends = {name.end for name in names}
    for mention in speaker.mentions:
        before = text[max(0, mention.start - 16) : mention.start]
        gap = APPOSITION_GAP.search(before)
        if gap is not None and mention.start - len(before) + gap.start() in ends:
            return True
    return False


def unnamed_cues(
    quotes: Iterable[Quote], speakers: Iterable[Speaker], text: str, study_cited: bool = False
) -> list[UnnamedCue]:
    """One cue per quote by an unnamed source (``study_cited``: the article cites a published study)."""
    speakers = list(speakers)
    names = [mention for speaker in speakers if speaker.name for mention in speaker.mentions]
    by_id = {speaker.id: speaker for speaker in speakers}
    categories: dict[str, str | None] = {}  # by speaker id: a speaker quoted often is described once
    out = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker or "")
        if speaker is not None and speaker.id not in categories:
            described = _describes_a_name(speaker, names, text)
            categories[speaker.id] = None if described else speaker_category(speaker, text, study_cited)
        category = categories[speaker.id] if speaker is not None else None
        if speaker is None or category is None:
            continue
        if quote.cue is None or not _passes_facts(quote.cue.text):
            continue  # no speech verb, or "asked", "urged", "declined": no fact passed on
        anchor = (quote.cue.start, quote.cue.end)
        mention = min(speaker.mentions, key=lambda m: abs(m.start - anchor[0]), default=None)
        if mention is not None and mention.text.lower() in SUBJECT_PRONOUNS:
            continue  # "they also said": the source was flagged where it was introduced, not again
        out.append(UnnamedCue(category, anchor, (mention.start, mention.end) if mention else None))
    return out
