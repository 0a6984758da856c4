"""WARC in the reader: one capture by URL (named by archive, URL and date), and one line for each refusal."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from reader.cli import main
from reader.intake import load, warc
from tests.corpus.test_inputs import write_warc


def test_find_opens_the_capture_of_a_url_and_its_name_reopens_it(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "crawl.warc")
    response = warc.find(archive, "https://news.example/a")
    document = warc.document(archive, response)
    assert document.source == f"warc:{archive.resolve()}#https://news.example/a@2024-03-05T10:00:00Z"
    assert "cost $3 billion" in document.text and "<p>" not in document.text
    again = load(document.source)
    assert (again.text, again.source) == (document.text, document.source)


def test_the_open_command_refuses_each_bad_archive_input_in_one_line(tmp_path: Path, capsys) -> None:
    archive = write_warc(tmp_path / "crawl.warc.gz")
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"this is no archive\n" * 20))
    cases = [
        (["analyze", str(archive)], "a web archive holds many pages"),
        (
            [str(archive), "--url", "https://nowhere.example/"],
            "no HTML response for https://nowhere.example/",
        ),
        ([str(broken), "--url", "https://news.example/a"], "not a readable WARC file"),
        ([str(broken)], "not a readable WARC file"),
        ([str(tmp_path / "missing.warc")], "no such file or directory"),
        ([f"warc:{tmp_path / 'missing.warc'}#https://x.example/@2024"], "no such file or directory"),
    ]
    for argv, reason in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("reader: ") and err.count("\n") == 1 and reason in err, (argv, err)


def test_url_outside_an_archive_is_a_usage_line(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some words.\n")
    assert main([str(article), "--url", "https://x.example/"]) == 2
    assert capsys.readouterr().err == "reader: --url picks a page in a web archive (.warc or .warc.gz)\n"


def test_records_with_lying_lengths_are_one_line_or_nothing_on_stderr(tmp_path: Path, capfd) -> None:
    raw = write_warc(tmp_path / "crawl.warc").read_bytes()
    for fake in (b"999999", b"3", b"-5", b"abc"):
        lying = tmp_path / "lying.warc"
        lying.write_bytes(re.sub(rb"Content-Length: \d+", b"Content-Length: " + fake, raw, count=3))
        assert main([str(lying)]) == 2, fake
        err = capfd.readouterr().err
        assert err.startswith(f"reader: {lying}: ") and err.count("\n") == 1, (fake, err)
