"""The claims layer against the hand-made gold: the seed article and the Wikinews development set.

Matching follows shared/eval/score.py: a prediction matches a gold anchor when their spans
share a character; a prediction overlapping no must or optional anchor is a false positive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Claim
from tests.conftest import SHARED

SEED_GOLD = SHARED / "gold"
SEED_ARTICLES = SHARED / "seeds"
DEV_GOLD = SHARED / "eval" / "dev" / "gold"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles"


@dataclass
class Tally:
    must: int = 0
    found: int = 0
    right_category: int = 0
    links: int = 0
    right_links: int = 0
    predicted: int = 0
    supported: int = 0
    misses: list[str] | None = None

    def note(self, message: str) -> None:
        self.misses = [*(self.misses or []), message]


def locate(text: str, anchor: str, occurrence: int = 1) -> tuple[int, int]:
    position = -1
    for _ in range(occurrence):
        position = text.find(anchor, position + 1)
    assert position >= 0, f"gold anchor not in article: {anchor!r}"
    return position, position + len(anchor)


def overlapping(span: tuple[int, int], claims: list[Claim]) -> list[Claim]:
    return [claim for claim in claims if min(span[1], claim.end) > max(span[0], claim.start)]


def score(gold_path: Path, articles: Path, analyze, tally: Tally) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (articles / gold["article"]).read_text(encoding="utf-8")
    analysis: Analysis = analyze(text)
    claims = analysis.claims
    by_id = {claim.id: claim for claim in claims}
    anchors = []
    for part in ("must", "optional"):
        for item in gold["claims"][part]:
            span = locate(text, item["anchor"], item.get("occurrence", 1))
            anchors.append(span)
            if part == "optional":
                continue
            tally.must += 1
            matches = overlapping(span, claims)
            if not matches:
                tally.note(f"missed {item['anchor']!r}")
                continue
            tally.found += 1
            best = max(matches, key=lambda c: (min(span[1], c.end) - max(span[0], c.start), c.start - c.end))
            tally.right_category += best.category == item["category"]
            if best.category != item["category"]:
                tally.note(f"{item['anchor']!r}: {best.category}, gold {item['category']}")
            if item.get("qualified_by_anchor"):
                tally.links += 1
                target = by_id.get(best.qualified_by or "")
                qualifier = locate(text, item["qualified_by_anchor"])
                tally.right_links += target is not None and bool(overlapping(qualifier, [target]))
    tally.predicted += len(claims)
    for claim in claims:
        if any(min(end, claim.end) > max(start, claim.start) for start, end in anchors):
            tally.supported += 1
        else:
            tally.note(f"unsupported {claim.text[:60]!r}")


def gold_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        pytest.skip(f"shared gold not present: {folder}")
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("mode", ["model", "rules"])
def test_seed_claims_match_the_gold(analyze_text, analyze_rules, mode: str) -> None:
    tally = Tally()
    for path in gold_files(SEED_GOLD):
        score(path, SEED_ARTICLES, analyze_text if mode == "model" else analyze_rules, tally)
    assert tally.found == tally.must, tally.misses
    assert tally.right_category == tally.found, tally.misses
    assert tally.right_links == tally.links, tally.misses
    assert tally.supported == tally.predicted, tally.misses


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["model", "rules"])
def test_dev_set_claims(analyze_text, analyze_rules, mode: str) -> None:
    tally = Tally()
    for path in gold_files(DEV_GOLD):
        score(path, DEV_ARTICLES, analyze_text if mode == "model" else analyze_rules, tally)
    recall = tally.found / tally.must
    precision = tally.supported / tally.predicted
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.9, (f1, tally.misses)
    assert tally.right_category / tally.found >= 0.9, tally.misses
    assert tally.right_links == tally.links, tally.misses
