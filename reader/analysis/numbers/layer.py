"""The numbers layer: every checkable figure, normalised, with the thing it counts and its group.

The figures come from ``number_parse.scan`` over each paragraph's text, so the
layer works the same with or without a model; the parse, when there is one,
only names the counted noun ("5.8 million" -> "artillery shells"). Groups tie
together one fact written several ways ("40%" / "40 percent", "160 km (100
miles)"), which is also what the checks layer compares when it looks for
conflicting figures.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from reader.analysis.context import Chunk, Results
from reader.analysis.model import Number
from reader.analysis.numbers.figure import Figure
from reader.analysis.numbers.parse import scan

# Words after a figure that are not the thing it counts.
NOT_COUNTED = frozenset(
    """of and or the a an in on at by for from to with were was are is have has had will would who which
    that as than per more less other others such each percent also be been being it its their his her
    our into over under since after before during about said says say according while but not so only
    all both strong""".split()
)
_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'-]*)")


class NumbersLayer:
    requires = ("text",)
    produces = ("numbers",)

    def __init__(self, results: Results) -> None:
        self.results = results
        # Indexes of numbers written as a "(conversion)" of the one before.
        self._parenthesised: set[int] = set()

    def feed(self, chunk: Chunk) -> None:
        text = chunk.text
        previous: Figure | None = None
        for figure in scan(text):
            unit = figure.unit
            if figure.kind in ("count", "range") and unit is None:
                unit = _counted_noun(chunk.doc, text, figure, self.results.has_parser)
            kind = figure.kind
            if kind == "count" and unit in _TIME_UNITS:
                kind = "quantity"
            number = Number(
                id=f"n{len(self.results.numbers)}",
                start=chunk.start + figure.start,
                end=chunk.start + figure.end,
                text=sys.intern(text[figure.start : figure.end]),  # "2", "40%", "people": one copy each
                kind=kind,
                value=figure.value,
                low=figure.low,
                high=figure.high,
                unit=sys.intern(unit) if unit else unit,
                qualifier=figure.qualifier,
            )
            if previous is not None and _is_conversion(text, previous, figure):
                self._parenthesised.add(len(self.results.numbers))
            self.results.numbers.append(number)
            previous = figure

    def finish(self) -> None:
        assign_groups(self.results.numbers, self._parenthesised)


_TIME_UNITS = {"days", "weeks", "months", "years", "hours", "minutes", "decades"}


def _is_conversion(text: str, previous: Figure, figure: Figure) -> bool:
    """ "160 km (100 miles)", "€20,000 (£17,500; US$22,900)": the same fact in another unit."""
    gap = text[previous.end : figure.start]
    if re.fullmatch(r"\s*\(\s*", gap):
        return True
    opened = text.rfind("(", 0, figure.start)
    return (
        bool(re.fullmatch(r"\s*[;,/]\s*(?:or\s+)?", gap))
        and opened > text.rfind(")", 0, figure.start)
        and opened != -1
    )


def assign_groups(numbers: list[Number], conversions: set[int]) -> None:
    """Group ids in order of first appearance: same figure, same unit and kind -> same group.

    A figure with no named unit joins the group of the same figure with a unit
    when there is exactly one such group ("at least seventeen" in a headline,
    "At least seventeen people" in the body).
    """
    keys = [_group_key(number) for number in numbers]
    unit_of: dict[tuple[Any, ...], set[str]] = {}
    for key, number in zip(keys, numbers, strict=True):
        if number.unit:
            unit_of.setdefault(key[:-1], set()).add(number.unit.casefold())
    groups: dict[tuple[Any, ...], str] = {}
    for index, (key, number) in enumerate(zip(keys, numbers, strict=True)):
        if index in conversions and index > 0:
            number.group = numbers[index - 1].group
            continue
        if number.unit is None and len(unit_of.get(key[:-1], ())) == 1:
            key = (*key[:-1], next(iter(unit_of[key[:-1]])))
        if key not in groups:
            groups[key] = f"g{len(groups)}"
        number.group = groups[key]


def _group_key(number: Number) -> tuple[Any, ...]:
    if number.value is None and number.low is None:
        # Dates and amounts with no value: the same words, spelt the same way.
        words = re.sub(r"[^\w]+", " ", number.text.casefold()).strip()
        return (number.kind, words, None, None, None)
    return (number.kind, number.value, number.low, number.high, (number.unit or "").casefold() or None)


def _counted_noun(doc: Any, text: str, figure: Figure, has_parser: bool) -> str | None:
    """The noun a count counts: from the parse when there is one, else the next plain word."""
    if has_parser:
        return _counted_noun_parsed(doc, figure)
    return _counted_noun_words(text, figure.core_end)


def _counted_noun_parsed(doc: Any, figure: Figure) -> str | None:
    span = doc.char_span(figure.start, figure.core_end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    for token in tokens:
        head = token.head
        if (
            token.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
            and head.idx >= figure.core_end
            and head.pos_ in ("NOUN", "PROPN")
        ):
            if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
                return None
            parts = [
                t.text
                for t in head.lefts
                if t.idx >= figure.core_end and t.dep_ == "compound" and t.pos_ == "NOUN"
            ]
            return " ".join([*parts, head.text]).casefold() if head.text.isalpha() else None
    for token in tokens:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "NOUN"]
                if objects:
                    return objects[0].text.casefold()
    return None


def _counted_noun_words(text: str, end: int) -> str | None:
    """Without a parse: the first plain lower-case word after the figure, with a plural noun after it.

    Up to two capitalised words in between are taken for adjectives ("11,000 North Korean soldiers").
    """
    first = _WORD.match(text, end)
    for _ in range(2):
        if first and first.group(1)[0].isupper():
            first = _WORD.match(text, first.end())
    if not first or not first.group(1).islower() or first.group(1) in NOT_COUNTED:
        return None
    second = _WORD.match(text, first.end())
    word = first.group(1)
    if (
        second
        and second.group(1).islower()
        and second.group(1) not in NOT_COUNTED
        and second.group(1).endswith("s")
        and not word.endswith("s")
    ):
        return f"{word} {second.group(1)}"
    return word
