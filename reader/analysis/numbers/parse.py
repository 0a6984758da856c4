"""Find the figures in a stretch of text and normalise them: pure regexes, no spaCy.

The statistical model misses and mislabels numbers (it tags "Su-27" a number and
"ten drones" nothing), and the rules-only fallback has no model at all, so the
figures come from the text itself. The scanner works in passes of falling
priority: spans that only look like numbers (times, day-and-month, "9/11",
version strings) are blocked first, then whole dates, then phrases whose
meaning is more than their digits ("all but one", "two-thirds", "twice as
many"), then plain figures with their currency, scale, percent and unit, which
are finally joined into ranges. A later pass never takes text an earlier one
claimed.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import replace

from reader.analysis.numbers.compound import join_measures
from reader.analysis.numbers.dates import BLOCKS, MONTH, Scanned, dates
from reader.analysis.numbers.figure import DIGITS, WORD_NUM_RE, Figure, number_value
from reader.analysis.numbers.phrases import phrases
from reader.analysis.numbers.units import (
    ATTACHED,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURES,
    QUALIFIERS,
)
from reader.analysis.numbers.words import (
    SCALES,
    SHORT_SCALES,
)

ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# Words that make the figure after them part of a name or a reference: "Article 5", "resolution 2259".
NAME_HEADS = {
    "article",
    "articles",
    "section",
    "chapter",
    "clause",
    "paragraph",
    "resolution",
    "amendment",
    "flight",
    "route",
    "highway",
    "interstate",
    "room",
    "page",
    "pages",
    "gate",
    "platform",
    "terminal",
    "episode",
    "season",
    "volume",
    "vol",
    "no",
    "nos",
    "apollo",
    "boeing",
    "airbus",
    "windows",
    "iphone",
    "galaxy",
    "model",
    "version",
    "protocol",
    "channel",
    "track",
    "line",
    "bus",
    "tu",
    "mig",
    "su",
}
# "one" is also a pronoun ("one of these groups", "no one") and an idiom ("one day").
ONE_FOLLOWERS_NOT_COUNTED = frozenset(
    """of another day time times point way side hand thing more last such who which that is was has had to
    in on at by for from and or but the a an as can could would will should may might must does did
    another's else like here there if with reason after too every each""".split()
)
ONE_PRECEDERS_NOT_COUNTED = frozenset("no any every each this that which the someone anyone everyone".split())
# "one commenter said", "one analyst wrote": "one" as a determiner before a voice, not a quantity.
ONE_VOICE = re.compile(
    r"\s+(?:(?:commenter|commentator|observer|analyst|critic|reader|viewer|listener|user|insider|pundit"
    r"|blogger|poster)s?\b|[a-z]+\s+(?:[a-z]+\s+)?(?:said|says|told|tells|wrote|writes|agreed|argued|added"
    r"|noted|commented|complained|posted|replied|claimed|suggested|remarked|tweeted)\b)"
)
# ... but "one of the victims" counts people.
PEOPLE = frozenset(
    """people victims suspects officers soldiers volunteers patients passengers workers employees children
    students journalists protesters survivors hostages prisoners civilians fighters pilots attackers gunmen
    men women residents migrants refugees doctors nurses defendants detainees casualties dead""".split()
)
COMPOUND_NOT_COUNTED = frozenset("way off time sided party handed dimensional fold all third thirds".split())

# Thousands separated by a comma or, in Arabic script, U+066C ("3٬500" is one figure).
NUMBER = rf"(?:{DIGITS}|{WORD_NUM_RE})"
_CURRENCY_PREFIX = (
    r"(?:(?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R)\$|\$|€|£|¥|₹|₽|₿|₩|₺|₪|₦|₴|Rs\.?\s?|"
    rf"(?:{'|'.join(CURRENCY_CODES)})\s?)"
)
_SCALE_AFTER = rf"(?:\s?(?:{'|'.join(SCALES)})\b|(?:tn|bn|mln|mn|m|k|b)(?![\w]))"
_PERCENT = r"(?:\s?%|\s?(?:percent|per\s?cent|pct|pc)\b|\s(?:percentage\s+points?)\b)"

