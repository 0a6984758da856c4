"""Time to first paint of the article, in a new process on a pseudo-terminal, against a bare Textual app.

Both programs write the wall-clock time right after their first frame to the file
named by READER_REPORT_FIRST_PAINT (the reader does this in ArticleView); the
figure is that time minus the moment before the process was spawned. The baseline
is the least any Textual app can do: the same text in one Static.

``python -m benchmarks.tui_first_paint`` prints the figures.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dw-north-korea-russia.txt"
READER = Path(sys.executable).with_name("reader")

BASELINE = """
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static(open(sys.argv[1], encoding="utf-8").read())

    def on_mount(self):
        self.call_after_refresh(self.report)

    def report(self):
        with open(os.environ["READER_REPORT_FIRST_PAINT"], "w") as handle:
            handle.write(f"{time.time():.6f}\\n")

Bare().run()
"""


def _spawn_and_time(argv: list[str], size: tuple[int, int] = (80, 24), timeout: float = 60.0) -> float:
    """Seconds from spawn to the reported first paint; the process is killed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "paint"
        env = {
            **os.environ,
            "READER_REPORT_FIRST_PAINT": str(report),
            "READER_DATA_DIR": str(Path(folder) / "data"),
            "READER_CONFIG_DIR": str(Path(folder) / "config"),
            "TERM": "xterm-256color",
        }
        started = time.time()
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the program on the pseudo-terminal
            os.execve(argv[0], argv, env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        try:
            deadline = started + timeout
            while not (report.exists() and report.read_text().strip()):
                if time.time() > deadline:
                    raise TimeoutError(f"{argv[0]} never reported a first paint")
                ready, _, _ = select.select([fd], [], [], 0.005)
                if ready:
                    try:
                        os.read(fd, 65536)  # keep the terminal drained so the app never blocks on output
                    except OSError:
                        break
            return float(report.read_text()) - started
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)


def first_paint(repeats: int = 5) -> dict[str, float]:
    """Median seconds to first paint for the reader and for the bare app, interleaved; and their ratio."""
    reader_times, baseline_times = [], []
    for _ in range(repeats):
        baseline_times.append(_spawn_and_time([sys.executable, "-c", BASELINE, str(SEED)]))
        reader_times.append(_spawn_and_time([str(READER), str(SEED)]))
    reader, baseline = statistics.median(reader_times), statistics.median(baseline_times)
    return {"reader_s": reader, "baseline_s": baseline, "ratio": reader / baseline, "repeats": repeats}


def main() -> None:
    result = first_paint()
    print(f"first paint, reader:      {result['reader_s'] * 1000:.0f} ms (median of {result['repeats']})")
    print(f"first paint, bare Static: {result['baseline_s'] * 1000:.0f} ms")
    print(f"ratio: {result['ratio']:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
