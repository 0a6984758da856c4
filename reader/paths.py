"""Where the reader keeps things: platformdirs folders, overridable for tests and power users.

Nothing is created at import time; callers create folders on first use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "reader"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``READER_DATA_DIR``, else the platform's user data folder."""
    chosen = override or os.environ.get("READER_DATA_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP))


def config_dir() -> Path:
    chosen = os.environ.get("READER_CONFIG_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_config_dir(APP))


def exports_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Default folder for exports made from the TUI."""
    return Path(override) if override else data_dir() / "exports"
