"""Everything an export needs about one article, gathered once from the store.

Locations (paragraph and sentence numbers, 1-based) come from the cached
analysis when there is one, else paragraphs from the stored text, so an export
never runs the NLP engine and stays byte-identical across runs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from reader.analysis.model import Analysis, Claim, Number, Quote, Speaker
from reader.intake.document import paragraph_spans
from reader.store import Annotation, DocumentRecord, Store


@dataclass(frozen=True)
class Location:
    paragraph: int
    sentence: int | None  # within the paragraph; None without an analysis
    page: int | None = None  # the page the paragraph starts on (PDF)

    def describe(self) -> str:
        where = f"paragraph {self.paragraph}"
        where = where if self.sentence is None else f"{where}, sentence {self.sentence}"
        return where if self.page is None else f"p. {self.page}, {where}"


@dataclass(frozen=True)
class Article:
    record: DocumentRecord
    annotations: tuple[Annotation, ...]
    analysis: Analysis | None

    @classmethod
    def load(cls, store: Store, sha256: str) -> Article:
        record = store.document(sha256)
        if record is None:
            raise KeyError(sha256)
        return cls(record, tuple(store.annotations(sha256)), store.load_analysis(sha256))

    @property
    def placed(self) -> list[Annotation]:
        return [a for a in self.annotations if not a.orphaned]

    @property
    def orphans(self) -> list[Annotation]:
        return [a for a in self.annotations if a.orphaned]

    def tag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for annotation in self.annotations:
            if annotation.tag is not None:
                counts[annotation.tag] = counts.get(annotation.tag, 0) + 1
        return dict(sorted(counts.items()))

    def location(self, offset: int) -> Location | None:
        if self.analysis is not None and self.analysis.paragraphs:
            paragraphs = [(p.start, p.end) for p in self.analysis.paragraphs]
        elif self.record.text is not None:
            paragraphs = [(p.start, p.end) for p in paragraph_spans(self.record.text)]
        else:
            return None
        index = bisect_right([start for start, _ in paragraphs], offset) - 1
        if index < 0:
            return None
        sentence = None
        if self.analysis is not None:
            start, end = paragraphs[index]
            inside = [s for s in self.analysis.sentences if start <= s.start < end]
            if inside:
                sentence = max(1, sum(1 for s in inside if s.start <= offset))
        pages = self.record.pages
        return Location(index + 1, sentence, pages[index] if index < len(pages) else None)

    def quotes_in(self, annotation: Annotation) -> list[Quote]:
        return [q for q in self._analysis_list("quotes") if _overlaps(q.start, q.end, annotation)]

    def numbers_in(self, annotation: Annotation) -> list[Number]:
        a = annotation.anchor
        return [n for n in self._analysis_list("numbers") if a.start <= n.start and n.end <= a.end]

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return next((s for s in self._analysis_list("speakers") if s.id == speaker_id), None)

    def claims_to_check(self) -> list[Claim]:
        """Claims of the analysis that no placed, tagged annotation covers."""
        tagged = [a for a in self.placed if a.tag is not None]
        return [
            c for c in self._analysis_list("claims") if not any(_overlaps(c.start, c.end, a) for a in tagged)
        ]

    def speakers_with_quotes(self) -> list[tuple[Speaker, int]]:
        counts: dict[str, int] = {}
        for quote in self._analysis_list("quotes"):
            if quote.speaker is not None:
                counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
        return [(s, counts.get(s.id, 0)) for s in self._analysis_list("speakers")]

    def _analysis_list(self, name: str) -> list[Any]:
        return [] if self.analysis is None else getattr(self.analysis, name)


def _overlaps(start: int, end: int, annotation: Annotation) -> bool:
    return start < annotation.anchor.end and annotation.anchor.start < end
