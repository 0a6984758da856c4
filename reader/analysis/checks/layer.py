"""Consistency checks: a name or place spelt two ways, and two figures for one quantity.

The checks never change what the other layers found: "Kim Jong Un" and "Kim
Jong Il" stay whatever the speakers layer made of them, and the reader is
told that both forms appear. Each check is deliberately conservative, because
a warning that cries wolf on "Russia"/"Russian" teaches the reader to ignore
the panel.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass

from reader.analysis.checks.places import PLACE_VARIANTS
from reader.analysis.context import Chunk, Results
from reader.analysis.model import Check, CheckSpan, Number, Sentence

# Lower-case particles inside names: "Osama bin Laden", "Luigi Di Maio", "Ursula von der Leyen".
_PARTICLES = r"(?:bin|ibn|bint|al|el|de|da|di|du|del|della|van|von|der|den|le|la|abu|dos|das)"
_CAPITALISED = (
    r"(?:[A-ZÀ-ÞĀ-Ž]\.|[A-ZÀ-ÞĀ-Ž][\w’'-]*)"  # "Jessie K. Liu": only an initial carries a full stop
)
_PROPER_RUN = re.compile(rf"(?<![\w’'-]){_CAPITALISED}(?:\s+(?:{_PARTICLES}\s+)*{_CAPITALISED})*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Endings that make a different word, not a different spelling: "Russia"/"Russian", "Kurd"/"Kurds",
# "Israel"/"Israeli", and the feminine "Zakharov"/"Zakharova" (often the man's wife, not him).
_DERIVED_ENDINGS = ("s", "n", "i", "a")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MIN_VARIANT = 5  # a one-letter difference in a shorter name ("Mark"/"Mary") is as likely a different name
_MAX_BUCKET = 60  # forms sharing one key; more means the key is a common word
_SHORT_SYLLABLE = 3  # "Un"/"Il": given-name syllables that tell different people apart

_STOPWORDS = frozenset(
    """a an the and or but of in on at by for from to with as is was were are be been being has have had
    will would could should may might can this that these those it its their his her our they he she we
    you i not no so than then there here which who whom whose what when where while after before since
    about over under into out up down more less most least some any each all both also only said says say
    according told per cent percent million billion thousand""".split()
)


@dataclass(slots=True)
class _Occurrence:
    text: str
    start: int
    end: int


class ChecksLayer:
    requires = ("text", "sentences", "numbers", "speakers")
    produces = ("checks",)

    def __init__(self, results: Results) -> None:
        self.results = results
        # Each form's starts, in order: the form is the key, so an occurrence needs only its start, and
        # an array holds it in 8 bytes instead of an object and an int (a 3 MB text has ~250,000 runs).
        self._persons: dict[str, array[int]] = defaultdict(_starts)
        self._proper: dict[str, array[int]] = defaultdict(_starts)
        self._located: dict[str, array[int]] = defaultdict(_starts)  # places, buildings, regions NER found
        self._speaking: set[str] = set()  # the names and aliases of people the article quotes
        self._places = {form for pair in PLACE_VARIANTS for form in pair}

    def feed(self, chunk: Chunk) -> None:
        text = chunk.text
        for match in _PROPER_RUN.finditer(text):
            self._add(self._proper, match.group(0), chunk.start + match.start())
        for ent in chunk.ents:
            if ent.label_ == "PERSON":
                self._add(self._persons, ent.text, chunk.start + ent.start_char)
            elif ent.label_ in _PLACE_LABELS:
                self._add(self._located, ent.text, chunk.start + ent.start_char)

    def finish(self) -> None:
        if not self.results.has_ner:
            # No model: a run of two or more capitalised words is the best guess at a person's name.
            for form, occurrences in self._proper.items():
                if len(form.split()) >= 2:
                    self._persons[form] = occurrences
        for speaker in self.results.speakers:
            # Names and aliases only: nominal mentions ("the Russian expert") are not spellings of a name.
            if speaker.kind == "person":
                for form in filter(None, [speaker.name, *speaker.aliases]):
                    self._speaking.add(form)
                    if form in self._proper:
                        self._persons[form] = self._proper[form]
        self.results.checks.extend(place_checks(self.results.text))
        self.results.checks.extend(self._place_spellings())
        self.results.checks.extend(self._name_checks())
        self.results.checks.extend(number_conflicts(self.results))

    def _add(self, table: dict[str, array[int]], raw: str, start: int) -> None:
        form = _POSSESSIVE.sub("", raw.strip().rstrip(".,;:"))
        if not form or form in self._places or not form[0].isupper() or any(map(str.isdigit, form)):
            return
        starts = table[form]
        if not starts or starts[-1] < start:  # chunks and their matches come in order
            starts.append(start)
        elif start not in starts:
            bisect.insort(starts, start)

    def _name_checks(self) -> list[Check]:
        forms = {**self._proper, **self._persons}
        persons = set(self._persons)
        checks: list[Check] = []
        seen: set[frozenset[tuple[str, str]]] = set()
        for first, second in _candidate_pairs(forms):
            if first not in persons and second not in persons:
                continue
            verdict = compare_names(first, second)
            if verdict is None:
                continue
            how, differences = verdict
            if differences in seen:
                continue
            seen.add(differences)
            # Compare like with like: "Erdogan" against "Erdoğan", not against "President Recep Tayyip Erdoğan".
            words = min(len(first.split()), len(second.split()))
            shown_first, shown_second = (" ".join(form.split()[-words:]) for form in (first, second))
            kind = "name_variant"
            if how == "spelling" and self._a_place(first, second):
                kind, message = (
                    "place_variant",
                    f"'{shown_first}' and '{shown_second}' both appear: two spellings of one place?",
                )
            elif how == "spelling":
                message = f"'{shown_first}' and '{shown_second}' both appear: one name spelt two ways?"
            else:
                message = f"'{shown_first}' and '{shown_second}' both appear: near-identical names, possibly different people"
            checks.append(Check(kind, message, _spans(forms, first, second, shown_first, shown_second)))
        return checks

    def _a_place(self, first: str, second: str) -> bool:
        """NER read the forms as a place at least as often as as a person, and nobody quoted goes by
        either: the tagger reads one spelling of a city ("Timişoara") as a person as readily as it
        reads a man it names many times ("Soleimani") once as a place."""
        if {first, second} & self._speaking:
            return False
        places = sum(len(self._located.get(form, ())) for form in (first, second))
        persons = sum(len(self._persons.get(form, ())) for form in (first, second))
        return places > 0 and places >= persons

    def _place_spellings(self) -> list[Check]:
        """Places the table does not know, spelt two ways in one article ("Magnitogorsk" / "Magnitigorsk")."""
        checks: list[Check] = []
        for first, second in _candidate_pairs(self._located):
            if len(first.split()) != len(second.split()) or first in self._persons or second in self._persons:
                continue  # "Sedan" is not "South Sudan" spelt another way, though a name's tail may stand alone
            if _fold(first)[:1].casefold() != _fold(second)[:1].casefold():
                continue  # places that rhyme are other places: "Gambia" / "Zambia"
            verdict = compare_names(first, second)
            if verdict is None or verdict[0] != "spelling":
                continue
            message = f"'{first}' and '{second}' both appear: two spellings of one place?"
            checks.append(
                Check("place_variant", message, _spans(self._located, first, second, first, second))
            )
        return checks


def _spans(
    forms: dict[str, array[int]], first: str, second: str, shown_first: str, shown_second: str
) -> list[CheckSpan]:
    """Every occurrence of both forms, in text order, each narrowed to its compared words."""
    spans = [_tail(first, start, shown_first) for start in forms[first]]
    spans += [_tail(second, start, shown_second) for start in forms[second]]
    return sorted(spans, key=lambda span: span.start)


def _starts() -> array[int]:
    return array("q")


def _tail(form: str, start: int, shown: str) -> CheckSpan:
    """The span of the compared words inside one occurrence (at ``start``) of a longer ``form``."""
    end = start + len(form)
    if form.endswith(shown):
        return CheckSpan(end - len(shown), end, shown)
    return CheckSpan(start, end, form)


def place_checks(text: str) -> list[Check]:
    """Both spellings of a place from the table, each as a whole word of the article."""
    forms = sorted({form for pair in PLACE_VARIANTS for form in pair}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    found: dict[str, list[_Occurrence]] = defaultdict(list)
    for match in pattern.finditer(text):  # longest form first: "Zaporizhzhia" is not also "Zaporizhia"
        found[match.group(0)].append(_Occurrence(match.group(0), match.start(), match.end()))
    checks = []
    for old, new in PLACE_VARIANTS:
        if found.get(old) and found.get(new):
            spans = sorted(found[old] + found[new], key=lambda o: o.start)
            checks.append(
                Check(
                    "place_variant",
                    f"'{old}' and '{new}' both appear: two spellings of one place",
                    [CheckSpan(o.start, o.end, o.text) for o in spans],
                )
            )
    return checks


def _candidate_pairs(forms: dict[str, array[int]]) -> list[tuple[str, str]]:
    """Pairs of forms that could be variants, found by shared keys instead of comparing all pairs."""
    buckets: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for form in forms:
        tokens = form.split()
        for token in tokens:
            folded = _fold(token).casefold()
            if len(folded) >= _MIN_VARIANT:
                buckets[("edit", folded)].add(form)
                for index in range(len(folded)):
                    buckets[("edit", folded[:index] + folded[index + 1 :])].add(form)
        if len(tokens) >= 3:
            buckets[("stem", *tokens[:-1])].add(form)
    pairs = set()
    for members in buckets.values():
        if len(members) > _MAX_BUCKET:
            continue  # a common word ("President"), not a rare spelling
        ordered = sorted(members)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                pairs.add((first, second))
    return sorted(pairs, key=lambda pair: (min(forms[pair[0]][0], forms[pair[1]][0]), pair))


def compare_names(first: str, second: str) -> tuple[str, frozenset[tuple[str, str]]] | None:
    """("spelling" | "different_people", the differing token pairs), or None when not worth a check.

    Tokens are aligned from the right (the family name last, as news writes
    names): "Saree" against "Yahya Sarea", "Usama bin Ladin" against "Osama
    bin Laden". Every aligned pair must be equal or a spelling variant, and at
    least one must differ. Same-length names of three or more words that
    differ only in a short last word ("Kim Jong Un"/"Kim Jong Il") are
    near-identical names of different people.
    """
    a, b = first.split(), second.split()
    if a == b:
        return None
    aligned = list(zip(reversed(a), reversed(b), strict=False))
    differing = [(x, y) for x, y in aligned if x != y]
    if not differing:
        return None
    key = frozenset(tuple(sorted((_fold(x).casefold(), _fold(y).casefold()))) for x, y in differing)
    if all(_spelling_variant(x, y) for x, y in differing):
        return "spelling", key
    if (
        len(a) == len(b) >= 3
        and differing == [(a[-1], b[-1])]
        and max(len(a[-1]), len(b[-1])) <= _SHORT_SYLLABLE
        and a[-1][:1].isupper()
        and b[-1][:1].isupper()
    ):
        return "different_people", key
    return None


def _spelling_variant(x: str, y: str) -> bool:
    """Same letters but for accents ("Erdoğan"/"Erdogan"), or one letter apart ("Sarea"/"Saree")."""
    fx, fy = _fold(x), _fold(y)
    if fx.casefold() == fy.casefold():
        return x.casefold() != y.casefold()  # the accents differ; case alone ("McGurk"/"Mcgurk") is style
    if min(len(fx), len(fy)) < _MIN_VARIANT:
        return False
    lx, ly = fx.casefold(), fy.casefold()
    longer, shorter = (lx, ly) if len(lx) >= len(ly) else (ly, lx)
    if longer.startswith(shorter) and longer[len(shorter) :] in _DERIVED_ENDINGS:
        return False
    return x[:1].isupper() and y[:1].isupper() and _one_edit(lx, ly)


def _one_edit(x: str, y: str) -> bool:
    """Exactly one substitution, insertion, deletion or swap of neighbours apart."""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diffs = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and x[i] == y[j] and x[j] == y[i]
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _fold(text: str) -> str:
    """Drop accents: "Erdoğan" -> "Erdogan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def number_conflicts(results: Results) -> list[Check]:
    """Two figures for what reads as the same quantity: same counted thing, same kind, similar sentences.

    Bounds that agree are not conflicts ("at least 17" and "20"), nor are
    figures in one sentence (comparisons: "49% for ZMapp, 53% for remdesivir"),
    nor figures whose sentences share too few words to be about the same thing.
    A noun counted with many different figures ("301 stores", "19 stores",
    "74 stores") is a list of different things, not one disputed quantity.
    """
    candidates = [n for n in results.numbers if _comparable(n)]
    sentence_of = _sentence_index(results, candidates)
    groups: dict[tuple[str, str], dict[str, list[Number]]] = defaultdict(lambda: defaultdict(list))
    for number in candidates:
        if number.id in sentence_of:
            groups[(number.kind, _unit_key(number.unit or ""))][number.group or number.id].append(number)
    checks = []
    for by_group in groups.values():
        if not 2 <= len(by_group) <= _MAX_FIGURES_PER_THING:
            continue
        members = list(by_group.values())
        for i, first_group in enumerate(members):
            for second_group in members[i + 1 :]:
                pair = _conflicting_pair(results, sentence_of, first_group, second_group)
                if pair:
                    first, second = pair
                    checks.append(
                        Check(
                            "number_conflict",
                            f"'{first.text}' and '{second.text}' ({first.unit}) may be two figures for the same thing",
                            [
                                CheckSpan(first.start, first.end, first.text),
                                CheckSpan(second.start, second.end, second.text),
                            ],
                        )
                    )
    return checks


