"""Time to first paint of the article, in a new process on a pseudo-terminal, against a bare Textual app.

Both programs write the wall-clock time right after their first frame to the file
named by READER_REPORT_FIRST_PAINT (the reader does this in ArticleView); the
figure is that time minus the moment before the process was spawned. The baseline
is the least any Textual app can do: the same text in one Static.

Both run as installed programs do, from compiled bytecode: an installed package has
its .pyc files (Textual, the baseline's only import, has them in site-packages),
while an editable checkout under PYTHONDONTWRITEBYTECODE would compile the reader's
modules from source on every start. So the children get a bytecode folder of their
own (PYTHONPYCACHEPREFIX, outside the checkout) and one untimed warm-up run each.

``python -m benchmarks.tui_first_paint`` prints the figures.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from benchmarks.stats import Paired, compare

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


PYCACHE = Path(tempfile.gettempdir()) / "reader-bench-pycache"
REPORT_VARIABLES = ("READER_REPORT_FIRST_PAINT", "READER_REPORT_PANEL_READY")


def child_environment(folder: Path, data_dir: Path | None = None) -> dict[str, str]:
    """Fresh data and config folders (or ``data_dir``), compiled bytecode, no report hooks set yet."""
    dropped = ("PYTHONDONTWRITEBYTECODE", *REPORT_VARIABLES)
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(
        READER_DATA_DIR=str(data_dir or folder / "data"),
        READER_CONFIG_DIR=str(folder / "config"),
        PYTHONPYCACHEPREFIX=str(PYCACHE),
        TERM="xterm-256color",
    )
    return env


def spawn_and_wait(
    argv: list[str],
    report_variable: str = "READER_REPORT_FIRST_PAINT",
    data_dir: Path | None = None,
    size: tuple[int, int] = (80, 24),
    timeout: float = 60.0,
) -> tuple[float, str]:
    """The moment before the spawn and the report the program wrote to ``report_variable``'s file;
    the process is killed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report"
        env = {**child_environment(Path(folder), data_dir), report_variable: str(report)}
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
            return started, report.read_text()
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)


def baseline_paint() -> float:
    """Seconds from spawn to the bare Static app's first frame."""
    started, report = spawn_and_wait([sys.executable, "-c", BASELINE, str(SEED)])
    return float(report) - started


def reader_paint(article: Path = SEED) -> float:
    started, report = spawn_and_wait([str(READER), str(article)])
    return float(report) - started


FIRST_PAINT_TARGET = 1.3


def first_paint(pairs: tuple[int, int] = (5, 15)) -> Paired:
    """Seconds to first paint for the reader and for the bare app in interleaved pairs, and their ratio."""
    baseline_paint(), reader_paint()  # warm-up: both now start from compiled bytecode
    return compare(reader_paint, baseline_paint, FIRST_PAINT_TARGET, *pairs)


def main() -> None:
    result = first_paint()
    print(f"first paint, reader:      {result.ours * 1000:.0f} ms (median)")
    print(f"first paint, bare Static: {result.baseline * 1000:.0f} ms")
    print(f"ratio: {result.ratio.value:.2f}, {result.ratio.describe()} (target <= {FIRST_PAINT_TARGET})")


if __name__ == "__main__":
    main()
