"""Preferences kept between runs (the theme), in a small versioned JSON file in the config folder.

A missing, unreadable or foreign file reads as the defaults; writes go through
``reader.atomic`` so a crash never leaves half a file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from reader.atomic import write_atomic
from reader.paths import config_dir

VERSION = 1
FILE_NAME = "preferences.json"


def preferences_path() -> Path:
    return config_dir() / FILE_NAME


@dataclass
class Preferences:
    theme: str | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        path = path or preferences_path()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            return cls()  # a first start has no file, and then json (9 ms) waits until after the first frame
        import json

        try:
            data = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls()
        theme = data.get("theme")
        return cls(theme=theme if isinstance(theme, str) else None)

    def save(self, path: Path | None = None) -> None:
        import json

        path = path or preferences_path()
        write_atomic(path, json.dumps({"version": VERSION, **asdict(self)}, indent=2) + "\n")
