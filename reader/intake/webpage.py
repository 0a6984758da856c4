"""The article inside an HTML page, via trafilatura: main content only, one paragraph a line.

Trafilatura parses with lxml and never runs anything: scripts, styles, iframes
and forms are dropped along with navigation, footers and comments. Its
fallback extractors will return *something* from almost any page (a menu, a
cookie notice), so a page only counts as an article when at least one line of
the result reads like prose.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from reader.intake.document import Document, make_document, normalise_text
from reader.intake.errors import InputError

# A prose sentence has several words; menus, buttons and bylines rarely reach this.
MIN_PROSE_WORDS = 8

# Never article text; trafilatura would keep the words of some (iframe fallback, form labels, options).
_ACTIVE_ELEMENTS = tuple("iframe frame form textarea select button object template".split())
# ASP.NET pages wrap the whole body in one <form>: when dropping forms leaves no article, the second
# pass keeps what a form holds (its controls still go), so such a page opens.
_FORM_KEPT = tuple(name for name in _ACTIVE_ELEMENTS if name != "form")
# Void in HTML5, but libxml2's HTML 4 parser makes ``<embed>`` swallow what follows: drop the tag, keep the rest.
_ACTIVE_VOID = ("embed", "input")
# Characters XML cannot hold (from ``&#27;`` and the like): lxml refuses them and trafilatura then drops the page.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Extraction problems are reported as one InputError line; the libraries' own log lines would be noise.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    extractor: str


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares in its first few kilobytes, if any."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None


def extractor_name() -> str:
    import trafilatura

    return f"html:trafilatura-{trafilatura.__version__}"


def extract_article(html: str, source: str) -> Article:
    """Main text of ``html`` as one paragraph per line, title from the page metadata."""
    for dropped in (_ACTIVE_ELEMENTS, _FORM_KEPT):
        result = _extract(html, source, dropped)
        raw_text = (getattr(result, "text", None) or "") if result is not None else ""
        text = "\n".join(line.strip() for line in raw_text.splitlines() if line.strip())
        if any(len(line.split()) >= MIN_PROSE_WORDS for line in text.split("\n")):
            title = getattr(result, "title", None)
            title = " ".join(title.split()) if title else None
            return Article(text=text, title=title, extractor=extractor_name())
    raise InputError(f"{source}: no article text found in the HTML (only menus, links or boilerplate)")


def _extract(html: str, source: str, dropped: tuple[str, ...]):  # noqa: ANN202 - trafilatura's Document
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            _inert_tree(html, dropped),
            include_comments=False,
            include_images=False,
            include_formatting=False,
            include_links=False,
            with_metadata=True,
        )
    except Exception as exc:  # noqa: BLE001 - lxml, trafilatura and htmldate fail on broken markup in their own ways
        raise InputError(f"{source}: the HTML could not be read ({type(exc).__name__})") from None


def _inert_tree(html: str, dropped: tuple[str, ...]):  # noqa: ANN202 - an lxml element (lxml is imported only here)
    """The parsed page without the ``dropped`` elements (a form not among them loses only its tag),
    and with XML-invalid characters as U+FFFD (offsets kept)."""
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:  # not parseable: trafilatura reports no result for it either
        return html
    etree.strip_elements(tree, *dropped, with_tail=False)
    etree.strip_tags(tree, "form")
    etree.strip_tags(tree, *_ACTIVE_VOID)
    for element in tree.iter():
        if element.text and _XML_INVALID.search(element.text):
            element.text = _XML_INVALID.sub("\ufffd", element.text)
        if element.tail and _XML_INVALID.search(element.tail):
            element.tail = _XML_INVALID.sub("\ufffd", element.tail)
    return tree


def html_document(html: str, source: str) -> Document:
    """The article inside a whole HTML page (a fetched page, an archived response), as a Document."""
    article = extract_article(normalise_text(html), source)
    return make_document(article.text, source=source, extractor=article.extractor, title=article.title)
