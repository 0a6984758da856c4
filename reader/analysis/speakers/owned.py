"""Descriptions an organisation's name spells out: "Day's animal foundation" is the Doris Day Animal Foundation."""

from __future__ import annotations

import re

from reader.analysis.speakers.names import Cluster, Mention, name_words
from reader.analysis.speakers.refs import Unnamed

# "Day's animal foundation", "the Lanier's research team": a capitalised owner, then lower-case words.
_OWNED = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)['’]s?\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)*)"
)


def owned_names(unnamed: list[Unnamed], mentions: list[Mention], clusters: list[Cluster]) -> dict[int, int]:
    """Unnamed sources that are an organisation the article names: their index -> a mention of that name.

    "X's animal foundation" is the organisation whose name ends with "X Animal Foundation", when the
    article names exactly one such; the name may come later than the description.
    """
    found: dict[int, int] = {}
    for number, entry in enumerate(unnamed):
        match = _OWNED.fullmatch(entry.label)
        if match is None:
            continue
        tail = name_words(f"{match.group(1)} {match.group(2)}")
        fits = [
            cluster
            for cluster in clusters
            if not cluster.person and len(cluster.words) >= len(tail) and cluster.words[-len(tail) :] == tail
        ]
        if len(fits) == 1:
            found[number] = fits[0].members[0]
    return found
