"""The web server: textual-serve's routes on a socket bound here, tabs that run the reader, a clean stop.

textual-serve gives the page, the websocket relay and the download route; what it leaves to
its ``serve()`` is done here instead: the socket is bound before anything else (so ``--port 0``
gets a real port and a taken port is one line), the page's URLs follow the address the browser
used (a LAN name or a reverse proxy, not the bind address), and a stop waits for every tab's
reader to quit the way it does in a terminal before the server ends.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import shlex
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from reader.errors import ReaderError

TEMPLATES = Path(__file__).resolve().parent / "templates"
TAB_STOP_SECONDS = 10.0  # a reader quits in well under a second; one that hangs must not hold the server


class ServeError(ReaderError):
    """The server cannot start (a port in use, an unknown host): one line, exit status 2."""


@dataclass(frozen=True)
class TabCommand:
    """What each browser tab runs: this Python's reader on this server's store, config and size cap.

    The data folder goes on the command line (the config folder rides in the environment, which
    textual-serve passes on), so every tab writes to the same store as the one the server named.
    """

    source: str | None
    data_dir: Path
    max_size: str | None = None

    def shell(self) -> str:
        """textual-serve runs a shell command; ``exec`` makes the reader the process it stops."""
        argv = [sys.executable, "-m", "reader.cli", "--data-dir", str(self.data_dir)]
        if self.max_size:
            argv += ["--max-size", self.max_size]
        if self.source is not None:
            argv.append(self.source)
        return "exec " + shlex.join(argv)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (0: a free port), or ServeError saying why not."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ServeError(f"cannot serve on {host!r}: unknown host ({exc})") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port left in TIME_WAIT, not one in use
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use (choose another with --port, or --port 0)"
            ) from None
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def is_loopback(sock: socket.socket) -> bool:
    """Bound to this machine only (127.0.0.0/8, ::1): ``--host localhost`` is as private as the default."""
    return ipaddress.ip_address(sock.getsockname()[0].split("%")[0]).is_loopback


def page_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


class ReaderServer(Server):
    """textual-serve's Server with the reader's page, per-request URLs and tabs that can all be stopped."""

    def __init__(self, command: TabCommand, title: str) -> None:
        super().__init__(command.shell(), title=title, templates_path=TEMPLATES)
        self._tabs: set[asyncio.Task[Any]] = set()

    async def handle_index(self, request: web.Request) -> Any:
        """The page's static and websocket URLs come from ``public_url``: make it the origin this browser
        asked for (behind a proxy, its Host and X-Forwarded-Proto). Nothing awaits between setting it and
        the page being rendered, so requests never see each other's."""
        scheme = request.headers.get("X-Forwarded-Proto", request.scheme).split(",")[0].strip()
        self.public_url = f"{'https' if scheme == 'https' else 'http'}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab and its reader process, kept so that a stop can end them all."""
        task = asyncio.current_task()
        assert task is not None
        self._tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(task)

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner with the command; ``serve`` prints the one line that matters."""

    async def stop_tabs(self) -> int:
        """Cancel every tab: textual-serve then tells its reader to quit and waits for the process to end.

        Returns how many tabs were open."""
        tabs = list(self._tabs)
        for task in tabs:
            task.cancel()
        if tabs:
            await asyncio.wait(tabs, timeout=TAB_STOP_SECONDS)
        return len(tabs)


async def run(server: ReaderServer, sock: socket.socket, ready: str) -> None:
    """Serve on ``sock`` until SIGINT or SIGTERM, then stop every tab and the server."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    # textual-serve has no public way to get its routes without its own run_app (which binds the port
    # itself and cannot report a free one): its _make_app is why pyproject pins it to a minor version.
    runner = web.AppRunner(await server._make_app(), handle_signals=False, shutdown_timeout=1.0)
    await runner.setup()
    site = web.SockSite(runner, sock)
    await site.start()
    print(ready, flush=True)
    try:
        await stop.wait()
    finally:
        await site.stop()  # no new tabs while the open ones close
        closed = await server.stop_tabs()
        await runner.cleanup()
        print(f"reader: server stopped ({closed} open tab(s) closed)", file=sys.stderr, flush=True)


def quiet_logging() -> None:
    """textual-serve logs each request at INFO; keep its warnings and errors, on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("reader serve: %(message)s"))
    for name in ("textual-serve", "aiohttp"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
