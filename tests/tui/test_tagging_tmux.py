"""Autosave in the real binary: what the screen shows as tagged is in the store even if the reader is killed."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from reader.intake import load
from reader.store import Store
from tests.tui.test_tmux_smoke import ROOT, Tmux, pytestmark, tmux  # noqa: F401 - the fixture and skip mark

SEED = ROOT / "seeds" / "dw-north-korea-russia.txt"


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def reader_process(session: Tmux) -> int:
    """The reader's pid: the one process under the pane whose command is the reader (python) itself."""
    pending = [int(session.run("display-message", "-p", "-t", "reader", "#{pane_pid}").strip())]
    while pending:
        pid = pending.pop()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if len(argv) > 1 and argv[1].endswith(b"/reader"):
            return pid
        pending += children(pid)
    raise AssertionError("no reader process under the tmux pane")


def test_a_tag_and_a_note_shown_on_screen_survive_a_kill(tmux: Tmux, isolated_dirs: Path) -> None:  # noqa: F811
    tmux.wait_for(lambda s: "Even before the Alaska summit" in s and "Help" in s)
    tmux.send("j", "1")
    tmux.wait_for(lambda s: "✎ 1 · needs-source 1" in s)
    tmux.send("a")
    tmux.wait_for(lambda s: "ctrl+s saves" in s)
    tmux.send("-l", "who says?")
    tmux.send("C-s")
    tmux.wait_for(lambda s: "ctrl+s saves" not in s and "needs-source: who says?" in s)
    os.kill(reader_process(tmux), signal.SIGKILL)
    time.sleep(0.2)
    with Store.open(isolated_dirs / "data") as store:
        stored = [(a.tag, a.note, a.anchor.exact) for a in store.annotations(load(str(SEED)).sha256)]
    assert stored == [("needs-source", "who says?", "Does Putin want peace in Ukraine?")]
