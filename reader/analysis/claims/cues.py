"""The cue rules (``rules``) compiled into spaCy Matchers and run over a chunk.

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
from dataclasses import dataclass
from typing import Any

from reader.analysis.claims.rule import Rule
from reader.analysis.claims.rules import RULES, RULES_BY_KEY
from reader.analysis.claims.vocabulary import forms


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


# Between any two words of a pattern: the space tokens a run of spaces leaves ("appears  to").
SPACES = {"IS_SPACE": True, "OP": "*"}


def spaced(pattern: tuple[dict[str, Any], ...], tagged: bool) -> list[dict[str, Any]]:
    """A pattern compiled token by token, matching across runs of spaces inside the text."""
    out: list[dict[str, Any]] = []
    for spec in pattern:
        if out:
            out.append(SPACES)
        out.append(compile_token(spec, tagged))
    return out


# Words too common to anchor a search: a pattern is looked for only around its rarest part.
FUNCTION_WORDS = frozenset(
    "be am is are was were been being 's 're ’s ’re to that for it if with of on the a an not n't no by".split()
)
WINDOW = 16  # tokens either side of an anchor; longer than any pattern, with spaces between its words


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


@dataclass(frozen=True, slots=True)
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
            matcher.add(rule.key, [spaced(p, tagged) for p in rule.patterns], greedy="LONGEST")
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
