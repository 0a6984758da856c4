"""Verdicts (with their history) and evidence records on an annotation, and the checks on what users type.

A verdict is a value from the rating scale of ``config.toml`` (``[verdicts]``);
the store keeps every change as a (value, time) entry so the history can be
shown and exported, and an entry whose value is None clears the verdict. The
store does not know the scale: a value is checked against it where it is typed
(``check_verdict``), and an old verdict no longer on an edited scale is kept and
shown as off-scale. Evidence is never fetched: ``archive_url`` composes the
Wayback Machine link for the user to open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from reader.intake.document import without_surrogates

DEFAULT_TAGS: tuple[str, ...] = ("needs-source", "verified", "disputed", "false", "opinion")
DEFAULT_SCALE: tuple[str, ...] = ("true", "mostly-true", "misleading", "false", "unproven")
ARCHIVE = "https://web.archive.org/web/"
LABEL_PATTERN = re.compile(r"^[^\s#,\[\]]{1,40}$")


@dataclass(frozen=True)
class Verdict:
    """One entry of a verdict's history: the value given (None = cleared) and when."""

    value: str | None
    time: str


@dataclass(frozen=True)
class Evidence:
    """A source relied on for a verdict. Only ``url`` is required; ``accessed`` is a YYYY-MM-DD date."""

    id: str
    url: str
    title: str | None = None
    accessed: str | None = None
    passage: str | None = None
    note: str | None = None

    @property
    def archive_url(self) -> str:
        return archive_url(self.url)


def archive_url(url: str) -> str:
    return ARCHIVE + url


def check_label(value: str, what: str = "verdict") -> str:
    if not LABEL_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a {what} name (1-40 characters, no spaces, '#', ',' or brackets)")
    return value


def check_tag(tag: str) -> str:
    if without_surrogates(tag) != tag:
        raise ValueError(f"{tag!r} is not a tag name (1-40 characters, no spaces, '#', ',' or brackets)")
    return check_label(tag, "tag")


def check_verdict(value: str, scale: tuple[str, ...]) -> str:
    if value not in scale:
        raise ValueError(f"{value!r} is not on the verdict scale ({', '.join(scale)})")
    return value


def check_url(url: str) -> str:
    """An absolute http(s) URL with a host, no spaces: what an archive link can be made from."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise ValueError(f"{url!r} is not a web address (http:// or https:// and a host)")
    return url


def check_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    if len(value) != 10:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    return value


def position(value: str | None, scale: tuple[str, ...]) -> int | None:
    """The 1-based place of ``value`` on the scale, or None (undecided, or off-scale after an edit)."""
    return scale.index(value) + 1 if value in scale else None


def shown(value: str | None, scale: tuple[str, ...]) -> str:
    if value is None:
        return "undecided"
    return value if value in scale else f"{value} (off-scale)"


def checked_evidence(ident: str, url: str, details: dict[str, str | None]) -> Evidence:
    unknown = set(details) - {"title", "accessed", "passage", "note"}
    if unknown:
        raise TypeError(f"unknown evidence field(s): {', '.join(sorted(unknown))}")
    cleaned = {key: clean_note(value) for key, value in details.items()}
    if cleaned.get("accessed") is not None:
        check_date(cleaned["accessed"])
    return Evidence(ident, check_url(url), **cleaned)


def clean_note(note: str | None) -> str | None:
    """Stripped, None when blank; lone surrogates (a broken paste) become U+FFFD, as SQLite needs UTF-8."""
    return without_surrogates(note).strip() or None if note is not None else None
