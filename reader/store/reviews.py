"""Reading verdict histories and evidence back onto annotations: two queries for any number of them.

The store selects annotations by article or by id; ``with_reviews`` then joins the
verdicts and evidence tables once for the whole selection (a 500-claim review queue
opens without 1,000 queries) and returns the annotations with their reviews
attached, in the same order, untouched where they have none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reader.store.model import Annotation
from reader.store.verdicts import Evidence, Verdict

Query = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]


def with_reviews(
    query: Query, annotations: list[Annotation], where: str, args: tuple[Any, ...]
) -> list[Annotation]:
    """Attach verdict histories and evidence, two queries for the whole lot (a 500-claim queue opens fast).

    ``where`` selects the annotations (alias ``a``) the way the caller selected ``annotations``.
    """
    if not annotations:
        return annotations
    verdicts: dict[str, list[Verdict]] = {}
    for ident, value, time in query(
        f"SELECT v.annotation, v.value, v.time FROM verdicts v JOIN annotations a ON a.id = v.annotation"
        f" WHERE {where} ORDER BY v.annotation, v.seq",
        args,
    ):
        verdicts.setdefault(ident, []).append(Verdict(value, time))
    evidence: dict[str, list[Evidence]] = {}
    for ident, *fields in query(
        "SELECT e.annotation, e.id, e.url, e.title, e.accessed, e.passage, e.note FROM evidence e"
        f" JOIN annotations a ON a.id = e.annotation WHERE {where} ORDER BY e.annotation, e.seq",
        args,
    ):
        evidence.setdefault(ident, []).append(Evidence(*fields))
    if not verdicts and not evidence:
        return annotations
    return [
        replace(a, verdicts=tuple(verdicts.get(a.id, ())), evidence=tuple(evidence.get(a.id, ())))
        if a.id in verdicts or a.id in evidence
        else a
        for a in annotations
    ]
