"""PDF intake on PDFs reportlab writes here: paragraphs rebuilt, running lines dropped, pages kept, bad PDFs refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import InputError, load
from tests.intake.pdf_fixtures import HEADER, paginate, wrap, write_pdf, write_scan

REPORT_PAGES = [
    [
        ["Bridge repairs finished early"],
        [
            "The harbour bridge reopened on Monday after eight months of repairs that",
            "cost the city 42 million euros, officials said. The work was com-",
            "pleted ahead of the winter storms, the traffic authority added.",
        ],
        [
            "Critics say the project ran three months late and went 15% over budget,",
            "according to a report that the council published on its website and",
        ],
    ],
    [
        [
            "that residents have been reading closely since it appeared in March.",
        ],
        [
            "About 30,000 vehicles a day are expected to use the crossing again, a",
            "spokes-",
            "woman for the city said.",
        ],
    ],
    [
        ["Residents welcomed the news."],
    ],
]
REPORT_PARAGRAPHS = [
    "Bridge repairs finished early",
    "The harbour bridge reopened on Monday after eight months of repairs that cost the city 42 million euros,"
    " officials said. The work was completed ahead of the winter storms, the traffic authority added.",
    "Critics say the project ran three months late and went 15% over budget, according to a report that the"
    " council published on its website and that residents have been reading closely since it appeared in March.",
    "About 30,000 vehicles a day are expected to use the crossing again, a spokeswoman for the city said.",
    "Residents welcomed the news.",
]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "report.pdf", REPORT_PAGES)


def test_paragraphs_are_rebuilt_from_lines(report: Path) -> None:
    document = load(str(report))
    assert document.text == "\n".join(REPORT_PARAGRAPHS)
    assert document.extractor.startswith("pdf:pypdfium2-")
    assert document.title == "Bridge repairs finished early"
    assert HEADER not in document.text and "Page 1 of 3" not in document.text


def test_each_paragraph_keeps_the_page_it_starts_on(report: Path) -> None:
    document = load(str(report))
    assert document.pages == (1, 1, 1, 2, 3)
    assert len(document.pages) == len(document.paragraphs)
    spans = document.paragraphs
    assert document.page_of(spans[2].end - 1) == 1  # the paragraph running over the break starts on page 1
    assert document.page_of(spans[3].start) == 2
    assert document.page_of(len(document.text) - 1) == 3
    assert load(__file__).page_of(0) is None  # a text file has no pages


def test_bare_page_numbers_and_a_header_on_most_pages_are_dropped(tmp_path: Path) -> None:
    pages = [[[f"Paragraph {n} of the filing says the court met on day {n}."]] for n in range(1, 5)]
    pdf = write_pdf(tmp_path / "filing.pdf", pages, header="CASE 1:24-cv-0042 Document 17", footer="{number}")
    document = load(str(pdf))
    assert document.text.split("\n") == [
        f"Paragraph {n} of the filing says the court met on day {n}." for n in range(1, 5)
    ]
    assert document.pages == (1, 2, 3, 4)


def test_lines_at_the_edges_that_do_not_repeat_are_kept(tmp_path: Path) -> None:
    body = wrap("The committee heard evidence from the port, the unions and the residents' association. " * 3)
    pages = [
        [["Summary of the findings."], body, [f"Finding {n} concerns {word}."]]
        for n, word in ((1, "costs"), (2, "delays"), (3, "safety"))
    ]
    pages.append([["Summary of the findings, once more."], body, ["The end."]])
    document = load(str(write_pdf(tmp_path / "findings.pdf", pages, header=None, footer=None)))
    paragraphs = document.text.split("\n")
    assert "Summary of the findings." not in paragraphs  # on top of 3 of 4 pages: a running line
    text = " ".join(body)
    assert paragraphs == [
        *(
            text,
            "Finding 1 concerns costs.",
            text,
            "Finding 2 concerns delays.",
            text,
            "Finding 3 concerns safety.",
        ),
        *("Summary of the findings, once more.", text, "The end."),
    ]


def test_a_document_of_repeated_lines_keeps_them(tmp_path: Path) -> None:
    pages = [[["Sign here."]]] * 3
    document = load(str(write_pdf(tmp_path / "form.pdf", pages, header=None, footer=None)))
    assert document.text == "Sign here.\nSign here.\nSign here."


def test_content_decides_before_the_name(tmp_path: Path, report: Path) -> None:
    renamed = tmp_path / "download.txt"
    renamed.write_bytes(report.read_bytes())
    assert load(str(renamed)).text == "\n".join(REPORT_PARAGRAPHS)
    fake = tmp_path / "notes.pdf"
    fake.write_text("Just some notes, not a PDF at all.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.pdf: the PDF could not be read \(damaged or not a PDF\)$"):
        load(str(fake))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda tmp: write_scan(tmp / "scan.pdf"),
            r"the PDF has no text layer \(a scanned image\?\); run OCR",
        ),
        (
            lambda tmp: write_pdf(tmp / "locked.pdf", REPORT_PAGES, encrypt="hunter2"),
            r"the PDF is encrypted \(password-protected\); decrypt it first",
        ),
    ],
    ids=["scan", "encrypted"],
)
def test_scans_and_encrypted_pdfs_get_one_line_and_status_2(
    tmp_path: Path, capsys, make, reason: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=reason):
        load(str(path))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"reader: {path}: ") and "Traceback" not in err


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.02])
def test_a_truncated_pdf_is_one_line(tmp_path: Path, report: Path, cut: float) -> None:
    raw = report.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(raw[: max(int(len(raw) * cut), 8)])
    with pytest.raises(
        InputError, match=r"broken\.pdf: the PDF (could not be read|has no text layer|.*damaged)"
    ):
        load(str(broken))


def test_analyze_json_names_the_pdf_extractor(report: Path, capsys) -> None:
    assert main(["analyze", "--json", str(report)]) == 0
    out = json.loads(capsys.readouterr().out)
    document = out["document"] if "document" in out else out[0]["document"]
    assert document["extractor"].startswith("pdf:pypdfium2-")
    assert document["chars"] == len("\n".join(REPORT_PARAGRAPHS))


def test_a_long_report_comes_back_paragraph_for_paragraph(tmp_path: Path) -> None:
    """Wrapped paragraphs over several pages, some cut by a page break: the text is the paragraphs, one a line."""
    words = "the council said repairs to the harbour bridge cost more than planned and took longer".split()
    paragraphs = [
        " ".join(["The", *(words[(n + i) % len(words)] for i in range(30 + 9 * n))]) + "." for n in range(12)
    ]
    layout = paginate(paragraphs, lines_per_page=20)
    assert len(layout) >= 3 and any(
        page[0][0].startswith("the") or page[0][0][0].islower() for page in layout[1:]
    )
    document = load(str(write_pdf(tmp_path / "long.pdf", layout)))
    assert document.text.split("\n") == paragraphs
    assert document.pages[0] == 1 and document.pages[-1] <= len(layout)
    assert list(document.pages) == sorted(document.pages)
