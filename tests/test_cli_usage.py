"""The command line as a new user meets it: help, global options in either place, mistyped commands,
and batches where some inputs are bad (issue 16, items 12 and 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import OpenArgs, build_open_parser, main, open_args


def test_help_names_the_reader_the_library_and_the_global_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for words in ("reader ARTICLE", "library", "--data-dir", "--max-size", "analyze", "export"):
        assert words in out, words


@pytest.mark.parametrize(
    "argv",
    [
        ["--max-size", "1K", "analyze", "{source}"],
        ["--max-size=1K", "analyze", "{source}"],
        ["analyze", "--max-size", "1K", "{source}"],
        ["analyze", "{source}", "--max-size", "1K"],
    ],
    ids=["before", "before-equals", "after", "at-the-end"],
)
def test_global_max_size_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    small = tmp_path / "small.txt"
    small.write_text("The minister said the bridge would cost 3 million dollars.\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("The minister said so. " * 100, encoding="utf-8")  # 2,200 bytes: over 1K
    assert main([item.format(source=small) for item in argv]) == 0
    assert "3 million" in capsys.readouterr().out
    assert main([item.format(source=big) for item in argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "larger than the 1 KB size limit" in err


def test_global_max_size_reaches_notes_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The minister said so. " * 100, encoding="utf-8")
    for command in (["notes", str(big)], ["export", str(big), "-o", str(tmp_path / "x.md")]):
        assert main(["--max-size", "1K", *command]) == 2
        assert "size limit" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["analyse", "a.txt"], "reader: unknown command 'analyse'; did you mean 'analyze'?"),
        (["analyse"], "reader: unknown command 'analyse'; did you mean 'analyze'?"),
        (["exprot", "--all"], "reader: unknown command 'exprot'; did you mean 'export'?"),
        (["--max-size", "1K", "note", "a.txt"], "reader: unknown command 'note'; did you mean 'notes'?"),
        (["frobnicate", "a.txt"], "reader: unknown command 'frobnicate' (commands: analyze, notes,"),
    ],
)
def test_a_mistyped_command_names_it_and_the_nearest(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    line: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(
        "The minister said the bridge would cost 3 million dollars.\n", encoding="utf-8"
    )
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith(line), err


def test_a_file_named_like_a_command_still_opens_as_an_article_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing ``notes.txt`` is a missing file, not a mistyped ``notes``."""
    monkeypatch.chdir(tmp_path)
    assert main(["notes.txt"]) == 2
    assert capsys.readouterr().err == "reader: notes.txt: no such file or directory\n"


def _batch(tmp_path: Path) -> tuple[Path, Path, Path]:
    good = tmp_path / "good.txt"
    good.write_text("The minister said the bridge would cost 3 million dollars.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Police said 40 people were hurt in the crash on Monday.\n", encoding="utf-8")
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return good, bad, other


@pytest.mark.parametrize(
    "extra", [[], ["--json"], ["--json", "--jobs", "2"]], ids=["summary", "json", "jobs"]
)
def test_one_bad_input_does_not_kill_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    good, bad, other = _batch(tmp_path)
    assert main(["analyze", *extra, str(good), str(bad), str(other)]) == 1
    out, err = capsys.readouterr()
    assert err == f"reader: {bad}: a PNG image, not text\n"
    if "--json" in extra:
        sources = [json.loads(line)["document"]["source"] for line in out.splitlines()]
        assert sources == [str(good), str(other)]
    else:
        assert str(good) in out and str(other) in out


def test_a_batch_where_every_input_is_bad_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _good, bad, _other = _batch(tmp_path)
    missing = tmp_path / "missing.txt"
    assert main(["analyze", "--json", str(bad), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"reader: {bad}: a PNG image, not text",
        f"reader: {missing}: no such file or directory",
    ]


@pytest.mark.parametrize(
    "argv", [[], ["article.txt"], ["-"], [""], ["article.txt", "--url", "http://x.example/"]]
)
def test_the_open_command_reads_as_its_parser_does(argv: list[str]) -> None:
    """``reader ARTICLE`` skips argparse (reader.cli.open_args): the same source and URL either way."""
    parsed = build_open_parser().parse_args(argv)
    assert open_args(argv) == OpenArgs(parsed.source, parsed.url)


def test_an_option_to_the_open_command_still_goes_through_its_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        open_args(["--version"])
    assert capsys.readouterr().out.startswith("reader ")
