"""Grammatical gender of a speaker, for resolving "he" and "she" to a compatible candidate.

A person's gender comes from what the article writes: an honorific before the name ("Mr.", "Ms."),
a gendered role word ("spokeswoman", "chairman", "mother"), or a first name. First names are the
counts mined from the external evaluation texts (PolNeAR train, the Szeged Wikipedia and FactBank
texts; /work/shared/eval/external): a sentence naming one "First Last" as its subject followed by
a sentence opening with "He" or "She", and a "First Last" the same article later calls "Mr. Last"
or "Ms./Mrs. Last". A name is kept when one gender was seen at least twice and three times as
often as the other ("Lee", as often a man's name as a woman's in news, was left out).
Unknown stays unknown: it never rules a candidate out.
"""

from __future__ import annotations

import re

MALE_NAMES = frozenset(
    """
    Abid Akhil Alex Barack Ben Benjamin Bernie Bertin Blair Bob Bryan Carl Carlos Charlie Chris
    Corey Daniel David Dennis Donald Douglas Eddie Frank Frederick Garth Gene Geoff George Gilbert
    Gordon Harry Heinz Hogan Howard Ingvar Jacob James Jason Jeb Jeff Jeffrey Jessie Jim John Joseph
    Josh Laurence Luis Marco Mark Marshall Martin Matthew Michael Mike Mitt Neal Newt Nick Norm Oleg
    Oliver Owen Paul Peter Pierre Rafael Richard Rick Robert Roger Ron Ross Ryan Scott Sean Stephen
    Steve Steven Stewart Stuart Ted Thomas Tim Tom Victor Vladimir Warren William
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    Ann Annamaria Arianna Betty Carol Elizabeth Hillary Homira Huma Janet Kellyanne Lael Maureen
    Megyn Melba Michelle Monica Rhonda Robyn Samantha Sandra Tashfeen Theresa Yulia
    """.split()
)

MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "mme", "dame", "lady"})
# Role words that say the person's gender; "-man"/"-woman" compounds ("spokeswoman") by their ending.
MALE_ROLES = frozenset("father husband son brother uncle king prince boyfriend widower actor".split())
FEMALE_ROLES = frozenset(
    "mother wife daughter sister aunt queen princess girlfriend widow actress grandmother".split()
)
_WORD = re.compile(r"[A-Za-z]+")
# Words ending in "man" that say nothing of a person's gender ("a human rights lawyer", "German
# Chancellor"): not the "-man" of "chairman" or "spokesman".
_NOT_GENDERED = frozenset("human humans german roman ottoman shaman caiman talisman".split())
# What follows the role noun itself: its complement or a relative clause, which describes someone or
# something else ("head of the women's council", "who succeeded the chairman").
_COMPLEMENT = frozenset("of for at in with from to on by under who whom whose which that".split())


def gender_of(name: str, role: str | None, before: str) -> str | None:
    """'m', 'f' or None for a person named ``name`` with ``role``, ``before`` the text just before the name."""
    previous = _WORD.findall(before[-12:])
    if previous and previous[-1].lower() in MALE_HONORIFICS:
        return "m"
    if previous and previous[-1].lower() in FEMALE_HONORIFICS:
        return "f"
    by_role = role_gender(role or "")
    if by_role is not None:
        return by_role
    first = name.split()[0] if len(name.split()) >= 2 else ""
    if first in MALE_NAMES:
        return "m"
    if first in FEMALE_NAMES:
        return "f"
    return None


def role_gender(words: str) -> str | None:
    """The gender a role or description gives: 'spokeswoman', 'the chairman', 'his mother'.

    Only the role's own words count, not a complement after it: "rapporteur for the Office of ...
    Human Rights" says nothing of the rapporteur (each "; "-separated description is read so).
    """
    for part in words.lower().split(";"):
        found = _gender_word(part)
        if found is not None:
            return found
    return None


def _gender_word(role: str) -> str | None:
    for word in _WORD.findall(role):
        if word in _COMPLEMENT:
            return None
        if word in _NOT_GENDERED:
            continue
        if word in FEMALE_ROLES or word.endswith("woman") or word.endswith("women"):
            return "f"
        if word in MALE_ROLES or (word.endswith("man") and len(word) > 4):
            return "m"
    return None
