"""The size cap on any input, and the ``--max-size`` / ``READER_MAX_BYTES`` spelling of it.

The cap keeps a mistaken argument (a disk image, a video, an endless pipe) from
being read into memory: every reader stops at cap + 1 bytes.
"""

from __future__ import annotations

import os
import re

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ENV_MAX_BYTES = "READER_MAX_BYTES"

_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]?)(?:i?b)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """``"50MB"``, ``"512k"``, ``"2G"``, ``"1000"`` to bytes (binary units); ValueError says what was wrong."""
    match = _SIZE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"not a size: {value!r} (use bytes, or a number with K, M or G, e.g. 20M)")
    size = int(float(match["number"]) * _UNITS[match["unit"].lower()])
    if size < 1:
        raise ValueError(f"the size must be at least 1 byte: {value!r}")
    return size


def resolve_max_bytes(option: str | None) -> int:
    """The ``--max-size`` option if given, else ``READER_MAX_BYTES``, else 50 MB."""
    if option is not None:
        try:
            return parse_size(option)
        except ValueError as exc:
            raise ValueError(f"--max-size: {exc}") from None
    env = os.environ.get(ENV_MAX_BYTES)
    if env:
        try:
            return parse_size(env)
        except ValueError as exc:
            raise ValueError(f"{ENV_MAX_BYTES}: {exc}") from None
    return DEFAULT_MAX_BYTES


def describe_size(size: int) -> str:
    """Human units for messages: ``52428800`` -> ``50 MB``."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            amount = size / factor
            return f"{amount:.0f} {unit}" if amount == int(amount) else f"{amount:.1f} {unit}"
    return f"{size} bytes"


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason shown for an input over the cap (``size`` when it is known before reading)."""
    actual = f" ({describe_size(size)})" if size is not None else ""
    return f"larger than the {describe_size(max_bytes)} size limit{actual}; raise it with --max-size or {ENV_MAX_BYTES}"
