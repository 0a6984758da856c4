"""Files shipped with the package (Textual stylesheets), found the same way in a wheel and a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def styles_dir() -> Path:
    """``reader/styles`` inside an installed wheel, else the checkout's top-level ``styles/``."""
    for candidate in (_PACKAGE / "styles", _PACKAGE.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("reader's styles folder is missing from this installation")


def stylesheet(name: str) -> Path:
    return styles_dir() / name
