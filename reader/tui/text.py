"""Article text made safe and laid out for the terminal: inert control characters, wrapped lines.

Everything here keeps code-point offsets aligned with ``Document.text`` so analysis
spans map onto screen lines with plain arithmetic. No Textual: pure functions the
article view calls once per document or once per width, never per rendered line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len

from reader.intake.document import Paragraph

# Format controls that reorder or hide the text around them on a terminal line: the bidi
# embeddings, overrides and isolates (LRE..RLO, LRI..PDI), the directional marks and the
# Arabic letter mark. An article (or a title) carrying them could make a line read differently
# from what it says, so they are shown as a visible mark instead of obeyed.
REORDERING = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
REORDERING_MARK = "\u2387"  # ⎇, one cell
SNIPPET = 60  # characters of a quoted passage in the panel and the lists
# Code points that join their neighbours into one grapheme, which terminals measure differently:
# a family emoji (zero-width joiners before pictographs, UAX #29 rule GB11), a skin tone, an
# emoji or text variation selector, a flag (a pair of regional indicators) is 2 cells where the
# terminal clusters graphemes (and in rich), but 4 to 8 where it adds up code points (tmux 3.3,
# xterm.js, the C library's wcwidth), and tmux 3.3 swallows the pictograph after a joiner. Shown
# unjoined, every part has one width everywhere: these joiners, the selectors and the modifiers
# become a zero-width non-joiner (which joins nothing), regional indicators their letter (🇺🇦
# reads "UA"). A joiner between letters (Arabic, Indic shaping) stays.
UNJOINED = "\u200c"
JOINING = (0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400))
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
# Extended_Pictographic, by block: (c), (r), !!, ?!, TM, i, arrows to miscellaneous symbols, the emoji planes.
_PICTOGRAPHS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
# Combining marks stacked past this on one character (as in "Zalgo" text) spill over the rows
# above and below, where the panel's border and the status line are; terminals keep only a few
# per cell anyway (xterm 2 by default, tmux what fits in 21 bytes), so the rest are unjoined too.
STACKED_MARKS = 3
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_UNJOIN = re.compile(f"\u200d(?=[{_PICTOGRAPHS}])|(?<=[{_MARKS}]{{{STACKED_MARKS}}})[{_MARKS}]")


def _inert_table() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
    table[0x09] = " "  # a tab is whitespace in prose; one space keeps the offsets
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({code: REORDERING_MARK for code in REORDERING})
    table.update({code: UNJOINED for code in JOINING})
    table.update({code: chr(ord("A") + code - REGIONAL_INDICATORS.start) for code in REGIONAL_INDICATORS})
    return table


_INERT = _inert_table()


def inert(text: str) -> str:
    """Control characters (C0 except newline, DEL, C1) and bidi/format controls as visible placeholders,
    graphemes unjoined where terminals disagree on their width.

    An article may carry ESC sequences that would otherwise reach the terminal, a
    right-to-left override that would reorder the line, or an emoji sequence one terminal
    draws in 2 cells and another in 8; one code point in, one code point out, so offsets
    stay valid.
    """
    text = text.translate(_INERT)
    return text if text.isascii() else _UNJOIN.sub(UNJOINED, text)


@lru_cache(maxsize=8)
def snippet(text: str, limit: int = SNIPPET) -> str:
    """``text`` inert, on one line, cut to ``limit`` characters with an ellipsis: how the panel, the
    library, the review queue and the note editor quote a passage."""
    text = " ".join(inert(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ascii_line(width: int) -> re.Pattern[str]:
    # The longest run of at most `width` characters that ends before whitespace or the end.
    return re.compile(r".{1,%s}(?=\s|\Z)".replace("%s", str(width)), re.DOTALL)


_SPACES = re.compile(r"\s*")
# Characters outside these ranges may be wide (CJK, emoji) or zero-width (combining, bidi, joiners).
_NOT_ONE_CELL = re.compile("[^\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]")
_WORD = re.compile(r"\S+")


@dataclass
class Wrapped:
    """The document wrapped at one width: line ``i`` shows ``text[starts[i]:ends[i]]``.

    A blank line separates paragraphs; it is empty (start == end == the end of the
    paragraph before), which keeps ``starts`` sorted for bisection.
    """

    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """First and last line a span touches (inclusive)."""
        first = self.line_of(start)
        return first, max(first, self.line_of(max(start, end - 1)))


def wrap(text: str, paragraphs: tuple[Paragraph, ...] | list[Paragraph], width: int) -> Wrapped:
    """Greedy word wrap by terminal cells; words wider than the line break at a character."""
    width = max(1, width)
    wrapped = Wrapped(width)
    for number, paragraph in enumerate(paragraphs):
        if number:
            wrapped.starts.append(paragraphs[number - 1].end)
            wrapped.ends.append(paragraphs[number - 1].end)
        segment = text[paragraph.start : paragraph.end]
        if segment.isascii() or not _NOT_ONE_CELL.search(segment):
            _wrap_ascii(segment, paragraph.start, width, wrapped)
        else:
            _wrap_cells(segment, paragraph.start, width, wrapped)
    if not paragraphs:
        wrapped.starts.append(0)
        wrapped.ends.append(0)
    return wrapped


def _wrap_ascii(segment: str, base: int, width: int, out: Wrapped) -> None:
    """One character is one cell (ASCII, Latin, curly quotes, dashes): a regex finds each line in C."""
    line = _ascii_line(width)
    pos = _SPACES.match(segment).end()
    size = len(segment)
    while pos < size:
        match = line.match(segment, pos)
        end = match.end() if match else pos + width
        out.starts.append(base + pos)
        out.ends.append(base + len(segment[pos:end].rstrip()) + pos)
        pos = _SPACES.match(segment, end).end()


def _wrap_cells(segment: str, base: int, width: int, out: Wrapped) -> None:
    line_start = -1
    line_end = 0
    cells = 0
    for match in _WORD.finditer(segment):
        word_start, word_end = match.span()
        word_cells = cell_len(match.group())
        if line_start >= 0:
            gap = cell_len(segment[line_end:word_start])
            if cells + gap + word_cells <= width:
                line_end, cells = word_end, cells + gap + word_cells
                continue
            out.starts.append(base + line_start)
            out.ends.append(base + line_end)
        line_start, line_end, cells = word_start, word_end, word_cells
        if word_cells > width:
            line_start, line_end, cells = _break_word(segment, word_start, word_end, base, width, out)
    if line_start >= 0:
        out.starts.append(base + line_start)
        out.ends.append(base + line_end)


def _break_word(
    segment: str, start: int, end: int, base: int, width: int, out: Wrapped
) -> tuple[int, int, int]:
    """Emit full lines of an over-wide word (CJK prose has no spaces); return the remainder as the open line."""
    line_start, cells = start, 0
    for pos in range(start, end):
        char_cells = cell_len(segment[pos])
        if cells + char_cells > width and pos > line_start:
            out.starts.append(base + line_start)
            out.ends.append(base + pos)
            line_start, cells = pos, 0
        cells += char_cells
    return line_start, end, cells


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def rough_sentences(text: str, paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> list[tuple[int, int]]:
    """Sentence spans from punctuation alone: the cursor works before the analysis has run."""
    spans: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        start = paragraph.start
        for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
            end = match.start() + len(match.group().rstrip())
            spans.append((start, end))
            start = match.end()
        if start < paragraph.end:
            spans.append((start, paragraph.end))
    return spans
