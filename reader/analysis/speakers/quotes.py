"""Turn one paragraph's quotation marks and cues into quotes.

Order of preference, per quoted stretch: a cue right beside it (``"...," said
X``, ``X said: "..."``, ``"...," he added, "..."``) makes it a direct quote;
otherwise a cue whose reported clause contains it makes the clause a mixed
quote (``said the invasion was "to prevent ..."``); otherwise, if it reads as
speech (a sentence, or a fragment of four words or more) right after a quote
of speaker X, it continues X. Short uncued fragments and quoted titles are
scare quotes or names, not quotes. Cues left over with a reported clause
become indirect or ``according_to`` quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.analysis.quotation import DOUBLE_MARKS
from reader.analysis.speakers.cue import Cue
from reader.analysis.speakers.quote_marks import Quoted
from reader.analysis.speakers.titles import title_like, words_of

Ref = TypeVar("Ref")

_SMALL_GAP = re.compile(r"^[\s,:;—–\-\"'“”‘’«»„‚‹›]*$")
_SENTENCE_END = re.compile(r"[.!?]")
_QUOTE_CHARS = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
MIN_FRAGMENT_WORDS = 4
RELAXED_GAP_CHARS = 50


@dataclass(slots=True)
class Draft(Generic[Ref]):
    """A quote before ids exist: paragraph-relative span, kind, cue span and speaker reference."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    ref: Ref | None
    closed: bool = True  # False: an unclosed quote running to the paragraph end


def attribute(
    text: str,
    quoted: list[Quoted],
    cues: list[Cue],
    refs: list[Ref | None],
    previous: Ref | None,
    *,
    relaxed: bool = False,
    continues: bool = False,
) -> list[Draft[Ref]]:
    """The paragraph's quotes in text order.

    ``previous`` is the speaker of the last quote before this paragraph (for
    uncued quotes that continue it); ``continues`` says the first quoted
    stretch reopens a quote left open by the previous paragraph; ``relaxed``
    widens the cue window for the rules-only fallback, whose cue phrases are
    only the verb and a name.
    """
    drafts: list[Draft[Ref]] = []
    used: set[int] = set()
    placed: set[int] = set()
    _cued_quotes(text, quoted, cues, refs, relaxed, drafts, used, placed)
    _reported_content(quoted, cues, refs, drafts, used, placed)
    drafts.sort(key=lambda d: d.start)
    _uncued_quotes(text, quoted, previous, continues, drafts, placed)
    drafts.sort(key=lambda d: d.start)
    return drafts


def _cued_quotes(
    text: str,
    quoted: list[Quoted],
    cues: list[Cue],
    refs: list[Ref | None],
    relaxed: bool,
    drafts: list[Draft[Ref]],
    used: set[int],
    placed: set[int],
) -> None:
    """Quoted stretches with a cue right beside them: direct quotes, or mixed when a fragment."""
    for number, quote in enumerate(quoted):
        choice = _direct_cue(text, quoted, number, cues, relaxed)
        if choice is None:
            continue
        cue = cues[choice]
        # 'noted "serious concerns"': a fragment that is the verb's object is a mixed quote.
        fragment = cue.phrase_end <= quote.start and not re.search(
            r"[,:]", text[cue.phrase_end : quote.start]
        )
        if fragment and title_like(words_of(text[quote.inner_start : quote.inner_end])):
            continue  # 'told MSNBC's "Morning Joe" that ...': a programme's name; the cue reports the clause
        used.add(choice)
        placed.add(number)
        kind = (
            "mixed" if fragment and not _is_sentence(text[quote.inner_start : quote.inner_end]) else "direct"
        )
        drafts.append(
            Draft(
                quote.inner_start,
                quote.inner_end,
                kind,
                (cue.verb_start, cue.verb_end),
                refs[choice],
                quote.closed,
            )
        )


def _reported_content(
    quoted: list[Quoted],
    cues: list[Cue],
    refs: list[Ref | None],
    drafts: list[Draft[Ref]],
    used: set[int],
    placed: set[int],
) -> None:
    """The other cues' content: mixed when it holds quoted words, else indirect or 'according to'."""
    beside = list(drafts)  # quotes placed by a cue right beside them
    for index, cue in enumerate(cues):
        if cue.content is None:
            continue
        start, end = cue.content
        # A quotation opened inside the reported clause is part of it to its close, even where the
        # parse ends the clause early ('said it was "not that there are no tests, not that ..."').
        inside = [n for n, q in enumerate(quoted) if n not in placed and start <= q.inner_start < end]
        if index in used and (inside or not _reports_besides_its_quote(cue, beside)):
            continue
        if any(d.start < end and start < d.end for d in beside):
            continue  # the same words already quoted with their own cue
        if inside:
            placed.update(inside)
            end = max(end, max(quoted[n].end for n in inside))
            closed = all(quoted[n].closed for n in inside)
            drafts.append(Draft(start, end, "mixed", (cue.verb_start, cue.verb_end), refs[index], closed))
        elif (
            (refs[index] is not None or cue.agentless)
            and not cue.needs_quote
            and not _overlaps_quote(start, end, quoted)
        ):
            kind = "according_to" if cue.according else "indirect"
            drafts.append(Draft(start, end, kind, (cue.verb_start, cue.verb_end), refs[index]))


