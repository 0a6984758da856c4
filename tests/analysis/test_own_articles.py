"""The engine on articles written for this project (tests/analysis/articles), scored like the held-out set.

The twelve articles are invented wire-style reports (politics, courts, economy, health, disaster,
conflict, science, business) whose gold was annotated to the guide before the engine ever ran on
them. They are not tuning targets: the floors sit a little below what the engine reaches, so a
change that fits the seed or dev wording at the expense of new text shows up here. Scoring reuses
shared/eval/score.py (the scorer the held-out set is measured with), loaded by path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.analysis.conftest import DEV_ARTICLES

ARTICLES = Path(__file__).resolve().parent / "articles"
SCORER = DEV_ARTICLES.parents[1] / "score.py"

# Headline figures the model must keep on these articles (reached: numbers 0.997, the rest 1.000).
FLOORS = {"numbers": 0.97, "claims": 0.93, "speakers": 0.95, "quote_recall": 0.95, "attribution": 0.93}
# The rules-only fallback (no parser, no NER) is far weaker on who says what, but must stay useful
# and never break spans (reached: numbers 0.997, claims 0.935, speakers 0.56, quotes 0.593, attribution 0.385).
RULES_FLOORS = {"numbers": 0.97, "claims": 0.9, "speakers": 0.5, "quote_recall": 0.55, "attribution": 0.35}


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"no scorer at {SCORER}")
    spec = importlib.util.spec_from_file_location("reader_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def score_all(scorer: ModuleType, analyze) -> tuple[object, list[object]]:
    results = []
    for path in sorted((ARTICLES / "gold").glob("*.json")):
        gold = scorer.load_gold(path)
        text = scorer.read_article(ARTICLES, gold)
        results.append(scorer.score_article(gold, text, analyze(text).to_dict()))
    return scorer.total(results), results


def misses(results: list[object]) -> str:
    return "\n".join(f"{r.gold.article}: {r.notes.mistakes}" for r in results if r.notes.mistakes)


def test_the_gold_is_well_formed(scorer) -> None:
    """Every anchor is in its article once (or has its occurrence), every quote anchor is long enough."""
    golds = sorted((ARTICLES / "gold").glob("*.json"))
    assert len(golds) >= 8
    totals, results = score_all(scorer, lambda text: _Empty())
    assert [e for r in results for e in r.notes.gold_errors] == []
    assert totals.tallies["quotes"].must >= 100 and totals.tallies["numbers"].must >= 150


def test_the_model_keeps_its_accuracy_on_new_articles(scorer, analyze_text) -> None:
    totals, results = score_all(scorer, analyze_text)
    assert totals.span_errors == 0
    low = {key: totals.headline[key] for key, floor in FLOORS.items() if totals.headline[key] < floor}
    assert not low, f"{low}\n{misses(results)}"
    assert totals.tallies["checks"].found == totals.tallies["checks"].must, misses(results)


def test_the_fallback_stays_useful_on_new_articles(scorer, analyze_rules) -> None:
    totals, results = score_all(scorer, analyze_rules)
    assert totals.span_errors == 0
    low = {key: totals.headline[key] for key, floor in RULES_FLOORS.items() if totals.headline[key] < floor}
    assert not low, f"{low}\n{misses(results)}"


class _Empty:
    """An analysis that found nothing: scoring it checks the gold alone."""

    def to_dict(self) -> dict[str, object]:
        return {}
