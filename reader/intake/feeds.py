"""RSS and Atom feeds (feedparser): the entries to pick from, and the Document of the one picked.

A feed is a list, not an article, so it never goes through ``load``: ``reader
feed`` shows its entries and opens one. An entry that carries the whole article
(``content:encoded``, Atom ``<content>``) opens offline from that content; one
that only links to it opens the page it links to. Entity declarations are
refused before feedparser sees the bytes (billion laughs; external entities are
never resolved either way).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.intake import xhtml
from reader.intake.containers import refuse_entities
from reader.intake.document import Block, Document, document_from_blocks
from reader.intake.errors import InputError
from reader.intake.limits import DEFAULT_MAX_BYTES
from reader.intake.sources import load, read_bytes

EXTRACTOR = "feed"
MAX_ENTRIES = 5000  # more than any real feed carries; a bigger list is not a feed to read by eye


@dataclass(frozen=True)
class Entry:
    title: str
    date: str  # YYYY-MM-DD, "" when the feed gives none
    outlet: str
    link: str  # "" when the entry links nowhere
    content: str  # the entry's own HTML (the whole article when the feed carries it), "" when none
    summary: str
    key: str  # the entry's id, else its link, else its position: names it when it has no link


@dataclass(frozen=True)
class Feed:
    source: str
    title: str
    entries: tuple[Entry, ...]


def load_feed(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Feed:
    """The feed at a path or URL, or InputError with the one line to show."""
    return read_feed(read_bytes(source, max_bytes=max_bytes), source)


def read_feed(raw: bytes, source: str) -> Feed:
    import feedparser

    refuse_entities(raw, source, "feed")
    try:
        parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - feedparser's loose parser fails on broken bytes in its own ways
        raise InputError(f"{source}: not a readable RSS or Atom feed ({type(exc).__name__})") from None
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{source}: not an RSS or Atom feed (no channel or feed element, no entries)")
    if len(parsed.entries) > MAX_ENTRIES:
        raise InputError(f"{source}: the feed has {len(parsed.entries)} entries (at most {MAX_ENTRIES})")
    meta = parsed.get("feed", {})
    outlet = _clean(meta.get("title", "")) or urlsplit(meta.get("link", "") or "").hostname or ""
    entries = tuple(_entry(item, number, outlet) for number, item in enumerate(parsed.entries, 1))
    return Feed(source=source, title=outlet or source, entries=entries)


def _entry(item: dict, number: int, outlet: str) -> Entry:
    content = "\n".join(part.get("value", "") for part in item.get("content", []) if part.get("value"))
    link = item.get("link", "") or ""
    # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed, with a warning
    stamp = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
    source_title = _clean((item.get("source") or {}).get("title", ""))
    return Entry(
        title=_clean(item.get("title", "")) or f"Entry {number}",
        date=time.strftime("%Y-%m-%d", stamp) if stamp else "",
        outlet=source_title or outlet or (urlsplit(link).hostname or ""),
        link=link if urlsplit(link).scheme in ("http", "https") else "",
        content=content,
        summary=item.get("summary", "") or "",
        key=item.get("id", "") or link or f"#{number}",
    )


def _clean(text: str) -> str:
    return " ".join(str(text).split())[:300]


def carries_article(entry: Entry) -> bool:
    """The entry holds the article itself (not a teaser): it opens offline."""
    return bool(entry.content.strip()) or not entry.link


def entry_document(feed: Feed, entry: Entry, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The article of ``entry``: its own content when it carries it, else the page it links to.

    The source is the entry's link when it has one (the same article met on the web and in
    the feed is then the same in the library), else the feed and the entry's id.
    """
    if not carries_article(entry):
        return load(entry.link, max_bytes=max_bytes)
    source = entry.link or f"{feed.source}#{entry.key}"
    html = entry.content or entry.summary
    blocks = [Block(entry.title), *xhtml.blocks(xhtml.parse(f"<div>{html}</div>"))] if html.strip() else []
    if len(blocks) < 2:
        raise InputError(f"{source}: the feed entry has no text and links to no page")
    return document_from_blocks(blocks, source=source, extractor=EXTRACTOR, title=entry.title)
