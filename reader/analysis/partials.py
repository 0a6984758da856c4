"""Parts of a text analysed on their own, merged into one partial Analysis while the whole is still running.

Numbers and claims belong to their sentence, so a part's are the ones the whole
analysis will mostly find there too; speakers are per part, so a name found in
several parts is merged into one speaker here (its mentions gathered, its quotes
pointed at it), which is how the panel's speakers are refined as the book goes.
Article-wide decisions (number groups across parts, single-source claims,
checks) wait for the whole analysis, which replaces the merged parts.
Each part's ids get the part's first paragraph as a suffix ("n3@120"), so ids
never collide; nothing reads ids as numbers.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Analysis, Speaker


class Parts:
    """The parts done so far, keyed by their first paragraph; ``merged`` puts them in text order."""

    def __init__(self) -> None:
        self._parts: dict[int, Analysis] = {}

    def add(self, first_paragraph: int, analysis: Analysis) -> None:
        self._parts[first_paragraph] = _suffixed(analysis, f"@{first_paragraph}")

    def merged(self) -> Analysis:
        """One Analysis of every part so far, in text order, with one speaker per name."""
        parts = [self._parts[key] for key in sorted(self._parts)]
        speakers, renamed = _merged_speakers([speaker for part in parts for speaker in part.speakers])
        quotes = [quote for part in parts for quote in part.quotes]
        if renamed:
            quotes = [
                replace(quote, speaker=renamed[quote.speaker]) if quote.speaker in renamed else quote
                for quote in quotes
            ]
        return replace(
            parts[0],
            sentences=[sentence for part in parts for sentence in part.sentences],
            speakers=speakers,
            quotes=quotes,
            numbers=[number for part in parts for number in part.numbers],
            claims=[claim for part in parts for claim in part.claims],
            checks=[],
        )


def _suffixed(analysis: Analysis, suffix: str) -> Analysis:
    def tag(value: str | None) -> str | None:
        return None if value is None else value + suffix

    return replace(
        analysis,
        sentences=[replace(s, id=s.id + suffix) for s in analysis.sentences],
        speakers=[replace(s, id=s.id + suffix) for s in analysis.speakers],
        quotes=[replace(q, id=q.id + suffix, speaker=tag(q.speaker)) for q in analysis.quotes],
        numbers=[replace(n, id=n.id + suffix, group=tag(n.group)) for n in analysis.numbers],
        claims=[
            replace(c, id=c.id + suffix, sentence=tag(c.sentence), qualified_by=tag(c.qualified_by))
            for c in analysis.claims
        ],
    )


def _merged_speakers(speakers: list[Speaker]) -> tuple[list[Speaker], dict[str, str]]:
    """Named speakers of one kind and name become the first of them; returns them and old id -> kept id."""
    kept: dict[tuple[str, str], int] = {}
    merged: list[Speaker] = []
    renamed: dict[str, str] = {}
    for speaker in speakers:
        key = (speaker.kind, " ".join(speaker.name.casefold().split())) if speaker.name else None
        if key is None or key not in kept:
            if key is not None:
                kept[key] = len(merged)
            merged.append(speaker)
            continue
        first = merged[kept[key]]
        renamed[speaker.id] = first.id
        merged[kept[key]] = replace(
            first,
            mentions=sorted([*first.mentions, *speaker.mentions], key=lambda mention: mention.start),
            aliases=list(dict.fromkeys([*first.aliases, *speaker.aliases])),
            role=first.role or speaker.role,
            label=first.label or speaker.label,
        )
    return merged, renamed
