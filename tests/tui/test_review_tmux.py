"""The real binary in tmux deciding three claims in a row from the review queue; the store holds them."""

from __future__ import annotations

import re
import time
from pathlib import Path

from reader.intake import load
from reader.store import Store
from tests.tui.test_tmux_smoke import ROOT, Tmux, pytestmark, tmux  # noqa: F401 - the fixture and skip mark

SEED = ROOT / "seeds" / "dw-north-korea-russia.txt"
COUNT = re.compile(r"(\d+) of (\d+) undecided")


def open_queue(terminal: Tmux) -> tuple[int, int]:
    """``R`` until the queue lists the analysis's claims (the real engine may still be running at first)."""
    deadline = time.monotonic() + 90
    while True:
        terminal.send("R")
        screen = terminal.wait_for(lambda s: COUNT.search(s) is not None)
        undecided, total = map(int, COUNT.search(screen).groups())
        if total >= 3 or time.monotonic() > deadline:
            return undecided, total
        terminal.send("Escape")
        terminal.wait_for(lambda s: COUNT.search(s) is None)
        time.sleep(1)


def test_three_claims_decided_in_a_row_are_in_the_store(tmux: Tmux, isolated_dirs: Path) -> None:  # noqa: F811
    tmux.wait_for(lambda s: "Even before the Alaska summit" in s)
    undecided, total = open_queue(tmux)
    assert total >= 3 and undecided == total
    for step, key in enumerate(("1", "4", "3"), start=1):
        tmux.send(key)
        tmux.wait_for(lambda s, left=total - step: f"{left} of {total} undecided" in s)
    tmux.send("q")
    tmux.wait_for(lambda s: "Pane is dead" in s or "undecided" not in s)
    with Store.open(isolated_dirs / "data") as store:
        decided = [a.verdict for a in store.annotations(load(str(SEED)).sha256) if a.verdicts]
    assert decided == ["true", "false", "misleading"]  # article order: the first three claims
