"""Dispatch and reading: stdin, pipes, capped reads, paths that look like URLs, plain text kept exactly."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.intake import InputError, load
from reader.intake.sources import _read_capped


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_plain_text_is_kept_exactly(tmp_path: Path, seed_path: Path, seed_text: str) -> None:
    document = load(str(seed_path))
    assert document.text == seed_text.replace("\r\n", "\n")
    assert document.extractor == "plain"
    assert document.source == str(seed_path)
    assert document.title == seed_text.strip().split("\n")[0].strip()[:200]
    assert len(document.paragraphs) == len([line for line in seed_text.split("\n") if line.strip()])


def test_stdin_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "Piped headline\r\n\r\nA paragraph with “quotes”.\r\n".encode("cp1252"))
    document = load("-")
    assert (document.source, document.extractor, document.title) == ("<stdin>", "plain", "Piped headline")
    assert document.text == "Piped headline\n\nA paragraph with “quotes”.\n"


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch, article_page) -> None:
    _stdin(monkeypatch, article_page.html.encode())
    document = load("-")
    assert document.extractor.startswith("html:trafilatura-")
    assert document.title == article_page.title


def test_stdin_over_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"a" * 101)
    with pytest.raises(InputError, match=r"^<stdin>: larger than the 100 bytes size limit;"):
        load("-", max_bytes=100)
    _stdin(monkeypatch, b"a" * 100)
    assert load("-", max_bytes=100).text == "a" * 100


def test_capped_read_stops_one_byte_past_the_cap() -> None:
    class Counting(io.BytesIO):
        requested = 0

        def read(self, size: int | None = -1) -> bytes:
            Counting.requested = size if size is not None else -1
            return super().read(size)

    assert _read_capped(Counting(b"x" * 10_000), 100) is None
    assert Counting.requested == 101
    assert _read_capped(Counting(b"x" * 100), 100) == b"x" * 100


def test_endless_pipe_is_cut_at_the_cap(tmp_path: Path) -> None:
    """A FIFO reports size 0, so only the capped read protects against it."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        try:
            with open(fifo, "wb") as stream:
                for _ in range(64):
                    stream.write(b"words " * 2048)
        except BrokenPipeError:
            pass  # the reader stopped at the cap, as it should

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with pytest.raises(InputError, match="larger than the 4 KB size limit"):
        load(str(fifo), max_bytes=4096)
    thread.join(5)
    assert not thread.is_alive()


def test_device_is_not_a_regular_file() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: not a regular file$"):
        load("/dev/zero")


def test_existing_file_with_a_colon_is_a_file_not_a_scheme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes:draft.txt").write_text("A draft with a colon in its name.\n", encoding="utf-8")
    assert load("notes:draft.txt").text == "A draft with a colon in its name.\n"
    with pytest.raises(InputError, match=r"^mailto:desk@example.org: unsupported URL scheme 'mailto:'"):
        load("mailto:desk@example.org")


def test_not_a_valid_http_url() -> None:
    with pytest.raises(InputError, match=r"^http://: not a valid http\(s\) URL$"):
        load("http://")


def test_importing_intake_loads_no_heavy_library() -> None:
    """Opening a plain file should not pay for the HTML extractor, the Markdown parser, spaCy or Textual."""
    probe = "import sys, reader.intake; print(sorted(m for m in ('spacy', 'textual', 'trafilatura', 'markdown_it') if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
