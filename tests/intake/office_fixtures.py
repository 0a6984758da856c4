"""DOCX and EPUB files written as zips by the tests: the smallest parts each format needs, nothing copyrighted.

``docx`` takes a list of ``(kind, text)`` blocks: ``h1``/``h2`` headings, ``p``
paragraphs, ``ul``/``ol`` list items; a paragraph may carry a footnote as
``(kind, text, note)``. ``epub`` takes chapters as ``(title, paragraphs)``.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""

_PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_RELS}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_RELS}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""

_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{_W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

_STYLE_OF = {"h1": "Heading1", "h2": "Heading2", "ul": "ListParagraph", "ol": "ListParagraph", "p": None}
_LIST_OF = {"ul": 1, "ol": 2}


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def docx_parts(blocks: list[tuple[str, ...]]) -> dict[str, bytes]:
    """The parts of a DOCX holding ``blocks`` (see the module docstring), by name."""
    body: list[str] = []
    notes: list[str] = []
    for kind, text, *note in blocks:
        properties = ""
        if _STYLE_OF[kind]:
            properties += f'<w:pStyle w:val="{_STYLE_OF[kind]}"/>'
        if kind in _LIST_OF:
            properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{_LIST_OF[kind]}"/></w:numPr>'
        runs = _run(text)
        if note:
            number = len(notes) + 1
            runs += f'<w:r><w:footnoteReference w:id="{number}"/></w:r>'
            notes.append(f'<w:footnote w:id="{number}"><w:p>{_run(note[0])}</w:p></w:footnote>')
        body.append(f"<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}" xmlns:r="{_R}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
        f"{''.join(notes)}</w:footnotes>"
    )
    return {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _PACKAGE_RELS.encode(),
        "word/document.xml": document.encode(),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS.encode(),
        "word/styles.xml": _STYLES.encode(),
        "word/numbering.xml": _NUMBERING.encode(),
        "word/footnotes.xml": footnotes.encode(),
    }


def epub_parts(
    chapters: list[tuple[str, list[str]]], *, version: str = "3.0", title: str = "A Test Book"
) -> dict[str, bytes]:
    """The parts of an EPUB (``version`` 2.0 or 3.0) with one XHTML file per chapter, listed out of spine order."""
    files = {f"OEBPS/text/ch{n}.xhtml": _chapter(t, ps, version) for n, (t, ps) in enumerate(chapters, 1)}
    items = [
        f'<item id="ch{n}" href="text/ch{n}.xhtml" media-type="application/xhtml+xml"/>'
        for n in reversed(range(1, len(chapters) + 1))  # the manifest's order is not the reading order
    ]
    if version.startswith("3"):
        nav = "".join(
            f'<li><a href="text/ch{n}.xhtml">{escape(t)}</a></li>' for n, (t, _) in enumerate(chapters, 1)
        )
        files["OEBPS/nav.xhtml"] = (
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
            f'<nav epub:type="toc"><h1>Contents</h1><ol>{nav}</ol></nav></body></html>'
        ).encode()
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    else:
        files["OEBPS/toc.ncx"] = (
            b'<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            b"<navMap/></ncx>"
        )
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    spine = "".join(f'<itemref idref="ch{n}"/>' for n in range(1, len(chapters) + 1))
    toc = "" if version.startswith("3") else ' toc="ncx"'
    files["OEBPS/content.opf"] = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="{version}" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:0000</dc:identifier><dc:title>{escape(title)}</dc:title>'
        f"<dc:language>en</dc:language></metadata><manifest>{''.join(items)}</manifest>"
        f"<spine{toc}>{spine}</spine></package>"
    ).encode()
    files["META-INF/container.xml"] = (
        b'<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        b'<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        b"</rootfiles></container>"
    )
    return files


def _chapter(title: str, paragraphs: list[str], version: str) -> bytes:
    doctype = (
        "<!DOCTYPE html>"
        if version.startswith("3")
        else '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>{escape(title)}</title></head><body><h2>{escape(title)}</h2>{body}</body></html>"
    ).encode()


def zip_bytes(parts: dict[str, bytes], *, mimetype: bytes | None = None) -> bytes:
    """``parts`` as a deflated zip; an EPUB's ``mimetype`` goes first and stored, as the format asks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(blocks: list[tuple[str, ...]]) -> bytes:
    return zip_bytes(docx_parts(blocks))


def epub(chapters: list[tuple[str, list[str]]], **options: str) -> bytes:
    return zip_bytes(epub_parts(chapters, **options), mimetype=b"application/epub+zip")
