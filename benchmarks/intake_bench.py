"""Intake figures: PDF text extraction in pages per second on a generated 300-page report.

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

from benchmarks.harness import Figure
from reader.intake import load
from tests.intake.pdf_fixtures import paginate, write_pdf

PAGES = 300
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
    ]
