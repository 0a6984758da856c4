"""The reader's own tags and notes as the screen shows them, and the span selection they can be put on.

No Textual and no store here: ``Marked`` is what the article paints and the
status line counts (only annotations placed on this text; orphans are listed
elsewhere), ``Selection`` is the word-by-word span the reader is choosing.
Both are rebuilt or moved by reader.tui.notes.tagging, which talks to the store.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store import Annotation  # the records load with the store, after the first frame

Span = tuple[int, int]
NOTE_GLYPH = "✎"  # the gutter mark of a line with a tag or note: not one of the analysis layers' glyphs
_WORD = re.compile(r"\w+(?:[’'.,:/-]\w+)*")
_OPENING = "\"'“‘(["  # punctuation a selection takes along on either side of its words
_CLOSING = "\"'”’)].,;:!?%…"


@dataclass
class Marked:
    """Placed annotations in document order, with overlap lookups like the analysis marks have."""

    items: list[Annotation] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    longest: int = 0

    @classmethod
    def of(cls, annotations: Iterable[Annotation]) -> Marked:
        items = sorted(
            (a for a in annotations if not a.orphaned),
            key=lambda a: (a.anchor.start, a.anchor.end, a.created),
        )
        return cls(
            items,
            [a.anchor.start for a in items],
            max((a.anchor.end - a.anchor.start for a in items), default=0),
        )

    def overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations touching ``[start, end)``, long ones that begin earlier included."""
        first = bisect_left(self.starts, start - self.longest)
        stop = bisect_left(self.starts, max(end, start + 1))
        return [a for a in self.items[first:stop] if a.anchor.end > start]

    def exactly(self, span: Span) -> Annotation | None:
        """The annotation on exactly this span (tagging it again edits it rather than stacking a second)."""
        index = bisect_left(self.starts, span[0])
        while index < len(self.items) and self.items[index].anchor.start == span[0]:
            if self.items[index].anchor.end == span[1]:
                return self.items[index]
            index += 1
        return None

    def tag_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(a.tag for a in self.items if a.tag is not None).items()))

    @property
    def notes(self) -> int:
        return sum(1 for a in self.items if a.note is not None)


def summary(marked: Marked) -> str:
    """The status line's ``✎ 3 · needs-source 2 · verified 1 · 1 note``: the total first, as narrow
    screens cut the line short (empty when there is nothing)."""
    if not marked.items:
        return ""
    parts = [f"{NOTE_GLYPH} {len(marked.items)}"]
    parts += [f"{tag} {count}" for tag, count in marked.tag_counts().items()]
    if marked.notes:
        parts.append(f"{marked.notes} note" + ("s" if marked.notes != 1 else ""))
    return " · ".join(parts)


class Selection:
    """A span chosen word by word: ``anchor`` stays where ``v`` was pressed, ``head`` moves.

    Positions are word indices, so the span always starts and ends on a word
    boundary whichever way the head crosses the anchor. ``sentence_of`` maps an
    offset to its sentence number and ``sentence_span`` gives a sentence's offsets
    ((0, 0) past either end), both from the reading state.
    """

    def __init__(
        self, text: str, offset: int, sentence_of: Callable[[int], int], sentence_span: Callable[[int], Span]
    ) -> None:
        self._text = text
        self._words: list[Span] = [match.span() for match in _WORD.finditer(text)] or [(0, len(text))]
        self._starts = [start for start, _ in self._words]
        self._sentence_of = sentence_of
        self._sentence_span = sentence_span
        self.anchor = self.head = min(bisect_left(self._starts, offset), len(self._words) - 1)

    @property
    def span(self) -> Span:
        first, last = sorted((self.anchor, self.head))
        start, end = self._words[first][0], self._words[last][1]
        while start > 0 and self._text[start - 1] in _OPENING:
            start -= 1
        while end < len(self._text) and self._text[end] in _CLOSING:
            end += 1
        return start, end

    @property
    def head_offset(self) -> int:
        return self._words[self.head][0]

    def by_word(self, delta: int) -> None:
        self.head = min(max(self.head + delta, 0), len(self._words) - 1)

    def by_sentence(self, delta: int) -> None:
        """To the next sentence edge: forward grows to a sentence's end (or, before the anchor, shrinks to
        the next sentence's start); backward the mirror image. The anchor word always stays selected."""
        here = self._sentence_of(self._words[self.head][0])
        if delta > 0:
            if self.head < self.anchor:
                following = self._edges(here + 1)
                self.head = min(following[0], self.anchor) if following else self.anchor
            else:
                own = self._edges(here)
                following = self._edges(here + 1)
                if own and own[1] > self.head:
                    self.head = own[1]
                elif following:
                    self.head = following[1]
        elif self.head > self.anchor:
            previous = self._edges(here - 1)
            self.head = max(previous[1], self.anchor) if previous else self.anchor
        else:
            own = self._edges(here)
            previous = self._edges(here - 1)
            if own and own[0] < self.head:
                self.head = own[0]
            elif previous:
                self.head = previous[0]

    def _edges(self, sentence: int) -> tuple[int, int] | None:
        """First and last word index of a sentence, or None past either end of the text."""
        start, end = self._sentence_span(sentence)
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end) - 1
        return (first, last) if start < end and first <= last else None
