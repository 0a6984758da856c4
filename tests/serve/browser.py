"""A served reader and a real headless Chromium on it: what the browser tests and the benchmark share.

Chromium is the system's (Debian's ``chromium``; .ci/run installs it): Playwright drives it through
``executable_path`` and never downloads a browser of its own. Every request the page makes that is
not to the server on 127.0.0.1 is refused and recorded, so a test can assert there were none.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM_NAMES = ("chromium", "chromium-browser")
URL_LINE = re.compile(r"on (http://127\.0\.0\.1:\d+/)")
ESCAPES = re.compile(rb"\x1b(\[[0-9;:?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-B])")
VIEWPORT = {"width": 1400, "height": 800}


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    return None


@dataclass
class Served:
    """A ``reader serve --port 0`` process (or any server that prints its URL the same way)."""

    process: subprocess.Popen[str]
    url: str

    def stop(self, timeout: float = 20.0) -> tuple[int, str]:
        """Ctrl+C, as a user stops it; the exit status and what it said on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
            raise AssertionError(f"the server did not stop within {timeout} s of Ctrl+C") from None
        return self.process.returncode, err


def start_server(argv: list[str], env: dict[str, str] | None = None, timeout: float = 30.0) -> Served:
    """Start a server that prints ``… on http://127.0.0.1:PORT/ …`` on stdout and wait for that line."""
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or dict(os.environ)
    )
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if match := URL_LINE.search(line):
            return Served(process, match.group(1))
        if not line and process.poll() is not None:
            break
    process.kill()
    _, err = process.communicate()
    raise AssertionError(f"the server printed no URL: {err.strip()[-500:]}")


def reader_serve(*args: str, env: dict[str, str] | None = None) -> Served:
    return start_server([sys.executable, "-m", "reader.cli", *args], env=env)


@dataclass
class Tab:
    """One browser tab on the served page, with every byte the app sent it (escape codes removed)."""

    page: Page
    received: list[bytes] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def text(self) -> bytes:
        return ESCAPES.sub(b"", b"".join(self.received))

    def wait_for(self, marker: bytes, timeout: float = 40.0, after: int = 0) -> None:
        """Until the app has sent ``marker`` (in what arrived after the first ``after`` bytes of text)."""
        deadline = time.monotonic() + timeout
        while marker not in self.text()[after:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never showed {marker!r}")
            self.page.wait_for_timeout(50)

    def painted(self) -> None:
        """Two animation frames: what xterm.js was handed is on the canvas."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def press(self, *keys: str) -> None:
        self.page.focus(".xterm-helper-textarea")
        for key in keys:
            self.page.keyboard.press(key)


def open_tab(browser: Browser, url: str) -> Tab:
    page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
    tab = Tab(page)

    def route(route: Route) -> None:
        if route.request.url.startswith(url):
            route.continue_()
        else:
            tab.outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)

    def on_socket(socket) -> None:  # noqa: ANN001 - playwright's WebSocket
        socket.on(
            "framereceived",
            lambda payload: tab.received.append(payload if isinstance(payload, bytes) else payload.encode()),
        )

    page.on("websocket", on_socket)
    return tab


@contextmanager
def chromium(executable: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        try:
            yield browser
        finally:
            browser.close()


def pixel_variance(png: Path) -> float:
    """Variance of the screenshot's grey levels: a blank (one-colour) page gives 0."""
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        return ImageStat.Stat(image.convert("L")).var[0]
