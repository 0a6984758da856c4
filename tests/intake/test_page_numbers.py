"""A PDF's page numbers reach the user: "p. N" in the TUI's place, in ``reader notes`` and in the exports."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main
from reader.intake import load
from reader.store import Store
from reader.tui.state import ReadingState
from tests.intake.pdf_fixtures import write_pdf
from tests.intake.test_pdf_intake import REPORT_PAGES


def test_notes_and_the_markdown_export_of_a_pdf_say_the_page(tmp_path: Path, capsys) -> None:
    report = write_pdf(tmp_path / "report.pdf", REPORT_PAGES)
    document = load(str(report))
    start = document.text.index("About 30,000 vehicles")  # paragraph 4, on page 2
    with Store.open() as store:
        store.open_document(document)
        store.annotate(document.sha256, start, start + 21, tag="needs-source")
        assert store.document(document.sha256).pages == document.pages  # kept beside the text
    assert main(["notes", str(report)]) == 0
    assert "p. 2, paragraph 4" in capsys.readouterr().out
    out = tmp_path / "notes.md"
    assert main(["export", str(report), "-o", str(out)]) == 0
    assert "p. 2, paragraph 4" in out.read_text(encoding="utf-8")


def test_a_text_file_has_no_page_in_its_place(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\nThe council met on Monday. It voted.\n", encoding="utf-8")
    assert not ReadingState(load(str(article))).place.startswith("p. ")


def test_the_reading_place_of_a_pdf_names_the_page(tmp_path: Path) -> None:
    state = ReadingState(load(str(write_pdf(tmp_path / "report.pdf", REPORT_PAGES))))
    assert state.place.startswith("p. 1, paragraph 1")
    state.cursor_to(state.document.text.index("Residents welcomed"))
    assert state.place.startswith("p. 3, paragraph 5")
