"""Numbers written as words: the vocabulary and its arithmetic.

News writes small counts and rounded large ones in words ("at least seventeen",
"three-and-a-half million", "a quarter million"); a fact-checker needs their
value as much as that of "5,800". The regex fragments here are shared by the
scanner in ``number_parse`` so one vocabulary decides what a number word is.
"""

from __future__ import annotations

import re

SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
HUNDRED = 100
# "lakh" and "crore" are how Indian and Pakistani outlets write 100,000 and 10,000,000.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
# Short scales written after digits ("1.2bn", "€40m", "£2.3tn", "5k").
SHORT_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# Denominators of fractions: "a third of", "two-thirds", "three quarters".
FRACTIONS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


CARDINAL = rf"(?:{_alternation([*SMALL, *TENS])})"
# "twenty-five", "twenty five"
COMPOUND = rf"(?:(?:{_alternation(list(TENS))})(?:[- ](?:{_alternation([w for w in SMALL if 0 < SMALL[w] < 10])}))?|{CARDINAL})"
SCALE_WORD = rf"(?:hundred|{_alternation(list(SCALES))})"
HALF_SUFFIX = r"(?:[- ]and[- ]a[- ]half)"
# A run of number words: "three hundred and twelve", "three-and-a-half million", "two million".
# Words join only through a scale word, so "two and three" stays two numbers.
_SCALE_STEP = rf"(?:[- ]{SCALE_WORD}(?:(?:[- ]and)?[- ]{COMPOUND})?)"
WORD_NUMBER = (
    rf"(?:{COMPOUND}{HALF_SUFFIX}?{_SCALE_STEP}*{HALF_SUFFIX}?"
    rf"|a[- ](?:{SCALE_WORD}|dozen){_SCALE_STEP}*)"
)
_WORD_SPLIT = re.compile(r"[\s\-]+")


def words_value(text: str) -> float | None:
    """The value of a run of number words, or None if it is not one.

    Works left to right like a spoken number: small numbers accumulate, "hundred"
    multiplies the running group, a larger scale closes the group into the total.
    """
    words = [w for w in _WORD_SPLIT.split(text.lower().strip()) if w]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    index = 0
    while index < len(words):
        word = words[index]
        if word == "and" and words[index + 1 : index + 3] == ["a", "half"]:
            current += 0.5
            index += 3
            seen = True
            continue
        if word == "a" and index == 0:
            current = 1.0
        elif word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word == "hundred":
            current = (current or 1.0) * HUNDRED
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        elif word != "and":
            return None
        seen = True
        index += 1
    return total + current if seen else None


def fraction_value(numerator: str, denominator: str) -> float | None:
    """ "two" + "thirds" -> 0.666..., "a" + "quarter" -> 0.25."""
    top = 1.0 if numerator.lower() in ("a", "an", "one") else words_value(numerator)
    bottom = FRACTIONS.get(denominator.lower())
    if top is None or bottom is None:
        return None
    return top / bottom