_BOUNDARY_BEFORE = r"(?<![\w.,$€£¥₹₽₿₩₺₪₦₴])"
_ATOM = re.compile(
    rf"{_BOUNDARY_BEFORE}(?P<cur>{_CURRENCY_PREFIX})?(?P<num>{NUMBER})(?P<scale>{_SCALE_AFTER})?(?P<pct>{_PERCENT})?",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?<![\w-])(?P<q>"
    + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)


_COMPOUND_AFTER = re.compile(r"-(?P<word>[a-z]{2,14})(?P<old>-old)?\b")
_CURRENCY_AFTER = re.compile(
    r"\s(?P<w>"
    + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
    + "|"
    + "|".join(CURRENCY_CODES)
    + r")(?![\w])(?!\s+of\b)",
    re.IGNORECASE,
)
_MEASURE_AFTER = re.compile(
    r"\s?(?P<w>" + "|".join(sorted((re.escape(w) for w in MEASURES), key=len, reverse=True)) + r")(?![\w/])",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"\s?[–—]\s?|-|\s+to\s+", re.IGNORECASE)


def scan(text: str) -> list[Figure]:
    """Every figure in ``text``, in order, none overlapping."""
    taken = _Taken()
    figures: list[Figure] = []

    def take(figure: Figure) -> None:
        if taken.free(figure.start, figure.end):
            taken.add(figure.start, figure.end)
            figures.append(figure)

    scanned = Scanned(text)
    for figure in dates(scanned):
        take(figure)
    for pattern in BLOCKS:
        for match in scanned.finditer(pattern):
            if taken.free(match.start(), match.end()):
                taken.add(match.start(), match.end())
    for figure in phrases(text, scanned.lower):
        take(figure)
    atoms = [atom for atom in _atoms(text) if taken.free(atom.start, atom.end)]
    for figure in _join_ranges(text, join_measures(text, atoms)):
        take(figure)
    return [_with_qualifier(text, figure) for figure in sorted(figures, key=lambda f: f.start)]


