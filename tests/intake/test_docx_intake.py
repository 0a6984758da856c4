"""DOCX intake through mammoth on Word files the test writes: headings, lists and footnotes arrive as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import InputError, load
from tests.intake.office_fixtures import docx, docx_parts, zip_bytes

BLOCKS = [
    ("h1", "Council budget approved"),
    (
        "p",
        "The council approved a budget of 42 million euros on Monday.",
        "Minutes of the council, 3 March 2024.",
    ),
    ("h2", "What changes"),
    ("ul", "Bus fares fall by 10%"),
    ("ul", "Two libraries reopen"),
    ("p", "The steps, in order:"),
    ("ol", "A vote in April"),
    ("ol", "Spending from May"),
    ("p", "Critics said the plan was rushed, according to a statement.", "Opposition statement, 4 March."),
]
TEXT = "\n".join(
    [
        "Council budget approved",
        "The council approved a budget of 42 million euros on Monday.[1]",
        "What changes",
        "- Bus fares fall by 10%",
        "- Two libraries reopen",
        "The steps, in order:",
        "1. A vote in April",
        "2. Spending from May",
        "Critics said the plan was rushed, according to a statement.[2]",
        "1. Minutes of the council, 3 March 2024.",
        "2. Opposition statement, 4 March.",
    ]
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "budget.docx"
    path.write_bytes(docx(BLOCKS))
    return path


def test_headings_lists_and_footnotes_are_text(letter: Path) -> None:
    document = load(str(letter))
    assert document.text == TEXT
    assert document.extractor.startswith("docx:mammoth-")
    assert document.title == "Council budget approved"
    assert document.pages == () and document.sections == ()


def test_a_docx_under_another_name_is_still_a_docx(tmp_path: Path, letter: Path) -> None:
    renamed = tmp_path / "attachment"
    renamed.write_bytes(letter.read_bytes())
    assert load(str(renamed)).text == TEXT


def test_images_are_never_opened(tmp_path: Path) -> None:
    """A picture part that would fail to decompress cannot matter: mammoth is never asked for its bytes."""
    parts = docx_parts([("p", "A caption-free photo follows."), ("p", "The end.")])
    parts["word/media/image1.png"] = b"\x89PNG" + bytes(64)
    path = tmp_path / "photo.docx"
    path.write_bytes(zip_bytes(parts))
    assert load(str(path)).text == "A caption-free photo follows.\nThe end."


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ({"word/other.xml": b"<x/>"}, r"not a Word document \(the DOCX has no word/document\.xml\)"),
        ({**docx_parts([("p", "")])}, r"the DOCX has no readable text"),
    ],
    ids=["no-document-part", "empty"],
)
def test_a_docx_without_text_is_one_line(
    tmp_path: Path, capsys, parts: dict[str, bytes], reason: str
) -> None:
    path = tmp_path / "odd.docx"
    path.write_bytes(zip_bytes(parts))
    with pytest.raises(InputError, match=reason):
        load(str(path))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_analyze_json_names_the_docx_extractor(letter: Path, capsys) -> None:
    assert main(["analyze", "--json", str(letter)]) == 0
    document = json.loads(capsys.readouterr().out)["document"]
    assert document["extractor"].startswith("docx:mammoth-")
