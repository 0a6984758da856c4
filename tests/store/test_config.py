"""config.toml: defaults, renamed and added tags, exports folder, one-line errors, key validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import DEFAULT_TAG_KEYS, Config, ConfigError, config_path, load_config
from reader.store import DEFAULT_TAGS


def write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(isolated_dirs: Path) -> None:
    config = load_config()
    assert config.tag_keys == {
        "1": "needs-source",
        "2": "verified",
        "3": "disputed",
        "4": "false",
        "5": "opinion",
    }
    assert config.tags == DEFAULT_TAGS
    assert config.exports_dir() == isolated_dirs / "data" / "exports"


def test_rename_add_and_remove_tags() -> None:
    write(
        'exports = "~/notes/reader"\n[tags]\n"1" = "unsourced"\n"6" = "misleading"\n"5" = ""\nm = "missing-context"\n'
    )
    config = load_config()
    assert config.tag_keys == {
        "1": "unsourced",
        "2": "verified",
        "3": "disputed",
        "4": "false",
        "6": "misleading",
        "m": "missing-context",
    }
    assert config.exports == Path("~/notes/reader").expanduser()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tags = [", "invalid TOML"),
        ("colour = 'red'", "unknown setting(s) colour"),
        ("tags = 'x'", "[tags] must be a table"),
        ('[tags]\n"12" = "x"', "single printable character"),
        ('[tags]\n"1" = 3', "must be a string"),
        ('[tags]\n"1" = "two words"', "is not a tag name"),
        ("exports = 5", "exports must be a folder path"),
        ('[tags]\n"1"=""\n"2"=""\n"3"=""\n"4"=""\n"5"=""', "leaves no tag keys"),
    ],
)
def test_bad_config_is_one_clear_line(text: str, message: str) -> None:
    path = write(text)
    with pytest.raises(ConfigError) as caught:
        load_config()
    line = str(caught.value)
    assert "\n" not in line.strip() and line.startswith(str(path)) and message in line


def test_not_utf8() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe[tags]")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config()


def test_validate_against_reading_keys() -> None:
    Config().validate({"j", "k", "q", "/"})
    clash = Config(tag_keys={**DEFAULT_TAG_KEYS, "j": "misleading"})
    with pytest.raises(ConfigError, match="'j'"):
        clash.validate({"j", "k"})