class _Taken:
    """Disjoint claimed spans, kept sorted so a long paragraph is not checked pair by pair."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        if index and self.ends[index - 1] > start:
            return False
        return index == len(self.starts) or self.starts[index] >= end

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def parse_figure(text: str) -> Figure | None:
    """The figure that ``text`` consists of entirely, or None: "$3.5 billion" -> money 3.5e9 USD."""
    figures = scan(text)
    if len(figures) == 1 and figures[0].start == 0 and figures[0].end == len(text.rstrip()):
        return figures[0]
    return None


_GLUED_M = re.compile(r"(?P<cur>[$£€¥]\s?)?\d[\d.,]*m\b(?:\s+(?P<word>[a-z]+))?")
NEARBY_CHARS = 300


def _millions_nearby(text: str, start: int, end: int) -> bool:
    """Another glued "m" close by reads as millions: money ("$212m") or a count ("1.1m subscribers")."""
    for window in (text[max(0, start - NEARBY_CHARS) : start], text[end : end + NEARBY_CHARS]):
        for match in _GLUED_M.finditer(window):
            if match["cur"] or (match["word"] and match["word"] not in _LENGTH_CONTEXT):
                return True
    return False


def _atoms(text: str) -> list[Figure]:
    title_case = functools.cache(lambda: _title_case(text))  # needed for few figures
    atoms = []
    for match in _ATOM.finditer(text):
        atom = _atom(text, match, title_case)
        if atom is not None:
            atoms.append(atom)
    return atoms


def _title_case(text: str) -> bool:
    """Headlines in Title Case capitalise verbs too, so a capital before a figure says nothing there."""
    words = re.findall(r"[A-Za-z]{4,}", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _atom(text: str, match: re.Match[str], title_case: Callable[[], bool]) -> Figure | None:
    """One figure from a match of _ATOM, or None when the digits or words are not a figure here."""
    number = match["num"]
    start, end = match.start(), match.end()
    spelled = not number[0].isdigit() and number[0] != "."
    value = number_value(number)
    if value is None:
        return None
    if spelled:
        if not _counted_word(text, match.start("num"), match.end("num"), number):
            return None
        if end < len(text) and text[end].isalpha():
            return None  # "seventh", "tenths"
    elif not _digits_stand_alone(text, match, title_case):
        return None
    symbol = (match["cur"] or "").strip()
    currency = CURRENCY_SYMBOLS.get(symbol.lower()) or (symbol.upper() or None)
    scale_text = (match["scale"] or "").strip().lower()
    unit: str | None = None
    kind = "count"
    if scale_text in SCALES:
        value *= SCALES[scale_text]
    elif scale_text in ("bn", "tn", "mn", "mln") or (scale_text and currency):
        value *= SHORT_SCALES[scale_text]
    elif scale_text == "k":
        value *= 1e3
    elif scale_text == "m":
        # "5m" is five metres unless a counted noun follows ("5m people").
        follower = re.match(r"\s+([a-z]+)", text[end : end + 30])
        if (follower and follower.group(1) not in _LENGTH_CONTEXT) or (
            not follower and _millions_nearby(text, start, end)
        ):
            value *= 1e6  # "taking its total to 84.6m." next to "$212m" and "1.1m subscribers"
        else:
            unit, kind = "m", "quantity"
    elif scale_text:
        return None  # "3b": a name, not a figure
    core_end = end
    if match["pct"]:
        unit = "percentage points" if "point" in match["pct"].lower() else "%"
        kind = "percent"
    elif currency:
        unit, kind = currency, "money"
    elif kind == "count":
        unit, kind, end, rejected = _unit_after(text, end)
        if rejected:
            return None
    if kind == "count" and not spelled and _is_year(text, match, value):
        return Figure(start, end, "date", value=value, core_end=end)
    return Figure(
        start,
        end,
        kind,
        value=value,
        unit=unit,
        core_end=core_end if kind == "count" else end,
    )


def _unit_after(text: str, end: int) -> tuple[str | None, str, int, bool]:
    """Currency word, unit of measure or "-word" compound right after a figure: (unit, kind, new end, rejected)."""
    after = _CURRENCY_AFTER.match(text, end)
    if after:
        return CURRENCY_WORDS.get(after["w"].lower(), after["w"].upper()), "money", after.end(), False
    measure = _MEASURE_AFTER.match(text, end)
    if measure and (measure["w"].lower() != "m" or text[end : end + 1] == " "):
        return MEASURES[measure["w"].lower()], "quantity", measure.end(), False
    compound = _COMPOUND_AFTER.match(text, end)
    if not compound:
        return None, "count", end, False
    word = compound["word"]
    if word in COMPOUND_NOT_COUNTED:
        return None, "count", end, True
    if word in ("strong", "odd", "plus"):  # "a 7,000-strong force", "30-odd"
        return None, "count", compound.end(), False
    if word in MEASURES:
        return MEASURES[word], "quantity", compound.end(), False
    return (word if word.endswith("s") else f"{word}s"), "count", compound.end(), False


_LENGTH_CONTEXT = frozenset("long high wide tall deep away above below from in of to and or at by on".split())
_NOT_PLURAL_NOUNS = frozenset(
    "was is has as its his this always thus whereas plus across less unless".split()
)
_SENTENCE_OPENERS = ".!?:;\"“”‘’'([—–\n"


def _is_year(text: str, match: re.Match[str], value: float) -> bool:
    """A bare four-digit 1800-2099 is a year unless a qualifier or a plural noun says it counts ("2000 people")."""
    if match["cur"] or match["scale"] or match["pct"] or not re.fullmatch(r"\d{4}", match["num"]):
        return False
    if not 1800 <= value <= 2099:
        return False
    if _QUALIFIER.search(text, max(0, match.start() - 25), match.start()):
        return False
    follower = re.match(r"\s+([a-z]+)\b", text[match.end() : match.end() + 30])
    return not (follower and follower.group(1).endswith("s") and follower.group(1) not in _NOT_PLURAL_NOUNS)


def _digits_stand_alone(text: str, match: re.Match[str], title_case: Callable[[], bool]) -> bool:
    """Digits glued to letters or hyphenated onto a capitalised word are a name: G7, mAb114, COVID-19, Su-27."""
    start = match.start("num")
    before = text[max(0, start - 60) : start]
    if not match["cur"]:
        if before and before[-1].isalpha():
            return False
        # Both searches can only match at the end: the checks in front spare a scan of every position.
        hyphenated = re.search(r"([A-Za-z]+)-$", before) if before.endswith(("-", "-\n")) else None
        if hyphenated and any(c.isupper() for c in hyphenated.group(1)):
            return False
        head = re.search(r"([A-Za-z.]+)\s$", before) if before[-1:].isspace() else None
        if head and head.group(1).lower().rstrip(".") in NAME_HEADS:
            return False
        plain = not match["scale"] and not match["pct"] and "," not in match["num"]
        tally = re.match(r"\s*(?:to|-|–)\s*\d", text[match.end() : match.end() + 8])  # "the Senate 61 to 39"
        if head and plain and not tally and not title_case() and _capitalised_mid_sentence(before, head):
            return False  # "Boeing 737", "Apollo 11"
    after = text[match.end() : match.end() + 30]
    glued = re.match(r"[A-Za-z]+", after)
    if glued and glued.group(0) not in ("C", "F"):  # "1.5C" is a temperature; "5G", "4x4" are names
        letters = glued.group(0).lower()
        if letters in ORDINAL_SUFFIXES or letters not in ATTACHED:
            return False
    return not (re.match(r"\.\d", after) or re.match(r"-[A-Z]", after))


def _capitalised_mid_sentence(before: str, head: re.Match[str]) -> bool:
    word = head.group(1)
    if not word[:1].isupper() or re.fullmatch(MONTH, word):
        return False
    if word.lower() in QUALIFIERS or word.lower() in (
        "only",
        "just",
        "another",
        "exactly",
        "all",
        "the",
        "some",
        "and",
    ):
        return False
    preceding = before[: head.start()].rstrip()
    return bool(preceding) and preceding[-1] not in _SENTENCE_OPENERS


def _counted_word(text: str, start: int, end: int, number: str) -> bool:
    """Whether a spelled number states a quantity here, not a pronoun, idiom or name."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    if number[0].isupper():
        preceding = before.rstrip()
        sentence_start = not preceding or preceding[-1] in _SENTENCE_OPENERS
        previous_word = re.search(r"(\S+)$", preceding)
        if (
            not sentence_start
            and previous_word
            and (previous_word.group(1)[0].isupper() or previous_word.group(1) == "of")
        ):
            return False  # "Formula One", "Group of Seven"
    if re.match(r"-(?:" + "|".join(COMPOUND_NOT_COUNTED) + r")\b", after, re.IGNORECASE):
        return False
    if number.lower() == "zero" and after.startswith("-"):
        return False  # "zero-width", "zero-sum", "zero-tolerance": a compound adjective, not a count
    if number.lower() != "one":
        return True
    if ONE_VOICE.match(after):
        return False
    people = re.match(r"\s+of\s+(?:the|these|those)\s+([a-z]+)\b", after, re.IGNORECASE)
    if people:
        return people.group(1).lower() in PEOPLE
    previous = re.search(r"([A-Za-z']+)\s+$", before)
    if previous and previous.group(1).lower() in ONE_PRECEDERS_NOT_COUNTED:
        return False
    following = re.match(r"\s+([A-Za-z][\w'-]*)", after)
    return bool(following) and following.group(1).lower() not in ONE_FOLLOWERS_NOT_COUNTED


