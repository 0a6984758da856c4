"""The model's attribute ruler, its rules matched from a table instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` maps tags to POS and morphology (and fixes a few lemmas) with
179 Matcher patterns, and spaCy's Matcher tries every pattern at every token, calling Python for
each set or regex test: about a tenth of the whole parse. Every one of those patterns is a fixed
run of tokens, each token tested on its TAG, LOWER, DEP or IS_SPACE alone, so which tests a token
passes depends only on those four values: that is worked out once per distinct combination (from
an index of the plain values, the few NOT_IN and REGEX tests evaluated) and cached. A pattern the
table cannot express (an operator, another attribute) stays with a Matcher. The ruler still sorts
and applies the matches itself, so its output is the stock ruler's, attribute for attribute
(tests/analysis/test_speedups.py).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher

# The token attributes a table test may read, in the order of the key built for each token.
KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = [TAG, LOWER, DEP, IS_SPACE]

Values = tuple[Any, ...]  # a token's KEY_ATTRS values: three strings (or OTHER_WORD) and a bool
MAX_WORDS = 200_000  # lowercase forms remembered at most
# Any lowercase form no test names: equal to no value, in no set, matched by no regex.
OTHER_WORD = object()


@dataclass(frozen=True, slots=True)
class _Known:
    """What the table knows about one combination of KEY_ATTRS values."""

    single: tuple[int, ...]  # match ids of the one-token patterns it matches
    passes: frozenset[int]  # the token tests it passes
    starts: tuple[int, ...]  # the longer patterns (indices into IndexedMatcher.runs) it may begin


class IndexedMatcher:
    """A stand-in for an AttributeRuler's Matcher: the same matches, found through the table."""

    def __init__(self, ruler: Any) -> None:
        """``ruler``: a spaCy AttributeRuler, whose rules are keyed "0", "1", ... in the order they apply."""
        self.original = ruler.matcher  # kept for get() (AttributeRuler.patterns reads it)
        self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        # Token tests by number: plain ones indexed by the values they accept, the others evaluated.
        self.index: dict[tuple[int, ...], dict[Values, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.evaluated: list[tuple[int, Callable[[Values], bool]]] = []
        self.singles: dict[int, list[int]] = defaultdict(list)  # test -> match ids of one-token patterns
        self.runs: list[tuple[int, tuple[int, ...]]] = []  # (match id, one test per token)
        # The lowercase forms some test names or some LOWER regex could match; every other form is
        # OTHER_WORD in the table's keys, so tokens differing only in it share one entry.
        self.named_lowers: set[str] = set()
        self.lower_regexes: list[re.Pattern[str]] = []
        tests = 0
        for key in (str(number) for number in range(len(ruler.attrs))):
            patterns = self.original.get(key)[1]
            if not all(_expressible(token) for pattern in patterns for token in pattern):
                self.rest.add(key, patterns)
                continue
            for pattern in patterns:
                numbers = tuple(range(tests, tests + len(pattern)))
                tests += len(pattern)
                for number, token in zip(numbers, pattern, strict=True):
                    self._add_test(number, token)
                if len(numbers) == 1:
                    self.singles[numbers[0]].append(self.strings[key])
                else:
                    self.runs.append((self.strings[key], numbers))
        self.lowers: dict[int, Any] = {}  # lowercase form's hash -> itself, or OTHER_WORD
        self.cache: dict[tuple[Any, ...], _Known] = {}

    def _add_test(self, number: int, token: dict[str, Any]) -> None:
        lower = token.get("LOWER")
        if isinstance(lower, dict):
            self.named_lowers.update(lower.get("IN", ()), lower.get("NOT_IN", ()))
            if "REGEX" in lower:
                self.lower_regexes.append(re.compile(lower["REGEX"]))
        elif lower is not None:
            self.named_lowers.add(lower)
        positions = tuple(sorted(KEY_ATTRS.index(attr) for attr in token))
        choices = [_plain_values(token[KEY_ATTRS[position]]) for position in positions]
        if all(choice is not None for choice in choices):
            for values in itertools.product(*choices):  # type: ignore[arg-type]
                self.index[positions][values].append(number)
            return
        checks = [(KEY_ATTRS.index(attr), _value_check(spec)) for attr, spec in token.items()]
        self.evaluated.append((number, lambda values: all(check(values[at]) for at, check in checks)))

    def get(self, key: str) -> Any:
        return self.original.get(key)

    def __call__(self, doc: Any, *, allow_missing: bool = False, as_spans: bool = False) -> list[Any]:
        """The (match id, start, end) triples the original gives, maybe in another order (the ruler sorts)."""
        assert not as_spans, "the attribute ruler asks for triples"
        matches = list(self.rest(doc, allow_missing=allow_missing)) if len(self.rest) else []
        cache = self.cache
        lowers = self.lowers
        known = []
        for tag, lower, dep, space in doc.to_array(_KEY_IDS).tolist():
            word = lowers.get(lower)
            if word is None:
                if len(lowers) >= MAX_WORDS:  # a corpus run's vocabulary: start afresh, not grow forever
                    lowers.clear()
                word = lowers[lower] = self._word(lower)
            key = (tag, word, dep, space)
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = self._learn(key)
            known.append(entry)
        matches += [(match_id, i, i + 1) for i, entry in enumerate(known) for match_id in entry.single]
        for i, entry in enumerate(known):
            for run in entry.starts:
                match_id, tests = self.runs[run]
                end = i + len(tests)
                if end <= len(known) and all(test in known[i + n].passes for n, test in enumerate(tests)):
                    matches.append((match_id, i, end))
        return matches

    def _word(self, lower: int) -> Any:
        """The lowercase form as the table sees it: itself if a test may care, else OTHER_WORD."""
        text = self.strings[lower]
        named = text in self.named_lowers or any(regex.search(text) for regex in self.lower_regexes)
        return text if named else OTHER_WORD

    def _learn(self, key: tuple[Any, ...]) -> _Known:
        values = (self.strings[key[0]], key[1], self.strings[key[2]], bool(key[3]))
        passes = {number for number, check in self.evaluated if check(values)}
        for positions, table in self.index.items():
            passes.update(table.get(tuple(values[position] for position in positions), ()))
        single = tuple(dict.fromkeys(match_id for test in passes for match_id in self.singles.get(test, ())))
        starts = tuple(number for number, (_, tests) in enumerate(self.runs) if tests[0] in passes)
        return _Known(single, frozenset(passes), starts)


def _expressible(token: dict[str, Any]) -> bool:
    """Whether the table can test this Matcher token pattern (else its rule stays with a Matcher)."""
    return bool(token) and all(
        attr in KEY_ATTRS
        and (
            isinstance(spec, bool) == (attr == "IS_SPACE")
            and isinstance(spec, (bool, str))
            or attr != "IS_SPACE"
            and isinstance(spec, dict)
            and bool(spec)
            and set(spec) <= {"IN", "NOT_IN", "REGEX"}
        )
        for attr, spec in token.items()
    )


def _plain_values(spec: Any) -> list[Any] | None:
    """The values a plain spec (a value, or IN) accepts; None for NOT_IN and REGEX."""
    if not isinstance(spec, dict):
        return [spec]
    return list(spec["IN"]) if set(spec) == {"IN"} else None


def _value_check(spec: Any) -> Callable[[Any], bool]:
    """The Matcher's semantics for one attribute's spec: a value, or IN / NOT_IN / REGEX (all must hold)."""
    if not isinstance(spec, dict):
        return lambda value: value == spec
    parts: list[Callable[[Any], bool]] = []
    if "IN" in spec:
        parts.append(lambda value, accepted=frozenset(spec["IN"]): value in accepted)
    if "NOT_IN" in spec:
        parts.append(lambda value, refused=frozenset(spec["NOT_IN"]): value not in refused)
    if "REGEX" in spec:
        regex = re.compile(spec["REGEX"])
        parts.append(lambda value: isinstance(value, str) and bool(regex.search(value)))
    return lambda value: all(part(value) for part in parts)


def index_attribute_ruler(nlp: Any) -> None:
    """Swap the matcher of ``nlp``'s attribute ruler (if it has one) for an IndexedMatcher."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.matcher = IndexedMatcher(ruler)
