"""`reader analyze --json` is byte-identical to the stored digests (see digests.py to refresh them)."""

from __future__ import annotations

import pytest

from tests.analysis import digests

pytestmark = pytest.mark.slow


def test_the_dev_articles_match_their_stored_digests() -> None:
    paths = digests.inputs()[1:]
    if not paths:
        pytest.skip("../shared/eval/dev is not beside the checkout: only the seed is compared")
    assert digests.compute(paths) == {path: digests.stored()[path] for path in paths}, (
        "the analysis output changed: if the change means to, run `make digests` and say why in the commit"
    )


def test_the_seed_matches_its_stored_digest() -> None:
    assert digests.compute([digests.SEED]) == {digests.SEED: digests.stored()[digests.SEED]}, (
        "the analysis output changed: if the change means to, run `make digests` and say why in the commit"
    )
