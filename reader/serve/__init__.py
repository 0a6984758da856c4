"""``reader serve``: the same reader in a browser, one reader process per tab, all on one store.

textual-serve relays each tab's terminal over a websocket to a process of its own, so the
keys, the store and the exports are the terminal reader's (an export is downloaded by the
browser: reader.tui checks ``app.is_web``). The store already takes concurrent writers, so
several tabs on one article each keep their notes and see the others' on reopening.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from reader.serve.server import (
    ReaderServer,
    ServeError,
    TabCommand,
    bind,
    is_loopback,
    page_url,
    quiet_logging,
    run,
)

__all__ = ["ServeError", "serve"]

NO_AUTH_WARNING = (
    "reader: warning: serving on {host}, not the loopback address: there is no authentication, anyone "
    "who can reach this port can read and change every note in the store (see README: reverse proxy)"
)


def serve(
    source: str | None, host: str, port: int, data_dir: Path, max_bytes: int, max_size: str | None
) -> int:
    """Check the article once here (bad input is one line before anything listens), then serve it."""
    from reader.intake import InputError, load

    if source == "-":
        raise InputError(
            "reader serve cannot read stdin: each tab opens the article itself; save it to a file"
        )
    title = "reader: the library"
    if source is not None:
        title = f"reader: {load(source, max_bytes=max_bytes).title or source}"
        if os.path.exists(source):
            source = os.path.abspath(source)  # the tabs may start in another folder
    sock = bind(host, port)
    if not is_loopback(sock):
        print(NO_AUTH_WARNING.format(host=host), file=sys.stderr, flush=True)
    quiet_logging()
    server = ReaderServer(TabCommand(source, data_dir.resolve(), max_size), title)
    ready = (
        f"reader: serving {'the library' if source is None else source} on {page_url(sock)} (Ctrl+C stops)"
    )
    try:
        asyncio.run(run(server, sock, ready))
    finally:
        sock.close()
    return 0
