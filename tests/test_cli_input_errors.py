"""Every bad input: one line ``reader: <source>: <reason>`` on stderr, exit status 2, no traceback.

Run through ``reader.cli.main`` for both the open command and ``analyze``, and
through a real ``reader analyze`` process for a few, so the console script's
own exit path is covered too. URL failures are in tests/intake/test_fetch.py.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import DEFAULT_MAX_BYTES, resolve_max_bytes

READER = Path(sys.executable).with_name("reader")  # the venv running the tests, wherever the checkout is


def _png(tmp: Path) -> str:
    (tmp / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    return str(tmp / "photo.png")


def _elf(tmp: Path) -> str:
    (tmp / "tool").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + os.urandom(256))
    return str(tmp / "tool")


def _photo_named_txt(tmp: Path) -> str:
    (tmp / "article.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(256))
    return str(tmp / "article.txt")


def _empty(tmp: Path) -> str:
    (tmp / "empty.txt").write_bytes(b"")
    return str(tmp / "empty.txt")


def _whitespace(tmp: Path) -> str:
    (tmp / "blank.txt").write_bytes(" \n\t\r\n  \n\u3000\n".encode())
    return str(tmp / "blank.txt")


def _no_article(tmp: Path) -> str:
    page = "<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>(c) 2024</footer></body></html>"
    (tmp / "menu.html").write_text(page, encoding="utf-8")
    return str(tmp / "menu.html")


def _undecodable(tmp: Path) -> str:
    (tmp / "mixed.txt").write_bytes(b"Some text \xe9\xff then \x01\x02\x03\x04 control bytes")
    return str(tmp / "mixed.txt")


def _missing(tmp: Path) -> str:
    return str(tmp / "nowhere" / "article.txt")


def _directory(tmp: Path) -> str:
    return str(tmp)


def _too_large(tmp: Path) -> str:
    (tmp / "long.txt").write_text("word " * 100, encoding="utf-8")
    return str(tmp / "long.txt")


CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "missing": (_missing, "no such file or directory"),
    "directory": (_directory, "is a directory, not a file"),
    "png": (_png, "a PNG image, not text"),
    "elf": (_elf, "an executable (ELF), not text"),
    "jpeg-named-txt": (_photo_named_txt, "a JPEG image, not text"),
    "empty": (_empty, "the file is empty"),
    "whitespace": (_whitespace, "the file contains only whitespace"),
    "no-article": (_no_article, "no article text found in the HTML"),
    "undecodable": (_undecodable, "undecodable bytes: not UTF-8, UTF-16 or Windows-1252 text"),
    "file-url": (lambda tmp: "file:///etc/hostname", "unsupported URL scheme 'file:' (only http and https)"),
    "ftp-url": (lambda tmp: "ftp://example.org/news.txt", "unsupported URL scheme 'ftp:'"),
    "javascript-url": (
        lambda tmp: "javascript:alert(document.cookie)",
        "unsupported URL scheme 'javascript:'",
    ),
}


def _assert_one_line(capsys: pytest.CaptureFixture[str], source: str, reason: str) -> None:
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(f"reader: {source}: "), err
    assert reason in err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    "command", [[], ["analyze"], ["analyze", "--json"]], ids=["open", "analyze", "analyze-json"]
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, capsys, case: str, command: list[str]) -> None:
    make, reason = CASES[case]
    source = make(tmp_path)
    assert main([*command, source]) == 2
    _assert_one_line(capsys, source, reason)


def test_bad_input_among_good_ones_names_the_bad_one(tmp_path: Path, capsys, seed_path: Path) -> None:
    """The good one is still analysed (issue 16: one bad input does not kill a batch); exit 1."""
    missing = _missing(tmp_path)
    assert main(["analyze", "--json", str(seed_path), missing]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["document"]["source"] for line in out.splitlines()] == [str(seed_path)]
    assert err == f"reader: {missing}: no such file or directory\n"


@pytest.mark.parametrize("command", [[], ["analyze"]], ids=["open", "analyze"])
def test_size_cap_option(tmp_path: Path, capsys, command: list[str]) -> None:
    source = _too_large(tmp_path)  # 500 bytes
    assert main([*command, "--max-size", "100", source]) == 2
    _assert_one_line(
        capsys, source, "larger than the 100 bytes size limit (500 bytes); raise it with --max-size"
    )


def test_size_cap_from_environment(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _too_large(tmp_path)
    monkeypatch.setenv("READER_MAX_BYTES", "0.25K")
    assert main([source]) == 2
    _assert_one_line(capsys, source, "larger than the 256 bytes size limit")
    assert resolve_max_bytes("1K") == 1024  # the option beats the environment
    monkeypatch.delenv("READER_MAX_BYTES")
    assert resolve_max_bytes(None) == DEFAULT_MAX_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("argv", "env", "reason"),
    [
        (["--max-size", "lots"], None, "reader: --max-size: not a size: 'lots'"),
        (["analyze", "--max-size", "0"], None, "reader: --max-size: the size must be at least 1 byte"),
        ([], "ten", "reader: READER_MAX_BYTES: not a size: 'ten'"),
    ],
)
def test_bad_size_values(
    tmp_path: Path, capsys, monkeypatch, argv: list[str], env: str | None, reason: str
) -> None:
    if env:
        monkeypatch.setenv("READER_MAX_BYTES", env)
    assert main([*argv, _too_large(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith(reason)


def test_size_is_checked_before_reading(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 200 MB (sparse) file is refused from its size alone, without being opened."""
    import reader.intake.sources as sources

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(sources, "open", no_open, raising=False)
    assert main([str(huge)]) == 2
    _assert_one_line(capsys, str(huge), "larger than the 50 MB size limit (200 MB)")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads files whatever their mode; see the monkeypatched case below"
)
def test_permission_denied_for_real(tmp_path: Path, capsys) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret article\n", encoding="utf-8")
    locked.chmod(0)
    try:
        assert main([str(locked)]) == 2
    finally:
        locked.chmod(0o600)
    _assert_one_line(capsys, str(locked), "permission denied")


def test_permission_denied(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.intake.sources as sources

    locked = tmp_path / "locked.txt"
    locked.write_text("secret article\n", encoding="utf-8")

    def denied(path: object, mode: str = "r", *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sources, "open", denied, raising=False)
    assert main(["analyze", str(locked)]) == 2
    _assert_one_line(capsys, str(locked), "permission denied")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image, not text"),
        (b"x" * 300, "size limit"),
    ],
    ids=["empty", "png", "too-large"],
)
def test_bad_stdin(capsys, monkeypatch: pytest.MonkeyPatch, data: bytes, reason: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["--max-size", "200", "-"]) == 2
    _assert_one_line(capsys, "<stdin>", reason)


def test_stdin_from_a_terminal_is_refused(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    assert main(["analyze", "-"]) == 2
    _assert_one_line(capsys, "<stdin>", "nothing piped in")


@pytest.mark.parametrize(
    ("case", "extra"),
    [("png", []), ("missing", []), ("too-large", ["--max-size", "64"]), ("ftp-url", [])],
)
def test_real_process(tmp_path: Path, case: str, extra: list[str]) -> None:
    source = _too_large(tmp_path) if case == "too-large" else CASES[case][0](tmp_path)
    done = subprocess.run(
        [str(READER), "analyze", *extra, source], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"reader: {source}: ")
    assert "Traceback" not in done.stderr
