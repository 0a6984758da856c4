"""EPUB 2 and 3 read from the zip: spine order (not manifest order), chapters as titled sections, the nav left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import InputError, load
from reader.intake.document import Section
from tests.intake.office_fixtures import epub, epub_parts, zip_bytes

CHAPTERS = [
    ("The Harbour", ["Ships came in at dawn.", "The harbour master counted 42 of them."]),
    ("The Bridge", ["The bridge had been closed for eight months."]),
    ("The Vote", ["The council voted on Monday.", "Critics said the plan was rushed."]),
]
TEXT = "\n".join(
    [
        "The Harbour",
        "Ships came in at dawn.",
        "The harbour master counted 42 of them.",
        "The Bridge",
        "The bridge had been closed for eight months.",
        "The Vote",
        "The council voted on Monday.",
        "Critics said the plan was rushed.",
    ]
)


@pytest.mark.parametrize("version", ["2.0", "3.0"])
def test_chapters_in_spine_order_become_sections(tmp_path: Path, version: str) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(epub(CHAPTERS, version=version, title="Harbour Tales"))
    document = load(str(path))
    assert document.text == TEXT
    assert "Contents" not in document.text  # the EPUB 3 navigation document is not a chapter
    assert document.extractor == "epub"
    assert document.title == "Harbour Tales"
    assert document.sections == (Section("The Harbour", 0), Section("The Bridge", 3), Section("The Vote", 5))
    for section in document.sections:
        start = document.paragraphs[section.paragraph].start
        assert document.text[start:].startswith(section.title)


def test_a_chapter_without_a_heading_is_named_by_its_title_or_number(tmp_path: Path) -> None:
    parts = epub_parts(CHAPTERS)
    parts["OEBPS/text/ch2.xhtml"] = (
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Interlude</title></head>'
        b"<body><p>Rain.</p></body></html>"
    )
    parts["OEBPS/text/ch3.xhtml"] = (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Sun &amp; wind&nbsp;again.</p></body></html>'
    )
    path = tmp_path / "book.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    document = load(str(path))
    assert [s.title for s in document.sections] == ["The Harbour", "Interlude", "Chapter 3"]
    assert document.text.endswith("Rain.\nSun & wind again.")  # &nbsp; read by the HTML parser, as a space


def test_an_epub_renamed_zip_is_still_a_book(tmp_path: Path) -> None:
    path = tmp_path / "book.zip"
    path.write_bytes(epub(CHAPTERS))
    assert load(str(path)).text == TEXT


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"META-INF/container.xml": None}, r"the EPUB lacks its part 'META-INF/container\.xml'"),
        ({"OEBPS/content.opf": b"not xml at all <<<"}, r"the EPUB package document is not readable XML"),
        ({"OEBPS/text/ch1.xhtml": None}, r"the EPUB lacks its part 'OEBPS/text/ch1\.xhtml'"),
    ],
    ids=["no-container", "bad-package", "missing-chapter"],
)
def test_a_broken_book_is_one_line(
    tmp_path: Path, capsys, change: dict[str, bytes | None], reason: str
) -> None:
    parts = epub_parts(CHAPTERS)
    for name, data in change.items():
        if data is None:
            del parts[name]
        else:
            parts[name] = data
    path = tmp_path / "broken.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    with pytest.raises(InputError, match=reason):
        load(str(path))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_analyze_json_names_the_epub_extractor(tmp_path: Path, capsys) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(epub(CHAPTERS))
    assert main(["analyze", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["extractor"] == "epub"