_MAX_FIGURES_PER_THING = 4


def _conflicting_pair(
    results: Results, sentence_of: dict[str, int], first_group: list[Number], second_group: list[Number]
) -> tuple[Number, Number] | None:
    if not _values_conflict(first_group[0], second_group[0]):
        return None
    for first in first_group:
        for second in second_group:
            if sentence_of[first.id] == sentence_of[second.id]:
                continue
            one = _context_words(results.text, results.sentences[sentence_of[first.id]], first)
            other = _context_words(results.text, results.sentences[sentence_of[second.id]], second)
            shared = one & other
            if len(shared) >= 2 and len(shared) >= 0.3 * len(one | other):
                return first, second
    return None


_POINT_QUALIFIERS = (None, "about", "estimated", "nearly")


def _comparable(number: Number) -> bool:
    return (
        number.kind in ("count", "quantity", "money", "percent")
        and number.value is not None
        and bool(number.unit)
        and number.qualifier in _POINT_QUALIFIERS
    )


def _values_conflict(first: Number, second: Number) -> bool:
    a, b = first.value or 0.0, second.value or 0.0
    tolerance = 0.1 if (first.qualifier or second.qualifier) else 0.0
    return abs(a - b) > tolerance * max(abs(a), abs(b))


def _unit_key(unit: str) -> str:
    unit = unit.casefold()
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def _sentence_index(results: Results, numbers: list[Number]) -> dict[str, int]:
    index: dict[str, int] = {}
    starts = [s.start for s in results.sentences]
    for number in numbers:
        position = bisect.bisect_right(starts, number.start) - 1
        if position >= 0 and number.start < results.sentences[position].end:
            index[number.id] = position
    return index


def _context_words(text: str, sentence: Sentence, number: Number) -> frozenset[str]:
    body = text[sentence.start : number.start] + " " + text[number.end : sentence.end]
    unit_words = set((number.unit or "").casefold().split())
    return frozenset(
        word
        for word in re.findall(r"[a-z]{3,}", body.casefold())
        if word not in _STOPWORDS and word not in unit_words and word.rstrip("s") not in unit_words
    )
