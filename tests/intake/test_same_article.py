"""The same text met as a .txt, a PDF, a DOCX and an EPUB is one article: one sha256, one set of notes."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main
from reader.intake import load
from reader.store import Store
from tests.intake.office_fixtures import docx, epub
from tests.intake.pdf_fixtures import write_pdf

HEADLINE = "Harbour bridge reopens"
PARAGRAPHS = [
    "The harbour bridge reopened on Monday after eight months of repairs, officials said.",
    "About 30,000 vehicles a day are expected to cross it again, the traffic authority said.",
    "Critics say the project went 15% over budget.",
]


def _all_formats(tmp_path: Path) -> dict[str, Path]:
    text = tmp_path / "story.txt"
    text.write_text("\n".join([HEADLINE, *PARAGRAPHS]), encoding="utf-8")
    pdf = write_pdf(
        tmp_path / "story.pdf", [[[HEADLINE], *([p] for p in PARAGRAPHS)]], header=None
    )  # one page: a header would be text
    word = tmp_path / "story.docx"
    word.write_bytes(docx([("h1", HEADLINE), *(("p", p) for p in PARAGRAPHS)]))
    book = tmp_path / "story.epub"
    book.write_bytes(epub([(HEADLINE, PARAGRAPHS)]))
    return {"plain": text, "pdf": pdf, "docx": word, "epub": book}


def test_every_format_gives_the_same_normalised_text(tmp_path: Path) -> None:
    documents = {kind: load(str(path)) for kind, path in _all_formats(tmp_path).items()}
    assert {d.text for d in documents.values()} == {"\n".join([HEADLINE, *PARAGRAPHS])}
    assert len({d.sha256 for d in documents.values()}) == 1
    assert len({d.extractor.split(":")[0] for d in documents.values()}) == 4


def test_a_note_made_on_the_text_file_shows_on_the_pdf(tmp_path: Path, capsys) -> None:
    paths = _all_formats(tmp_path)
    plain = load(str(paths["plain"]))
    start = plain.text.index("15% over budget")
    with Store.open() as store:
        store.open_document(plain)
        store.annotate(
            plain.sha256, start, start + len("15% over budget"), tag="needs-source", note="Which audit?"
        )
    for kind in ("pdf", "docx", "epub"):
        assert main(["notes", str(paths[kind])]) == 0
        out = capsys.readouterr().out
        assert "Which audit?" in out and "15% over budget" in out, kind
