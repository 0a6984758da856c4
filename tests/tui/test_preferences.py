"""Preferences: round trip, atomic write, and anything unreadable reads as the defaults."""

from __future__ import annotations

import json

from reader.paths import config_dir
from reader.tui.preferences import Preferences, preferences_path


def test_round_trip_in_the_config_folder() -> None:
    Preferences(theme="reader-light").save()
    assert preferences_path().parent == config_dir()
    assert Preferences.load().theme == "reader-light"
    assert json.loads(preferences_path().read_text())["version"] == 1
    assert [p.name for p in config_dir().iterdir()] == ["preferences.json"]  # no temporary file left


def test_missing_corrupt_or_foreign_files_read_as_defaults() -> None:
    assert Preferences.load().theme is None
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for content in (
        "{not json",
        "[1, 2]",
        json.dumps({"version": 99, "theme": "x"}),
        json.dumps({"version": 1, "theme": 5}),
    ):
        path.write_text(content)
        assert Preferences.load().theme is None
