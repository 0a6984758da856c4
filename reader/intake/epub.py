"""EPUB 2 and 3 books, read from the zip directly: container -> package (OPF) -> spine order.

Each spine item is a chapter; its first heading (or its ``<title>``) names the
section (``Document.sections``: a contents list to jump by chapter). The
navigation document itself and non-linear items (cover pages, footnote pages
the spine marks ``linear="no"``) are left out of the reading text.
"""

from __future__ import annotations

from lxml import etree

from reader.intake import containers, xhtml
from reader.intake.document import Block, Document, document_from_blocks
from reader.intake.errors import InputError

EXTRACTOR = "epub"
_CONTAINER = "META-INF/container.xml"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


def read_epub(raw: bytes, source: str) -> Document:
    book = containers.open_zip(raw, source, "EPUB")
    opf_path = _package_path(book)
    package = _xml(book, opf_path, "package document")
    manifest: dict[str, tuple[str | None, str, str]] = {}
    for item in package.iter():
        if xhtml.local(item.tag) == "item" and item.get("id") and item.get("href"):
            # None for a remote resource or a path leaving the book: harmless for a font, refused for a chapter
            href = containers.resolve(opf_path, item.get("href", ""))
            manifest[item.get("id", "")] = (href, item.get("media-type", ""), item.get("properties", ""))
    spine = [
        element
        for element in package.iter()
        if xhtml.local(element.tag) == "itemref" and element.get("linear", "yes") != "no"
    ]
    title = next(
        (
            " ".join("".join(e.itertext()).split())
            for e in package.iter()
            if xhtml.local(e.tag) == "title" and "".join(e.itertext()).strip()
        ),
        None,
    )
    blocks: list[Block] = []
    for number, itemref in enumerate(spine, 1):
        idref = itemref.get("idref", "")
        if idref not in manifest:
            continue
        href, media_type, properties = manifest[idref]
        if media_type not in _XHTML_TYPES or "nav" in properties.split():
            continue
        if href is None:
            raise InputError(f"{source}: a chapter of the EPUB points outside the book ({idref[:80]!r})")
        data = book.read(href)
        containers.refuse_entities(data, source, "EPUB")
        root = xhtml.parse(data)
        chapter = xhtml.blocks(root)
        if not chapter:
            continue
        name = (xhtml.title_of(root) if root is not None else None) or f"Chapter {number}"
        blocks.append(Block(chapter[0].text, section=name[:200]))
        blocks.extend(chapter[1:])
    if not blocks:
        raise InputError(f"{source}: the EPUB has no readable text in its chapters")
    return document_from_blocks(blocks, source=source, extractor=EXTRACTOR, title=title)


def _package_path(book: containers.Zip) -> str:
    container = _xml(book, _CONTAINER, "container")
    for element in container.iter():
        if xhtml.local(element.tag) == "rootfile" and element.get("full-path"):
            path = containers.resolve("", element.get("full-path", ""))
            if path is None:
                break
            return path
    raise InputError(f"{book.source}: the EPUB container names no package document")


def _xml(book: containers.Zip, name: str, what: str) -> etree._Element:
    data = book.read(name)
    containers.refuse_entities(data, book.source, "EPUB")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise InputError(f"{book.source}: the EPUB {what} is not readable XML")
    return root
