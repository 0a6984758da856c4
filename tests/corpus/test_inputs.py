"""What corpus analyze reads: WARC response records (written here with warcio), and what it refuses."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.corpus.inputs import BadLine, Item, read_inputs
from reader.intake import InputError

PAGE = (
    "<html><head><title>Budget row</title></head><body><article><h1>Budget row</h1>"
    "<p>The finance minister said the plan would cost $3 billion over five years, officials said.</p>"
    "<p>Critics said the figure was far too low and called for an independent review.</p>"
    "</article></body></html>"
)


def write_warc(path: Path) -> Path:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))

        def response(url: str, body: bytes, kind: str, date: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )  # fmt: skip
            writer.write_record(record)

        writer.write_record(
            writer.create_warc_record("https://news.example/a", "request", payload=BytesIO(b"GET /a"))
        )
        response("https://news.example/a", PAGE.encode(), "text/html; charset=utf-8", "2024-03-05T10:00:00Z")
        response("https://img.example/x.png", b"\x89PNG\r\n", "image/png", "2024-03-05T10:00:01Z")
        response(
            "https://other.example/b",
            PAGE.encode("latin-1"),
            "text/html; charset=latin-1",
            "2024-04-01T08:00:00Z",
        )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_items_with_host_and_date(tmp_path: Path, name: str):
    folder = tmp_path / "in"
    folder.mkdir()
    write_warc(folder / name)
    (folder / "notes.csv").write_text("not an article\n")  # a folder's unknown kinds are passed over
    items = list(read_inputs([str(folder)]))
    assert [(i.id, i.kind, i.outlet, i.date) for i in items] == [
        ("https://news.example/a", "html", "news.example", "2024-03-05"),
        ("https://other.example/b", "html", "other.example", "2024-04-01"),
    ]
    assert all(isinstance(i, Item) and i.metadata == {"url": i.id, "warc": name} for i in items)
    document = items[0].load(1 << 20)
    assert "cost $3 billion" in document.text and "<p>" not in document.text


def test_a_file_that_is_not_warc_is_one_input_error(tmp_path: Path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is no archive\n" * 20))
    with pytest.raises(InputError, match="not a readable WARC file"):
        list(read_inputs([str(path)]))


def test_a_damaged_warc_keeps_what_was_read_and_records_the_rest(tmp_path: Path):
    whole = write_warc(tmp_path / "whole.warc").read_bytes()
    last = whole.rindex(b"WARC/1.")
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(whole[:last] + b"garbage\r\n\r\n" + whole[last:])
    entries = list(read_inputs([str(damaged)]))
    assert [type(e) for e in entries] == [Item, BadLine]
    assert entries[1].error.startswith("WARC damaged after 1 records: Invalid WARC record")
    assert "\n" not in entries[1].error
