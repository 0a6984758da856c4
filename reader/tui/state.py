"""Everything the reading screen knows, and every change to it, in one place without Textual.

Widgets render from this state and the screen's actions call its methods, so the
next features (tags, notes, undo) add methods here instead of scattering state
across widgets. ``version`` changes whenever the highlighting of the text
changes, which tells the article view its cached lines are stale.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.sentence import Sentence
from reader.intake.document import Document
from reader.labels import sentence_place
from reader.tui.highlights import HIGHLIGHT_NAMES, AnalysisIndex, Mark
from reader.tui.notes.annotations import Marked, Selection
from reader.tui.text import inert, rough_sentences

if TYPE_CHECKING:
    from reader.analysis.model import Analysis  # the records load with an analysis, after the first frame

Span = tuple[int, int]


@dataclass
class Search:
    query: str = ""
    starts: list[int] = field(default_factory=list)
    current: int = -1

    @property
    def count(self) -> int:
        return len(self.starts)

    @property
    def length(self) -> int:
        return len(self.query)


class ReadingState:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = inert(document.text)
        self._folded: str | None = None
        self.analysis: Analysis | None = None
        self.index: AnalysisIndex | None = None
        self.analysis_error: str | None = None
        self.progress = 0  # percent of the analysis done
        self.sentences: list[Sentence] = [
            Sentence(f"s{number}", start, end)
            for number, (start, end) in enumerate(rough_sentences(document.text, document.paragraphs))
        ] or [Sentence("s0", 0, len(document.text))]
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self._paragraph_starts = [paragraph.start for paragraph in document.paragraphs]
        self.cursor = 0
        self.layers: dict[str, bool] = dict.fromkeys(HIGHLIGHT_NAMES, True)
        self.focus_layer = "claims"
        self.selected: Span | None = None
        self.speaker: str | None = None
        self.search = Search()
        self.search_origin: int | None = None  # the cursor sentence when the search bar opened
        self.annotations = (
            Marked()
        )  # the reader's tags and notes placed on this text (reader.tui.notes.tagging)
        self.selection: Selection | None = None  # a span being chosen with v (reader.tui.notes.tagging)
        self.version = 0

    # -- analysis ---------------------------------------------------------------------------

    def set_analysis(self, analysis: Analysis) -> None:
        """Adopt the analysis; the cursor stays on the sentence that holds its current start."""
        offset = self.cursor_span[0]
        self.analysis = analysis
        self.analysis_error = None
        self.progress = 100
        self.index = AnalysisIndex(analysis)
        if analysis.sentences:
            self.sentences = list(analysis.sentences)
            self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.cursor = self.sentence_at(offset)
        self.version += 1

    def set_partial(self, index: AnalysisIndex, percent: int) -> None:
        """Highlights of the parts analysed so far; the sentences stay as they are until the whole arrives."""
        self.index = index
        self.progress = max(self.progress, percent)
        self.version += 1

    @property
    def loading(self) -> bool:
        return self.analysis is None and self.analysis_error is None

    # -- cursor -----------------------------------------------------------------------------

    @property
    def sentence(self) -> Sentence:
        return self.sentences[self.cursor]

    @property
    def cursor_span(self) -> Span:
        return self.sentence.start, self.sentence.end

    @property
    def place(self) -> str:
        """The cursor sentence as a reader counts it: "paragraph 3, sentence 2"."""
        place = sentence_place(self.sentence.start, self._paragraph_starts, self._sentence_starts)
        page = self.document.page_of(self.sentence.start)
        return place if page is None else f"p. {page}, {place}"

    @property
    def position(self) -> int:
        """How far through the article the cursor is, in percent."""
        if len(self.sentences) <= 1:
            return 100
        return round(100 * self.cursor / (len(self.sentences) - 1))

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def move(self, delta: int) -> None:
        self.cursor = min(max(self.cursor + delta, 0), len(self.sentences) - 1)

    def cursor_to(self, offset: int) -> None:
        self.cursor = self.sentence_at(offset)

    def jump_paragraph(self, delta: int) -> None:
        """To the first sentence of the next or previous paragraph (this one's start when going back mid-paragraph)."""
        paragraphs = self.document.paragraphs
        if not paragraphs:
            return
        here = max(0, bisect_right(self._paragraph_starts, self.sentence.start) - 1)
        if delta < 0 and self.sentence.start > paragraphs[here].start:
            target = here
        else:
            target = min(max(here + delta, 0), len(paragraphs) - 1)
        self.cursor_to(paragraphs[target].start)

    # -- layers and marks -------------------------------------------------------------------

    def toggle_layer(self, name: str) -> None:
        self.layers[name] = not self.layers[name]
        self.version += 1

    def cycle_focus_layer(self) -> None:
        names = list(HIGHLIGHT_NAMES)
        self.focus_layer = names[(names.index(self.focus_layer) + 1) % len(names)]

    def step_mark(self, direction: int) -> Mark | None:
        """Select the next (1) or previous (-1) mark of the focused layer, from the selection or the cursor."""
        if self.index is None:
            return None
        marks = self.index.layers[self.focus_layer]
        if self.selected is not None:
            origin = self.selected[0]
        else:
            origin = self.sentence.start - 1 if direction > 0 else self.sentence.start
        mark = marks.after(origin) if direction > 0 else marks.before(origin)
        if mark is not None:
            self.select(mark.start, mark.end)
        return mark

    def select(self, start: int, end: int) -> None:
        """Mark a span (a panel item, a highlight) and put the cursor on its sentence."""
        self.selected = (start, end)  # the article caches lines by selection: no version change
        self.cursor_to(start)

    def focus_speaker(self, speaker: str | None) -> None:
        self.speaker = speaker
        self.version += 1

    def speaker_quotes(self) -> list[Span]:
        if self.index is None or self.speaker is None:
            return []
        return [(quote.start, quote.end) for quote in self.index.group_quotes(self.speaker)]

    def clear_marks(self) -> None:
        self.selected = None
        self.speaker = None
        self.search = Search()
        self.version += 1

    # -- search -----------------------------------------------------------------------------

    def begin_search(self) -> None:
        """Typing searches from here: every keystroke looks again from this sentence, not the last match."""
        self.search_origin = self.cursor

    def cancel_search(self) -> None:
        """Escape in the search bar: no matches, and the cursor back where the search began."""
        if self.search_origin is not None:
            self.cursor = self.search_origin
        self.search_origin = None
        self.search = Search()
        self.version += 1

    def find(self, query: str) -> None:
        """Every match of ``query`` (case-insensitive); the current one is the first at or after the sentence
        where the search began, and with no match the cursor goes back there."""
        origin = self.cursor if self.search_origin is None else self.search_origin
        starts: list[int] = []
        if query:
            haystack, needle = self._searchable(query)
            position = haystack.find(needle)
            while position >= 0:
                starts.append(position)
                position = haystack.find(needle, position + len(needle))
        current = -1
        self.cursor = origin
        if starts:
            current = bisect_left(starts, self.sentence.start) % len(starts)
            self.cursor_to(starts[current])
        self.search = Search(query, starts, current)
        self.version += 1

    def step_search(self, direction: int) -> None:
        if not self.search.starts:
            return
        self.search.current = (self.search.current + direction) % self.search.count
        self.cursor_to(self.search.starts[self.search.current])
        self.version += 1

    def _searchable(self, query: str) -> tuple[str, str]:
        """Lower-cased text when lowering keeps every offset, else the text as it is."""
        if self._folded is None:
            folded = self.document.text.lower()
            self._folded = folded if len(folded) == len(self.document.text) else ""
        if self._folded and len(query.lower()) == len(query):
            return self._folded, query.lower()
        return self.document.text, query
