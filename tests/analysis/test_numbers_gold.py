"""The numbers layer against the hand-made gold of the seed and the dev articles (span overlap, as the scorer)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.analysis.conftest import DEV_ARTICLES

SHARED = DEV_ARTICLES.parents[2]
GOLD_SETS = [(SHARED / "gold", SHARED / "seeds"), (DEV_ARTICLES.parent / "gold", DEV_ARTICLES)]


def gold_files() -> list[tuple[Path, Path]]:
    return [(gold, articles) for folder, articles in GOLD_SETS for gold in sorted(folder.glob("*.json"))]


def place(text: str, entry: dict) -> tuple[int, int]:
    start = -1
    for _ in range(entry.get("occurrence", 1)):
        start = text.find(entry["text"], start + 1)
    assert start >= 0, entry
    return start, start + len(entry["text"])


@pytest.fixture(scope="module")
def tallies(analyze_text) -> dict[str, list[str]]:
    """Misses, unsupported predictions and wrong values over every gold file."""
    if not gold_files():
        pytest.skip(f"no numbers gold beside the checkout: {SHARED} is absent")
    found: dict[str, list[str]] = {
        "must": [],
        "missed": [],
        "predicted": [],
        "unsupported": [],
        "valued": [],
        "wrong": [],
    }
    for gold_path, articles in gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (articles / gold["article"]).read_text(encoding="utf-8")
        numbers = analyze_text(text).numbers
        must = [(place(text, e), e) for e in gold["numbers"]["must"]]
        optional = [place(text, e) for e in gold["numbers"]["optional"]]
        for (start, end), entry in must:
            found["must"].append(entry["text"])
            hits = [n for n in numbers if n.start < end and start < n.end]
            if not hits:
                found["missed"].append(entry["text"])
                continue
            expected = {k: entry[k] for k in ("value", "low", "high") if entry.get(k) is not None}
            if expected:
                found["valued"].append(entry["text"])
                best = max(hits, key=lambda n: min(end, n.end) - max(start, n.start))
                if not all(
                    getattr(best, k) is not None and math.isclose(getattr(best, k), v, rel_tol=1e-6)
                    for k, v in expected.items()
                ):
                    found["wrong"].append(f"{entry['text']}: {expected} != {best}")
        spans = [span for span, _ in must] + optional
        for number in numbers:
            found["predicted"].append(number.text)
            if not any(number.start < end and start < number.end for start, end in spans):
                found["unsupported"].append(f"{gold_path.stem}: {number.text}")
    return found


def test_recall_on_gold(tallies) -> None:
    assert len(tallies["must"]) > 100
    assert len(tallies["missed"]) <= 0.05 * len(tallies["must"]), tallies["missed"]


def test_precision_on_gold(tallies) -> None:
    assert len(tallies["unsupported"]) <= 0.05 * len(tallies["predicted"]), tallies["unsupported"]


def test_values_on_gold(tallies) -> None:
    assert len(tallies["wrong"]) <= 0.05 * len(tallies["valued"]), tallies["wrong"]
