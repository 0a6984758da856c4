"""What screens may ask of the application, typed: the session, its notices and moving between screens.

Screens reach the running ``ReaderApp`` through ``host(node)`` rather than
``node.app`` plus a ``type: ignore``: the protocol names every call a screen
makes, and a screen never imports another screen to go there (the App
navigates), so the screens form no import circle. ``ReaderApp`` implements it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from reader.tui.session import Session


class Host(Protocol):
    """The part of ``reader.tui.app.ReaderApp`` the screens use."""

    @property
    def session(self) -> Session: ...

    def show_notices(self) -> None: ...

    def open_library(self) -> None: ...

    def open_article(self, sha256: str) -> None: ...


def host(node: DOMNode) -> Host:
    """The reader application running ``node``."""
    return cast("Host", node.app)
