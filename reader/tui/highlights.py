"""The analysis as the reader sees it: marks per layer, sorted for bisection, and lookups by sentence.

Built once when an analysis arrives; the article view and the panel only read it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.labels import speaker_name

if TYPE_CHECKING:
    from reader.analysis.model import Analysis, Claim, Number, Quote, Speaker


@dataclass(frozen=True)
class Highlight:
    """One family of highlights the reader toggles (the TUI's view of an analysis layer): its key and glyph."""

    name: str
    label: str
    glyph: str  # shown in the gutter and the legend: layers never rely on colour alone
    key: str


HIGHLIGHTS: tuple[Highlight, ...] = (
    Highlight("speakers", "Speakers", "❝", "s"),
    Highlight("numbers", "Numbers", "#", "m"),
    Highlight("claims", "Claims", "?", "c"),
    Highlight("checks", "Checks", "!", "x"),
)
HIGHLIGHT_NAMES = tuple(layer.name for layer in HIGHLIGHTS)


@dataclass(frozen=True)
class Mark:
    """One highlighted span; ``kind`` picks the style (quote, mention, number, claim, check)."""

    layer: str
    kind: str
    start: int
    end: int
    key: str


@dataclass
class LayerMarks:
    marks: list[Mark] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    longest: int = 0

    def add_sorted(self, marks: list[Mark]) -> None:
        self.marks = sorted(marks, key=lambda mark: (mark.start, mark.end))
        self.starts = [mark.start for mark in self.marks]
        self.longest = max((mark.end - mark.start for mark in self.marks), default=0)

    def after(self, offset: int) -> Mark | None:
        index = bisect_right(self.starts, offset)
        return self.marks[index] if index < len(self.marks) else None

    def before(self, offset: int) -> Mark | None:
        index = bisect_left(self.starts, offset) - 1
        return self.marks[index] if index >= 0 else None


class AnalysisIndex:
    """Marks per layer and the items behind them, keyed by id."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.speakers: dict[str, Speaker] = {speaker.id: speaker for speaker in analysis.speakers}
        self.quotes: dict[str, Quote] = {quote.id: quote for quote in analysis.quotes}
        self.numbers: dict[str, Number] = {number.id: number for number in analysis.numbers}
        self.claims: dict[str, Claim] = {claim.id: claim for claim in analysis.claims}
        self.quotes_by_speaker: dict[str | None, list[Quote]] = defaultdict(list)
        for quote in analysis.quotes:
            self.quotes_by_speaker[quote.speaker].append(quote)
        self.speaker_groups: dict[str, list[Speaker]] = {}  # first member's id -> the panel entry's speakers
        self.group_of: dict[str, str] = {}
        unnamed: dict[str, str] = {}
        for speaker in analysis.speakers:
            same = " ".join(speaker_name(speaker).casefold().split()) if speaker.name is None else None
            key = unnamed.setdefault(same, speaker.id) if same is not None else speaker.id
            self.group_of[speaker.id] = key
            self.speaker_groups.setdefault(key, []).append(speaker)
        marks: dict[str, list[Mark]] = {name: [] for name in HIGHLIGHT_NAMES}
        for quote in analysis.quotes:
            marks["speakers"].append(Mark("speakers", "quote", quote.start, quote.end, quote.id))
        for speaker in analysis.speakers:
            for mention in speaker.mentions:
                marks["speakers"].append(Mark("speakers", "mention", mention.start, mention.end, speaker.id))
        for number in analysis.numbers:
            marks["numbers"].append(Mark("numbers", "number", number.start, number.end, number.id))
        for claim in analysis.claims:
            marks["claims"].append(Mark("claims", "claim", claim.start, claim.end, claim.id))
        for index, check in enumerate(analysis.checks):
            for span in check.spans:
                marks["checks"].append(Mark("checks", "check", span.start, span.end, f"k{index}"))
        self.layers: dict[str, LayerMarks] = {}
        for name, items in marks.items():
            self.layers[name] = LayerMarks()
            self.layers[name].add_sorted([mark for mark in items if mark.end > mark.start])

    def counts(self) -> dict[str, int]:
        analysis = self.analysis
        return {
            "speakers": len(analysis.quotes),
            "numbers": len(analysis.numbers),
            "claims": len(analysis.claims),
            "checks": len(analysis.checks),
        }

    def group_quotes(self, speaker: str) -> list[Quote]:
        """The quotes of the panel entry ``speaker`` belongs to: unnamed speakers with one label are one entry."""
        members = self.speaker_groups.get(self.group_of.get(speaker, speaker), [])
        quotes = [quote for member in members for quote in self.quotes_by_speaker.get(member.id, [])]
        return sorted(quotes, key=lambda quote: quote.start)

    def overlapping(self, layer: str, start: int, end: int) -> list[Mark]:
        """Marks of one layer that touch ``[start, end)``, including long ones that begin earlier."""
        marks = self.layers[layer]
        first = bisect_left(marks.starts, start - marks.longest)
        stop = bisect_left(marks.starts, end)
        return [mark for mark in marks.marks[first:stop] if mark.end > start]

    def check_message(self, key: str) -> str:
        return self.analysis.checks[int(key[1:])].message
