"""Pair quotation marks in one paragraph of plain text.

News text mixes straight, curly, low-high and angle quotes, nests quotes in
quotes, uses the same character as apostrophe and closing single quote, and
sometimes forgets to close a quote. Pairing is therefore done by context
(what is on each side of a mark) with a stack, and whatever is still open at
the end of the paragraph ends there: an unbalanced mark can never swallow the
rest of the article. Only the outermost quotes are returned; nested ones
(``"The "United States" is ..."``) stay inside their parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Closing mark(s) each opening mark accepts. Web copy mixes styles within one quote ('"...,” said',
# '“...," said', '“...,“ said'): a straight or curly double mark closes any double opener where it
# reads as closing (no space before it, no letter after it).
_CLOSERS: dict[str, str] = {
    '"': '"\u201d',
    "\u201c": '\u201d"\u201c',  # “ ”
    "\u201e": "\u201c\u201d",  # „ closes with “ (German) or ” (Polish)
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (German guillemets)
    "\u2039": "\u203a",  # ‹ ›
    "\u2018": "\u2019",  # ‘ ’
    "\u201a": "\u2018\u2019",  # ‚ ‘
    "'": "'",
    "\u201d": "\u201d",  # ” ” (Swedish, and texts with one curly mark for both)
}
_SINGLE = "'\u2018\u2019\u201a"
_MIXED_STYLE = frozenset({('"', "\u201d"), ("\u201c", "\u201c")})  # closers checked like a straight mark
MARKS = frozenset(_CLOSERS) | {"\u2019", "\u203a"}
_MARK = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")  # found without a Python step per character
_BOUNDARY_BEFORE = " \t\n([{\u2014\u2013-/:;" + "".join(_CLOSERS)


@dataclass(frozen=True, slots=True)
class Quoted:
    """A top-level quoted stretch: marks at ``start`` and ``end - 1`` unless it is unclosed."""

    start: int  # index of the opening mark
    end: int  # index after the closing mark, or the paragraph end when unclosed
    inner_start: int
    inner_end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    """A mark with a word boundary before it and a word after it reads as an opening mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _BOUNDARY_BEFORE or before.isspace()) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return _spaced_close(text, i)
    return not after.isalnum()


def _spaced_close(text: str, i: int) -> bool:
    """'... a drummer' ", he recalled': a space slipped in before a straight double mark that a comma or
    a stop follows, then a space; no quotation opens with a comma, so the mark closes the open one."""
    return (
        text[i] == '"' and text[i + 1 : i + 2] in tuple(",.;:!?") and text[i + 2 : i + 3] in ("", " ", "\n")
    )


# Stands for an opening mark before the text: a quote still open where a long paragraph was cut.
_CARRIED = "\x00"
_CLOSERS[_CARRIED] = '"\u201d\u201c\u00bb\u00ab\u203a\u2019'


def find_quoted(text: str, *, open_at_start: bool = False) -> list[Quoted]:
    """The outermost quotes of a paragraph, in order, closed or running to its end.

    ``open_at_start`` says the text starts inside a quote (the engine cut a very
    long paragraph in the middle of one): the first closing mark ends it, and
    it is returned with ``start == -1``.
    """
    found: list[Quoted] = []
    stack: list[tuple[str, int]] = [(_CARRIED, -1)] if open_at_start else []
    doubled = _doubled_apostrophes(text)
    for mark in _MARK.finditer(text):
        i, char = mark.start(), mark.group()
        if i - 1 in doubled:
            continue  # the second half of a doubled apostrophe, read with the first
        if i in doubled:
            char = '"'
        closing_at = _matching_open(stack, char, text, i)
        if closing_at is not None:
            opener_index = stack[closing_at][1]
            del stack[closing_at:]
            if not stack:
                inner_start = opener_index + (2 if opener_index in doubled else 1)
                found.append(Quoted(opener_index, i + (2 if i in doubled else 1), inner_start, i, True))
            continue
        if char in _CLOSERS and _may_open(char, text, i, bool(stack)):
            stack.append((char, i))
    if stack:
        opener_index = stack[0][1]
        inner_start = opener_index + (2 if opener_index in doubled else 1)
        found.append(Quoted(opener_index, len(text), inner_start, len(text), False))
    return [_trimmed(q, text) for q in found if q.inner_end > q.inner_start]


def _doubled_apostrophes(text: str) -> set[int]:
    """Where two straight apostrophes stand for one double mark (''...'', an old typewriter and
    wire-copy convention): the position of the first."""
    doubled: set[int] = set()
    at = text.find("''")
    while at >= 0:
        doubled.add(at)
        at = text.find("''", at + 2)
    return doubled


def _matching_open(stack: list[tuple[str, int]], char: str, text: str, i: int) -> int | None:
    """The stack position this mark closes, or None when it does not close anything."""
    if not stack:
        return None
    for depth in range(len(stack) - 1, -1, -1):
        opener, _ = stack[depth]
        if char not in _CLOSERS[opener]:
            continue
        if char in _SINGLE or char == '"' or opener == char or (opener, char) in _MIXED_STYLE:
            # Ambiguous characters close only where they look like a closing mark.
            if not _closes(text, i):
                if depth == len(stack) - 1:
                    return None
                continue
            if char in "'\u2019" and i + 1 < len(text) and text[i + 1].isalpha():
                return None  # an apostrophe inside a word
        return depth
    return None


def _may_open(char: str, text: str, i: int, inside: bool) -> bool:
    if char in ("'", "\u2019", "\u2018", "\u201a"):
        return _opens(text, i) and (
            i + 1 < len(text) and text[i + 1].isalnum() or text[i + 1 : i + 2] in "[("
        )
    if char in ('"', "\u201d", "\u00bb"):
        return _opens(text, i) or (not inside and not _closes(text, i))
    return True


def _trimmed(quoted: Quoted, text: str) -> Quoted:
    """Inner bounds without the spaces just inside the marks."""
    start, end = quoted.inner_start, quoted.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(quoted.start, quoted.end, start, end, quoted.closed)