def _join_ranges(text: str, atoms: list[Figure]) -> list[Figure]:
    """Adjacent figures joined by a dash, "to" or "between ... and" become one range."""
    out: list[Figure] = []
    index = 0
    while index < len(atoms):
        first = atoms[index]
        joined = _range(text, first, atoms[index + 1]) if index + 1 < len(atoms) else None
        out.append(joined or first)
        index += 2 if joined else 1
    return out


def _range(text: str, first: Figure, second: Figure) -> Figure | None:
    gap = text[first.end : second.start]
    if _is_score(text, first, second, gap):
        return Figure(first.start, second.end, "ratio", core_end=second.core_end)
    lead = text[max(0, first.start - 12) : first.start]
    between = re.search(r"\bbetween\s+$", lead, re.IGNORECASE)
    if between and re.fullmatch(r"\s+and\s+", gap):
        start, qualifier = first.start - len(between.group(0)), "between"
    elif _RANGE_GAP.fullmatch(gap) and not re.search(r"\bfrom\s+$", lead, re.IGNORECASE):
        start, qualifier = first.start, None  # "from 40 to 30" is a change, not a range
    else:
        return None
    if (
        first.kind in ("date", "ratio")
        or second.kind in ("date", "ratio")
        or first.value is None
        or second.value is None
    ):
        return None
    if first.unit and second.unit and first.unit != second.unit:
        return None
    low, high = first.value, second.value
    first_scale, second_scale = _written_scale(text, first), _written_scale(text, second)
    if second_scale and not first_scale and low * second_scale <= high:
        low *= second_scale  # "$5 and $7 billion", "2 to 3 million": the scale written once covers both ends
    if not low < high:
        return None
    kind_unit = second.unit or first.unit
    return Figure(
        start,
        second.end,
        "range",
        low=low,
        high=high,
        unit=kind_unit,
        qualifier=qualifier,
        core_end=second.core_end,
    )


