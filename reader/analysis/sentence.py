"""The Sentence record on its own: the reading screen splits a text into sentences before (and without) an
analysis, and the other eleven records of reader.analysis.model (6 ms of dataclasses to import) would
delay the article's first frame for nothing (issue 22). reader.analysis.model holds it with the rest."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Sentence:
    id: str
    start: int
    end: int
