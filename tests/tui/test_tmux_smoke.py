"""The real binary in a real terminal: tmux at 80x24, keys in, screen text out.

Skipped where tmux is missing. A private socket file (-S, in the test's temporary
folder) keeps it away from any user's tmux; the server is killed however the test ends.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READER = Path(sys.executable).with_name("reader")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, timeout=20, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "reader")

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", "reader", *keys)

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 30.0) -> str:
        """Poll the pane until the predicate holds (a real terminal has no 'idle' signal to await)."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not predicate(screen):
            if time.monotonic() > deadline:
                raise AssertionError(f"screen never matched; last capture:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen


@pytest.fixture
def tmux(isolated_dirs: Path) -> Iterator[Tmux]:
    session = Tmux(isolated_dirs / "tmux.sock")
    env = {
        "READER_DATA_DIR": str(isolated_dirs / "data"),
        "READER_CONFIG_DIR": str(isolated_dirs / "config"),
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
    }
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = f"cd {shlex.quote(str(ROOT))} && env {exports} {shlex.quote(str(READER))} seeds/dw-north-korea-russia.txt"
    session.run("-f", os.devnull, "new-session", "-d", "-s", "reader", "-x", "80", "-y", "24", command)
    session.run("set-option", "-t", "reader", "remain-on-exit", "on")
    try:
        yield session
    finally:
        session.run("kill-server")


def test_reader_opens_reads_searches_helps_and_quits_in_tmux(tmux: Tmux) -> None:
    screen = tmux.wait_for(lambda s: "Even before the Alaska summit" in s and "Help" in s)
    assert "Speakers" in screen  # the legend in the status line
    first = [line for line in screen.splitlines() if "Even before" in line][1]
    assert first.startswith("▌")  # the cursor starts on the first sentence

    tmux.send("j")
    tmux.wait_for(lambda s: any(line.startswith("▌") and "Ukraine?" in line for line in s.splitlines()))

    tmux.send("/")
    tmux.wait_for(lambda s: "search the article" in s)
    tmux.send("-l", "Klein")
    found = re.compile(r"/Klein\s+1/(\d+)")
    screen = tmux.wait_for(lambda s: found.search(s) is not None)
    assert int(found.search(screen).group(1)) == (
        ROOT / "seeds/dw-north-korea-russia.txt"
    ).read_text().lower().count("klein")
    tmux.send("Escape")
    tmux.wait_for(lambda s: found.search(s) is None and "Even before" in s)

    tmux.send("?")
    screen = tmux.wait_for(lambda s: "Keys" in s and "Next sentence" in s)
    assert "Previous highlight" in screen
    tmux.send("Escape")
    tmux.wait_for(lambda s: "Next sentence" not in s)

    tmux.send("q")
    tmux.wait_for(lambda s: "Pane is dead" in s or "Even before" not in s)
