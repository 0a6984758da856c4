"""The user's ``config.toml`` (in ``reader.paths.config_dir()``): tag keys and the exports folder.

Example::

    exports = "~/Notes/reader"      # where the TUI's export key writes

    [tags]                          # merged over the defaults 1..5; "" removes a key
    "1" = "unsourced"               # rename the tag on key 1
    "6" = "misleading"              # a new tag on key 6

    [verdicts]                      # the rating scale, best first; keys 1..n in the review queue
    scale = ["true", "mostly-true", "misleading", "false", "unproven"]

    [publisher]                     # who signs ClaimReview exports (required by that format)
    name = "Example Fact Check"
    url = "https://factcheck.example.org"

A bad file is one clear line (ConfigError, exit status 2), never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.errors import ReaderError
from reader.store.verdicts import DEFAULT_SCALE, DEFAULT_TAGS, check_label, check_tag, check_url

CONFIG_FILE = "config.toml"
DEFAULT_TAG_KEYS: dict[str, str] = {str(index): tag for index, tag in enumerate(DEFAULT_TAGS, start=1)}
_KNOWN_KEYS = {"exports", "tags", "verdicts", "publisher"}


class ConfigError(ReaderError):
    """The config file is unreadable or invalid; ``str(exc)`` is the line the user sees."""


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks: ClaimReview's ``author``."""

    name: str
    url: str


@dataclass(frozen=True)
class Config:
    tag_keys: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_TAG_KEYS)
    )  # key -> tag, in key order
    exports: Path | None = None
    path: Path | None = None  # the file it came from, for error messages
    scale: tuple[str, ...] = DEFAULT_SCALE  # verdicts, in key order (1 = first)
    publisher: Publisher | None = None

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags offered for tagging, in key order, without repeats."""
        return tuple(dict.fromkeys(self.tag_keys.values()))

    def exports_dir(self) -> Path:
        return self.exports if self.exports is not None else paths.exports_dir()

    def validate(self, reserved_keys: Iterable[str]) -> None:
        """Refuse tag keys that the reading screen already binds (the TUI passes its bindings)."""
        taken = sorted(set(self.tag_keys) & set(reserved_keys))
        if taken:
            where = self.path or CONFIG_FILE
            raise ConfigError(
                f"{where}: tag key(s) {', '.join(map(repr, taken))} already used by the reader; pick others"
            )


def config_path() -> Path:
    return paths.config_dir() / CONFIG_FILE


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file means the defaults."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if sys.version_info >= (3, 11):  # only a config file that exists needs the parser (start-up time)
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(sorted(_KNOWN_KEYS))})"
        )
    return Config(
        tag_keys=_tag_keys(path, data.get("tags", {})),
        exports=_exports(path, data.get("exports")),
        path=path,
        scale=_scale(path, data.get("verdicts", {})),
        publisher=_publisher(path, data.get("publisher")),
    )


def _scale(path: Path, table: object) -> tuple[str, ...]:
    if not isinstance(table, dict) or set(table) - {"scale"}:
        raise ConfigError(f"{path}: [verdicts] must hold only scale = [...]")
    scale = table.get("scale", list(DEFAULT_SCALE))
    if not isinstance(scale, list) or not scale or not all(isinstance(v, str) for v in scale):
        raise ConfigError(f"{path}: [verdicts] scale must be a non-empty list of verdict names")
    if len(scale) > 9 or len(set(scale)) != len(scale):
        raise ConfigError(f"{path}: [verdicts] scale needs 1 to 9 different verdicts (keys 1..9)")
    try:
        return tuple(check_label(value) for value in scale)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _publisher(path: Path, table: object) -> Publisher | None:
    if table is None:
        return None
    if not isinstance(table, dict) or not isinstance(table.get("name"), str) or not table["name"].strip():
        raise ConfigError(f'{path}: [publisher] needs name = "..." and url = "https://..."')
    try:
        url = check_url(str(table.get("url", "")))
    except ValueError as exc:
        raise ConfigError(f"{path}: [publisher] url: {exc}") from None
    return Publisher(table["name"].strip(), url)


def _tag_keys(path: Path, table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [tags] must be a table of key = "tag" pairs')
    keys = dict(DEFAULT_TAG_KEYS)
    for key, tag in table.items():
        if len(key) != 1 or not key.isprintable() or key.isspace():
            raise ConfigError(f"{path}: tag key {key!r} must be a single printable character")
        if not isinstance(tag, str):
            raise ConfigError(f"{path}: tag for key {key!r} must be a string")
        if tag == "":
            keys.pop(key, None)
            continue
        try:
            keys[key] = check_tag(tag)
        except ValueError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    if not keys:
        raise ConfigError(f"{path}: [tags] leaves no tag keys")
    return dict(sorted(keys.items()))


def _exports(path: Path, value: object) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: exports must be a folder path (a string)")
    return Path(value).expanduser()