_SCORE_WORDS = re.compile(
    r"\b(?:won|win|wins|lost|lose|loses|beat|beats|beaten|defeated|drew|draw|score[sd]?|victory|defeat|lead|led"
    r"|trail(?:ed|ing)?|final)\b[^.!?]{0,30}$",
    re.IGNORECASE,
)


def _is_score(text: str, first: Figure, second: Figure, gap: str) -> bool:
    """ "won 7-2", "a 3-3 draw": one result, not two counts and not a range (the first is not below the second,
    or a result word leads in)."""
    if gap not in ("-", "–") or first.kind != "count" or second.kind != "count" or first.unit or second.unit:
        return False
    if not (
        re.fullmatch(r"\d{1,3}", text[first.start : first.end])
        and re.fullmatch(r"\d{1,3}", text[second.start : second.end])
    ):
        return False
    lead = text[max(0, first.start - 40) : first.start]
    return first.value >= second.value or bool(_SCORE_WORDS.search(lead))


def _written_scale(text: str, figure: Figure) -> float | None:
    words = text[figure.start : figure.end].lower()
    for name, scale in SCALES.items():
        if re.search(rf"\b{name}\b", words):
            return scale
    match = re.search(r"\d(tn|bn|mln|mn|m|k)\b", words)
    return SHORT_SCALES[match.group(1)] if match and not figure.unit == "m" else None


def _with_qualifier(text: str, figure: Figure) -> Figure:
    """Take a qualifier written just before the figure into its span."""
    if figure.qualifier == "between" or figure.kind == "date":
        return figure
    match = _QUALIFIER.search(text, max(0, figure.start - 25), figure.start)
    if not match:
        return figure
    return replace(figure, start=match.start("q"), qualifier=QUALIFIERS[match["q"].lower()])
