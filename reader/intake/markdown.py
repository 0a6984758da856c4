"""Markdown shown as readable text: the words stay, the markup goes.

Headings lose their ``#`` and emphasis its markers; ``[text](url)`` becomes
``text (url)`` (where a link leads is part of what a reader checks), a list item
keeps a bullet (``• ``) or its number (``2. ``), and a table row keeps its cells
apart with `` | ``. Images and raw HTML tags disappear (their alt text and
attributes are not the article's words), and each block (paragraph, heading,
list item, quote, table row, code line) becomes one line, because a line is a
paragraph everywhere else in the reader. A soft line break inside a paragraph
becomes a space; a hard break starts a new line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

# YAML front matter, as Jekyll/Hugo/Pandoc articles carry it: a title there beats the first heading.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title[ \t]*:[ \t]*(?P<title>.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w -]*:", re.MULTILINE)

# Elements whose content is never the article's words, in raw HTML inside Markdown.
_HIDDEN_ELEMENTS = frozenset({"script", "style", "iframe", "form", "noscript", "template", "object", "svg"})
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)")
BULLET = "• "
CELL_SEPARATOR = " | "


@cache
def _parser():  # noqa: ANN202 - markdown_it is imported only when Markdown is read
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@dataclass(frozen=True)
class RenderedMarkdown:
    text: str
    title: str | None


def render_markdown(source: str) -> RenderedMarkdown:
    """``source`` (newlines already normalised) to one line per block, with the title it declares."""
    title = None
    front = _FRONT_MATTER.match(source)
    if front and _FRONT_KEY.match(front["body"]):
        found = _FRONT_TITLE.search(front["body"])
        title = found["title"].strip("\"'").strip() if found else None
        source = source[front.end() :]
    lines: list[str] = []
    row: list[str] | None = None
    in_heading = False
    lists: list[int | None] = []  # per open list: the next item's number, or None for bullets
    bullet = ""
    for token in _parser().parse(source):
        if token.type == "bullet_list_open":
            lists.append(None)
        elif token.type == "ordered_list_open":
            lists.append(int(token.attrGet("start") or 1))
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif token.type == "list_item_open" and lists:
            number = lists[-1]
            bullet = BULLET if number is None else f"{number}. "
            if number is not None:
                lists[-1] = number + 1
        elif token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(CELL_SEPARATOR.join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            rendered = _inline_text(token.children or [])
            if row is not None:
                row.append(rendered.replace("\n", " ").strip())
                continue
            if in_heading and title is None and rendered.strip():
                title = " ".join(rendered.split())
            if bullet and rendered.strip():
                rendered, bullet = bullet + rendered.lstrip(), ""
            lines.extend(rendered.split("\n"))
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.split("\n"))
        elif token.type == "html_block":
            lines.extend(_html_text(token.content).split("\n"))
    text = "\n".join(line.strip() for line in lines if line.strip())
    return RenderedMarkdown(text=text, title=title)


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    hidden = 0
    links: list[tuple[int, str]] = []  # open links: where their words start in parts, and their target
    for child in children:
        if child.type == "link_open" and not hidden:
            links.append((len(parts), str(child.attrGet("href") or "")))
        elif child.type == "link_close" and links and not hidden:
            first, href = links.pop()
            words = "".join(parts[first:]).strip()
            if href and not href.startswith("#") and href not in (words, "mailto:" + words):
                parts.append(f" ({href})")
        elif child.type == "html_inline":
            hidden = _track_hidden(child.content, hidden)
        elif hidden:
            continue
        elif child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _track_hidden(tag: str, depth: int) -> int:
    match = _TAG_NAME.match(tag)
    if not match or match[2].lower() not in _HIDDEN_ELEMENTS or tag.rstrip().endswith("/>"):
        return depth
    return max(depth - 1, 0) if match[1] else depth + 1


def _html_text(html: str) -> str:
    collector = _VisibleText()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


class _VisibleText(HTMLParser):
    """The text of an HTML fragment, without tags, scripts, styles, frames or forms."""

    _BREAKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_ELEMENTS:
            self.hidden += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_ELEMENTS:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(" ".join(data.split("\n")))