def _uncued_quotes(
    text: str,
    quoted: list[Quoted],
    previous: Ref | None,
    continues: bool,
    drafts: list[Draft[Ref]],
    placed: set[int],
) -> None:
    """Quotes no cue placed: the speaker of the quote before them (or ``previous``), when they read as speech."""
    for number, quote in enumerate(quoted):
        if number in placed:
            continue
        inner = text[quote.inner_start : quote.inner_end]
        before = [d for d in drafts if d.end <= quote.start and d.ref is not None]
        speaker = before[-1].ref if before else previous
        forced = continues and number == 0
        if not forced and not _reads_as_speech(inner):
            continue
        if speaker is None and not forced and not _is_sentence(inner):
            continue
        kind = "direct" if forced or _is_sentence(inner) else "mixed"
        drafts.append(Draft(quote.inner_start, quote.inner_end, kind, None, speaker, quote.closed))


def _direct_cue(text: str, quoted: list[Quoted], number: int, cues: list[Cue], relaxed: bool) -> int | None:
    """The cue that introduces or follows this quoted stretch with nothing but punctuation between."""
    quote = quoted[number]
    if relaxed and not _reads_as_speech(text[quote.inner_start : quote.inner_end]):
        relaxed = False  # a far cue never claims a scare-quoted word
    before = after = None
    for index, cue in enumerate(cues):
        if cue.agentless:
            continue  # the one who asked a question never speaks the answer beside it
        within = (
            cue.content is not None
            and cue.content[0] <= quote.inner_start
            and quote.inner_end <= cue.content[1] + 1
        )
        if cue.phrase_end <= quote.start and _gap_ok(
            text[cue.phrase_end : quote.start], relaxed and not within
        ):
            if number == 0 or quoted[number - 1].end <= cue.phrase_start:
                before = index
        elif (
            cue.phrase_start >= quote.end
            and after is None
            and _gap_ok(text[quote.end : cue.phrase_start], relaxed)
        ):
            last_inner = text[quote.inner_end - 1 : quote.inner_end]
            same_sentence = cue.sentence_start <= max(quote.inner_end - 1, quote.start) < cue.sentence_end
            # '"Why now?" she asked.' may be split into two sentences; a cue with words of
            # its own to report ('" Kino Gabriel said, "..."') belongs to what follows it.
            if same_sentence or last_inner in ",—–" or cue.content is None:
                after = index
    if before is not None and after is not None:
        ends_with_comma = text[quote.inner_end - 1 : quote.inner_end] in (",", "—", "–")
        introduces_next = (
            number + 1 < len(quoted)
            and cues[after].phrase_end <= quoted[number + 1].start
            and _gap_ok(text[cues[after].phrase_end : quoted[number + 1].start], relaxed)
        )
        return after if ends_with_comma and not introduces_next else before
    return before if before is not None else after


def _gap_ok(gap: str, relaxed: bool) -> bool:
    if _SMALL_GAP.match(gap):
        return True
    return (
        relaxed
        and len(gap) <= RELAXED_GAP_CHARS
        and not _SENTENCE_END.search(gap)
        and not _QUOTE_CHARS.search(gap)
    )


def _reports_besides_its_quote(cue: Cue, beside: list[Draft[Ref]]) -> bool:
    """'Lee denied the deal existed, with aides calling it "a fantasy"', 'Citing "old ties," the aide
    told us that Lee will skip the gala': a cue that a quotation before it or later in the sentence took
    as its own still reports the clause it governs, when that quotation lies outside the clause."""
    assert cue.content is not None
    start, end = cue.content
    own = [d for d in beside if d.cue == (cue.verb_start, cue.verb_end)]
    return cue.clause_after and all(d.start >= end or d.end <= start for d in own)


def _overlaps_quote(start: int, end: int, quoted: list[Quoted]) -> bool:
    return any(q.start < end and start < q.end for q in quoted)


def _reads_as_speech(inner: str) -> bool:
    words = words_of(inner)
    return len(words) >= MIN_FRAGMENT_WORDS and not title_like(words)


def _is_sentence(inner: str) -> bool:
    words = words_of(inner)
    stripped = inner.strip()
    long_enough = len(words) >= 6 or (len(words) >= MIN_FRAGMENT_WORDS and stripped[-1:] in ".!?")
    return long_enough and (stripped[:1].isupper() or stripped[:1] in "[(") and not title_like(words)
