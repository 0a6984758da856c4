"""Intake figures: PDF text extraction in pages per second on a generated 300-page report, and the
first paint of that PDF and of a generated 500,000-word EPUB against the same texts as ``.txt``.

The PDF is written by reportlab (tests/intake/pdf_fixtures.py) with a running
header, a page-number footer and paragraphs running over page breaks; the
extracted text is checked against the paragraphs it was made from before any
time counts, so a fast wrong answer cannot pass. The same text read as a
``.txt`` is the baseline for the intake ratio.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Figure, ratio_figure
from benchmarks.stats import Paired, compare
from benchmarks.tui_first_paint import reader_paint
from reader.intake import load
from tests.intake.office_fixtures import epub
from tests.intake.pdf_fixtures import paginate, write_pdf

PAGES = 300
BOOK_WORDS = 500_000
PAINT_TARGET = 1.5  # issue 19: a PDF or a book paints as fast as its text, within half again
_WORDS = (
    "harbour bridge council budget repairs officials residents traffic authority report critics months"
    " million euros vote spending winter crews ferry crossing commute inquiry minister statement figures"
).split()


def _paragraphs(pages: int) -> list[str]:
    """Lower-case prose (so a paragraph cut by a page break is joined), about 44 lines a page."""
    rng = random.Random(19)
    paragraphs = []
    while len(paragraphs) < pages * 5:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(40, 110))]
        paragraphs.append(" ".join(["The", *words]) + ".")
    return paragraphs


def figures(quick: bool = False) -> list[Figure]:
    pages = 30 if quick else PAGES
    repeats = 2 if quick else 5
    pairs = (3, 5) if quick else (5, 12)
    with tempfile.TemporaryDirectory() as folder:
        paragraphs = _paragraphs(pages)
        layout = paginate(paragraphs)[:pages]
        kept = sum(len(page) for page in layout)
        pdf = write_pdf(Path(folder) / "report.pdf", layout)
        text = Path(folder) / "report.txt"
        document = load(str(pdf))
        got = document.text.split("\n")
        whole = got[:-1] == paragraphs[: len(got) - 1] and paragraphs[len(got) - 1].startswith(got[-1])
        if not whole or len(document.pages) != len(got):  # the last paragraph is cut where the pages end
            raise AssertionError("the PDF's text differs from the paragraphs it was written from")
        text.write_text(document.text, encoding="utf-8")
        pdf_times, text_times = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            load(str(text))
            text_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            load(str(pdf))
            pdf_times.append(time.perf_counter() - start)
        pdf_paint = _paints(pdf, text, pairs)
        book, book_text = _book(Path(folder), 50_000 if quick else BOOK_WORDS)
        book_words = len(book_text.read_text(encoding="utf-8").split())
        book_paint = _paints(book, book_text, pairs)
    seconds = statistics.median(pdf_times)
    note = f"{len(layout)} pages, {kept} page-blocks, {len(document.text):,} chars; median of {repeats}"
    return [
        Figure(
            f"PDF text extraction ({len(layout)}-page generated report)",
            len(layout) / seconds,
            None,
            "pages/s",
            "report",
            None,
            spread=f"{min(pdf_times):.3g}-{max(pdf_times):.3g} s a read",
            note=note,
        ),
        Figure(
            "PDF intake against the same text as .txt",
            seconds,
            statistics.median(text_times),
            "s",
            "report",
            None,
            note=note,
        ),
        ratio_figure(
            f"first paint of the {len(layout)}-page PDF against the same text as .txt",
            pdf_paint,
            "s",
            PAINT_TARGET,
            "the .txt",
            note="spawn to first frame at 80x24",
        ),
        ratio_figure(
            f"first paint of a {book_words:,}-word EPUB against the same text",
            book_paint,
            "s",
            PAINT_TARGET,
            "the .txt",
            note="40 chapters; spawn to first frame at 80x24",
        ),
    ]


def _paints(article: Path, text: Path, pairs: tuple[int, int]) -> Paired:
    """Seconds from spawn to the reader's first frame for ``article`` against ``text``, in interleaved pairs."""
    reader_paint(article), reader_paint(text)  # warm-up: compiled bytecode for both
    return compare(lambda: reader_paint(article), lambda: reader_paint(text), PAINT_TARGET, *pairs)


def _book(folder: Path, words: int) -> tuple[Path, Path]:
    """An EPUB of 40 chapters of generated prose, and its text as the reader reads it, as ``.txt``."""
    rng = random.Random(7)
    chapters = []
    per_chapter = words // 40
    for number in range(1, 41):
        paragraphs, count = [], 0
        while count < per_chapter:
            paragraph = ["The", *(rng.choice(_WORDS) for _ in range(rng.randint(40, 110)))]
            paragraphs.append(" ".join(paragraph) + ".")
            count += len(paragraph)
        chapters.append((f"Chapter {number}", paragraphs))
    book = folder / "book.epub"
    book.write_bytes(epub(chapters, title="Generated book"))
    text = folder / "book.txt"
    text.write_text(load(str(book)).text, encoding="utf-8")
    return book, text
