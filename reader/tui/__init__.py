"""The Textual reading interface. Importing this package imports Textual; the core packages never do."""

from __future__ import annotations

from reader.tui.app import ReaderApp

__all__ = ["ReaderApp"]
