"""single_source: a figure that comes from exactly one party to a conflict.

The rule implemented, and it is deliberately narrow: the article is about an
armed conflict (at least CONFLICT_MIN conflict words), the sentence has a
conflict word and no other cue, a count/quantity/percentage/money figure in
it lies inside a quote by a named speaker whose name or role marks a party (a
government, army, ministry, spokesperson, president, commander, state agency,
armed movement) and not a commentator (analyst, expert, researcher), the same
value appears nowhere else in the article, and neither that sentence nor the
next says it was confirmed or verified. Limits: a party is recognised by
words, not by knowing who fights whom, so an official who also comments may
count; corroboration in other words ("matches figures from the UN") is not
seen; a figure restated in other units counts as uncorroborated; a one-sided
fact without a figure is never single_source.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.model import Number, Quote

CONFLICT_MIN = 4
CONFLICT_WORDS = frozenset(
    "war wars attack attacks attacked troops soldiers military offensive airstrike airstrikes "
    "militants militant rebels rebel invasion killed wounded casualties bombing fighting ceasefire army "
    "forces missile missiles drone drones shelling fighters combat artillery frontline insurgents".split()
)
PARTY_WORDS = frozenset(
    "army military ministry minister president government spokesman spokeswoman spokesperson commander "
    "forces defence defense kremlin pentagon militia movement rebels agency state command general "
    "commander-in-chief chief leader regime".split()
)
# A role with one of these is somebody commenting, even on military matters ("military analyst").
COMMENTATOR_WORDS = frozenset(
    "analyst expert researcher professor scholar commentator journalist correspondent observer fellow".split()
)
FIGURE_KINDS = frozenset({"count", "quantity", "percent", "money", "range"})


def party_quoting(number: Number, quotes: list[Quote], speakers: dict[str, Any]) -> str | None:
    """The named speaker, if a party to a conflict, whose quote carries the figure."""
    for quote in quotes:
        if not (quote.start <= number.start < quote.end) or quote.speaker not in speakers:
            continue
        speaker = speakers[quote.speaker]
        if speaker.kind == "unnamed" or not speaker.name:
            continue
        words = " ".join(filter(None, [speaker.name, speaker.role, speaker.label, *speaker.aliases])).lower()
        found = set(words.replace(",", " ").replace(";", " ").split())
        if PARTY_WORDS & found and not COMMENTATOR_WORDS & found:
            return speaker.name
    return None
