"""PDFs written by reportlab for the tests and the benchmark: laid out line by line, so the expected text is exact.

A page is a list of paragraphs, a paragraph a list of lines as they should sit
on the page (a line may end in a hyphen that splits a word). Every page gets a
running header and a footer with its number, which the reader must drop.
"""

from __future__ import annotations

from pathlib import Path

HEADER = "Harbour Authority - Annual Report 2024"
FOOTER = "Page {number} of {count}"
LEADING = 14
PARAGRAPH_GAP = 10


def write_pdf(
    path: Path,
    pages: list[list[list[str]]],
    *,
    header: str | None = HEADER,
    footer: str | None = FOOTER,
    encrypt: str | None = None,
) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=True)
    width, height = A4
    for number, paragraphs in enumerate(pages, 1):
        if header:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, height - 40, header)
        if footer:
            pdf.setFont("Helvetica", 9)
            pdf.drawCentredString(width / 2, 30, footer.format(number=number, count=len(pages)))
        pdf.setFont("Times-Roman", 11)
        y = height - 80
        for lines in paragraphs:
            for line in lines:
                pdf.drawString(72, y, line)
                y -= LEADING
            y -= PARAGRAPH_GAP
        pdf.showPage()
    pdf.save()
    return path


def write_scan(path: Path) -> Path:
    """A 'scanned' page: shapes and no text layer at all, as a photocopy without OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for _ in range(2):
        pdf.setFillGray(0.3)
        for row in range(40):
            pdf.rect(72, 760 - row * 16, 400 - (row % 5) * 30, 9, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return path


def wrap(text: str, width: int = 80) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters at spaces (no hyphenation)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def paginate(paragraphs: list[str], *, lines_per_page: int = 44, width: int = 80) -> list[list[list[str]]]:
    """Plain paragraphs laid out over as many pages as they need; a paragraph may run over a page break."""
    pages: list[list[list[str]]] = [[]]
    used = 0
    for paragraph in paragraphs:
        lines = wrap(paragraph, width)
        while lines:
            room = lines_per_page - used
            if room <= 1:
                pages.append([])
                used = 0
                continue
            taken, lines = lines[:room], lines[room:]
            pages[-1].append(taken)
            used += len(taken) + 1
    return [page for page in pages if page]
