"""Word documents (DOCX) through mammoth (BSD): headings, paragraphs, lists and footnotes as text.

The zip is checked first (part count, declared sizes and ratios, names, no XML
entity declarations), so mammoth only ever sees a container that costs bounded
memory; images are never read. Headings are paragraphs of their own, list
items keep a ``- `` or ``1. `` marker, and footnotes and endnotes come last,
numbered, with their ``[1]`` markers left in the text.
"""

from __future__ import annotations

import io
from importlib.metadata import version

from reader.intake import containers, xhtml
from reader.intake.document import Document, document_from_blocks
from reader.intake.errors import InputError

_BACK_LINKS = ("#footnote-ref", "#endnote-ref")


def extractor_name() -> str:
    return f"docx:mammoth-{version('mammoth')}"


def read_docx(raw: bytes, source: str) -> Document:
    import mammoth

    package = containers.open_zip(raw, source, "DOCX")
    if "word/document.xml" not in package.names():
        raise InputError(f"{source}: not a Word document (the DOCX has no word/document.xml)")
    for name in sorted(package.names()):
        if name.endswith((".xml", ".rels")):
            containers.refuse_entities(package.read(name), source, "DOCX")
    no_images = mammoth.images.img_element(lambda image: {})  # the image's bytes are never opened
    try:
        result = mammoth.convert_to_html(io.BytesIO(raw), convert_image=no_images)
    except Exception as exc:  # noqa: BLE001 - mammoth surfaces zip, XML and key errors of its own
        raise InputError(f"{source}: the DOCX could not be read ({type(exc).__name__})") from None
    root = xhtml.parse(f"<html><body>{result.value}</body></html>")
    if root is not None:
        for link in [a for a in root.iter() if xhtml.local(a.tag) == "a"]:
            if (link.get("href") or "").startswith(_BACK_LINKS):
                xhtml.drop(link)
    blocks = xhtml.blocks(root)
    if not blocks:
        raise InputError(f"{source}: the DOCX has no readable text")
    return document_from_blocks(blocks, source=source, extractor=extractor_name())
