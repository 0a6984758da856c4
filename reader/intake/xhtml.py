"""Paragraph blocks from the (X)HTML inside books, Word conversions and feed entries.

These are whole documents the author wrote (a chapter, a letter), not web pages
with menus around an article, so every block element becomes a paragraph:
headings, paragraphs, list items (kept as ``- item`` / ``1. item``), quotes and
table cells. Scripts and styles are dropped; nothing is ever fetched or run.
"""

from __future__ import annotations

import re

from lxml import etree, html

from reader.intake.document import Block

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th caption figcaption section article aside"
    " header footer nav tr table ul ol dl hr br address".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_DROP = ("script", "style", "head", "template", "noscript")
_MARKER = re.compile(r"-|\d+\.")


def parse(data: bytes | str) -> etree._Element | None:
    """The tree of an XHTML or HTML part: XML first (no entities, no network), HTML's forgiving parser second."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        pass
    try:
        return html.fromstring(data, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def local(tag: object) -> str:
    """An element's name without its namespace (``{http://www.w3.org/1999/xhtml}p`` -> ``p``)."""
    if not isinstance(tag, str):
        return ""  # a comment or a processing instruction
    return tag.rsplit("}", 1)[-1].lower()  # not QName: HTML's parser keeps tag names QName refuses


def drop(element: etree._Element) -> None:
    """Remove ``element`` and what it holds, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def title_of(root: etree._Element) -> str | None:
    """The first heading's text, else the ``<title>``: how a chapter names itself."""
    for element in root.iter():
        if local(element.tag) in _HEADINGS:
            text = " ".join("".join(element.itertext()).split())
            if text:
                return text
    for element in root.iter():
        if local(element.tag) == "title":
            text = " ".join("".join(element.itertext()).split())
            if text:
                return text
    return None


def blocks(root: etree._Element | None, *, page: int | None = None) -> list[Block]:
    """Every block of text under the body, in reading order, one Block each."""
    if root is None:
        return []
    body = next((e for e in root.iter() if local(e.tag) == "body"), root)
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if _MARKER.fullmatch(text):
            return  # a list item's marker waits for the paragraph inside the item
        if text:
            out.append(text)
        current.clear()

    def walk(element: etree._Element, list_kind: str | None, number: list[int]) -> None:
        name = local(element.tag)
        if name in _DROP or not isinstance(element.tag, str):
            if element.tail:
                current.append(element.tail)
            return
        block = name in _BLOCKS
        if block:
            flush()
        if name == "li":
            number[0] += 1
            current.append(f"{number[0]}. " if list_kind == "ol" else "- ")
        if element.text:
            current.append(element.text)
        inner_kind = name if name in ("ul", "ol") else list_kind
        counter = [0] if name in ("ul", "ol") else number
        for child in element:
            walk(child, inner_kind, counter)
        if block:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(body, None, [0])
    flush()
    return [Block(text, page=page) for text in out]
