"""PDF text through pypdfium2 (PDFium, Apache/BSD): paragraphs rebuilt from the lines of each page.

PDFium gives text runs with their boxes. Runs on one baseline make a line;
a paragraph ends where the gap to the next line is wider than the document's
usual line step inside a paragraph, at a first-line indent, or where a line stops short of the
text column after a full stop. Words hyphenated at a
line end are joined, a paragraph running over a page break is joined, and lines
that repeat at the top or bottom of most pages (running headers, footers, page
numbers) are dropped. Every paragraph keeps the page it starts on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from reader.intake.document import Block, Document, document_from_blocks
from reader.intake.errors import InputError

MAX_PAGES = 5000
# Lines looked at from each edge of a page: a running header and a page number below it.
_EDGE_DEPTH = 2
_MIN_INNER_GAPS = 3
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s*(?:of|/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]$")
_HYPHENS = ("-", "\u00ad", "\u2010", "\x02")


@dataclass
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float


def extractor_name() -> str:
    from importlib.metadata import version

    return f"pdf:pypdfium2-{version('pypdfium2')}"


def read_pdf(raw: bytes, source: str) -> Document:
    pages = _page_lines(raw, source)
    if not any(pages):
        raise InputError(
            f"{source}: the PDF has no text layer (a scanned image?); run OCR on it first (e.g. ocrmypdf) and open the result"
        )
    # Pages that hold nothing but their repeated lines (a one-line form on every page) keep them.
    blocks = _paragraphs(_without_running_lines(pages)) or _paragraphs(pages)
    return document_from_blocks(blocks, source=source, extractor=extractor_name())


def _page_lines(raw: bytes, source: str) -> list[list[_Line]]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{source}: the PDF is encrypted (password-protected); decrypt it first (e.g. qpdf --decrypt) and open the copy"
            ) from None
        raise InputError(f"{source}: the PDF could not be read (damaged or not a PDF)") from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(f"{source}: the PDF has no pages")
        if count > MAX_PAGES:
            raise InputError(f"{source}: the PDF has {count} pages, more than the {MAX_PAGES}-page limit")
        pages = []
        for index in range(count):
            try:
                pages.append(_page_text(pdf, index))
            except pypdfium2.PdfiumError:
                raise InputError(
                    f"{source}: page {index + 1} of the PDF is damaged and cannot be read"
                ) from None
        return pages
    finally:
        pdf.close()


def _page_text(pdf, index: int) -> list[_Line]:  # noqa: ANN001 - a pypdfium2 PdfDocument
    page = pdf[index]
    try:
        text_page = page.get_textpage()
        try:
            return _lines_of(text_page)
        finally:
            text_page.close()
    finally:
        page.close()


def _lines_of(text_page) -> list[_Line]:  # noqa: ANN001 - a pypdfium2 PdfTextPage
    """Text runs merged into lines: runs whose vertical extents overlap sit on one line."""
    lines: list[_Line] = []
    for index in range(text_page.count_rects()):
        left, bottom, right, top = text_page.get_rect(index)
        text = text_page.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
        if not text.strip():
            continue
        last = lines[-1] if lines else None
        middle = (top + bottom) / 2
        if last is not None and last.bottom <= middle <= last.top and left >= last.left:
            gap = " " if left - last.right > 0.5 and not last.text.endswith(" ") else ""
            last.text += gap + text
            last.right = max(last.right, right)
            last.top, last.bottom = max(last.top, top), min(last.bottom, bottom)
        else:
            lines.append(_Line(text, left, bottom, right, top))
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without their page numbers and the lines repeating at the top or bottom of most pages.

    The edges are found by position, not by order: generators often draw the
    header and footer before the body, so they need not come first or last.
    """
    edges: Counter[str] = Counter()
    for lines in pages:
        for line in _edge_lines(lines):
            edges[_running_key(line.text)] += 1
    threshold = max(2, (len(pages) + 1) // 2)
    kept = [list(lines) for lines in pages]
    for lines in kept:
        for _ in range(_EDGE_DEPTH):
            edge = [
                x
                for x in _edge_lines(lines)
                if _PAGE_NUMBER.match(x.text) or edges[_running_key(x.text)] >= threshold
            ]
            if not edge:
                break
            for line in edge:
                lines.remove(line)
    return kept


def _edge_lines(lines: list[_Line]) -> list[_Line]:
    if not lines:
        return []
    top = max(lines, key=lambda line: line.top)
    bottom = min(lines, key=lambda line: line.bottom)
    return [top] if top is bottom else [top, bottom]


def _line_step(pages: list[list[_Line]]) -> float:
    """The usual distance between the baselines of two lines of one paragraph, across the document.

    Measured below the lines that stop mid-sentence, which are inside a
    paragraph nearly always; with fewer than a few of them (a page of one-line
    paragraphs) a line's own height stands in, times the usual 1.2-1.5 leading.
    """
    inner = [
        a.bottom - b.bottom
        for lines in pages
        for a, b in pairwise(lines)
        if a.bottom > b.bottom and not _ENDS_SENTENCE.search(a.text)
    ]
    if len(inner) >= _MIN_INNER_GAPS:
        return _quantile(inner, 0.5)
    heights = [line.top - line.bottom for lines in pages for line in lines]
    return 1.4 * _quantile(heights, 0.5) if heights else 0.0


def _paragraphs(pages: list[list[_Line]]) -> list[Block]:
    """Lines joined into paragraphs: a wider gap, a first-line indent or a short line after a full stop ends one.

    The line step and the text column are the document's, so a page of a few
    short lines is judged against the full pages around it.
    """
    step = _line_step(pages)
    lines_of_all = [line for lines in pages for line in lines]
    if not lines_of_all:
        return []
    margin = _quantile([line.left for line in lines_of_all], 0.1)
    column = _quantile([line.right for line in lines_of_all], 0.9)
    paragraphs: list[tuple[list[str], int]] = []
    for number, lines in enumerate(pages, 1):
        for position, line in enumerate(lines):
            if position == 0:
                previous = paragraphs[-1][0] if paragraphs else None
                carry = (
                    previous is not None
                    and not _ENDS_SENTENCE.search(previous[-1])
                    and line.text[:1].islower()
                )
            else:
                above = lines[position - 1]
                gap = above.bottom - line.bottom
                height = max(line.top - line.bottom, 1.0)
                indented = line.left - margin > height and above.left - margin < height / 2
                short = above.right < column - 0.25 * (column - margin) and bool(
                    _ENDS_SENTENCE.search(above.text)
                )
                carry = not (gap <= 0 or (step and gap > 1.3 * step) or indented or short)
            if carry:
                paragraphs[-1][0].append(line.text)
            else:
                paragraphs.append(([line.text], number))
    return [Block(_join_lines(lines), page=page) for lines, page in paragraphs]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * q), len(ordered) - 1)]


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one string, words split by a line-end hyphen made whole again."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line
        elif text.endswith(_HYPHENS[1:]):
            text = text[:-1] + line
        else:
            text += " " + line
    return text.replace("\x02", "-")  # PDFium's mark for a hyphen it judged a line-end one, left mid-line
