"""What a cue rule is: a category, Matcher patterns written in lemmas, and an optional context check.

Kept apart from the rules themselves (``rules`` for hedges and verification, ``source_rules`` for
vague and anonymous sources) so both can be written in the same terms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Check = Callable[[Any, int, int, bool], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """One cue rule: its category, whether it survives inside a direct quote, what to tell the reader."""

    key: str
    category: str
    explanation: str
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    check: Check | None = None
    # A hedge about a fact counts even inside a direct quote; a modal or "it seems" there is the
    # speaker's opinion or forecast, which the guide leaves unmarked.
    in_quote: bool = True
    # A forecast ("may", "might"): in a named speaker's reported words it is their view.
    forecast: bool = False
    # A verb of belief ("Berg believes that"): when it introduces a named speaker's quote, the
    # sentence reports that speaker's view, which the guide leaves unmarked.
    opinion: bool = False
    # "unconfirmed reports": a later sentence citing reports may be what the article meant.
    opens_reports: bool = False
    # Words that join the cue when they come right before it: "cannot" is "can" + "not".
    extend_left: frozenset[str] = frozenset()
