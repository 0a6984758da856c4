"""Small tests and clean-ups on the words of a speaker phrase, shared by the speaker modules."""

from __future__ import annotations

import re
from typing import Any

from reader.analysis.speakers.cue import Cue
from reader.analysis.speakers.names import fold, initials, is_title, name_words
from reader.analysis.speakers.speech_verbs import ORG_WORDS, PERSON_ROLE_NOUNS

_ACRONYM_TAIL = re.compile(
    r"((?:,?\s+(?:of|from|for|and|on|the|de|du|des|la)?\s*[A-Z][\w\-]*)*)\s+\(([A-Z]{2,6})\)"
)


def beside_quote(cue: Cue, text: str, quoted: list[tuple[int, int]]) -> bool:
    """Only punctuation and spaces between the cue's phrase and a quotation mark on either side."""
    return any(
        (end <= cue.phrase_start and not text[end : cue.phrase_start].strip(" ,:;—–"))
        or (cue.phrase_end <= start and not text[cue.phrase_end : start].strip(" ,:;—–"))
        for start, end in quoted
    )


def describes_source(head: Any) -> bool:
    """A noun heading a phrase that can report words: not a pronoun, a figure-less "this", or a time."""
    return head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "TIME", "ORDINAL", "MONEY")


def reads_as_role(word: str) -> bool:
    """A title ("Minister") or a word for what a person does ("analyst")."""
    return is_title(word) or fold(word) in PERSON_ROLE_NOUNS


def with_acronym(text: str, start: int, end: int) -> tuple[int, str | None]:
    """A name written with its acronym, "Notes from Poland (NFP)": the full name's end and the acronym.

    NER sometimes stops short ("Notes"); the acronym's letters show how far the name runs.
    """
    match = _ACRONYM_TAIL.match(text, end)
    if not match:
        return end, None
    acronym = match.group(2)
    name_end = end + len(match.group(1))
    name = text[start:name_end]
    if fold(acronym) in initials(name_words(name), name):
        return name_end, acronym
    if (
        fold(acronym) in initials(name_words(text[start:end]), text[start:end])
        or len(text[start:end].split()) == 1
    ):
        return end, acronym if not match.group(1) else None
    return end, None


def person_like(words: list[str]) -> bool:
    """Two or three capitalised words with no organisation word: a name NER may have called ORG."""
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and fold(w) not in ORG_WORDS for w in words
    )


_HONORIFICS = frozenset({"mr", "mrs", "ms", "mme", "dr", "prof", "sir", "dame"})


def without_honorifics(lead: str) -> str:
    """Role words without a trailing "Dr." or "Mr.": forms of address, not roles."""
    words = lead.split()
    while words and fold(words[-1]).rstrip(".") in _HONORIFICS:
        words.pop()
    return " ".join(words)


def without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else phrase


def bare(word: str) -> str:
    """A word as a role key: folded, without brackets or a possessive ending."""
    word = fold(word).strip("()[],;:")
    return word[:-2] if word.endswith("'s") else word


def distinct(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t,;:":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end
