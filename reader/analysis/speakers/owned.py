"""Descriptions an organisation's name spells out: "Day's animal foundation" is the Doris Day Animal Foundation."""

from __future__ import annotations

import re

from reader.analysis.speakers.names import Cluster, name_words
from reader.analysis.speakers.refs import Unnamed

# "Day's animal foundation", "the Lanier's research team": a capitalised owner, then lower-case words.
_OWNED = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)['’]s?\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)*)"
)

# "the emergencies ministry" before "The Emergencies Ministry said": a name written in lower case.
_RECASED = re.compile(r"(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)+)", re.IGNORECASE)


def owned_names(unnamed: list[Unnamed], clusters: list[Cluster]) -> dict[int, int]:
    """Unnamed sources that are an organisation the article names: their index -> a mention of that name.

    "X's animal foundation" is the organisation whose name ends with "X Animal Foundation", when the
    article names exactly one such; the name may come later than the description.
    """
    found: dict[int, int] = {}
    for number, entry in enumerate(unnamed):
        match = _OWNED.fullmatch(entry.label)
        recased = _RECASED.fullmatch(entry.label)
        if match is not None:
            tail = name_words(f"{match.group(1)} {match.group(2)}")
            fits = [c for c in clusters if len(c.words) >= len(tail) and c.words[-len(tail) :] == tail]
        elif recased is not None:
            fits = [c for c in clusters if c.words == name_words(recased.group(1))]
        else:
            continue
        fits = [cluster for cluster in fits if not cluster.person]
        if len(fits) == 1:
            found[number] = fits[0].members[0]
    return found
