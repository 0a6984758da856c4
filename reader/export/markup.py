"""Escaping user and article text for Markdown that renders literally in CommonMark, GitHub and Obsidian.

Backslash escapes of ASCII punctuation are valid CommonMark everywhere, so the
escaper errs on the side of escaping: emphasis, links, HTML, tables, Obsidian
tags, highlights, comments, math and block ids, and at a line start the
markers of lists, headings, quotes and thematic breaks. Lines are stripped:
leading spaces would make code blocks and trailing ones hard breaks.
"""

from __future__ import annotations

import json
import re

_EVERYWHERE = re.compile(r"([\\`*_\[\]<>|~#^%$=&])")
# List markers, "---"/"--" (thematic break, setext underline) and "1." / "1)" items.
_LINE_START = re.compile(r"^([-+])(?=[\s-]|$)|^(\d{1,9})([.)])(?=\s|$)")
_TAG = re.compile(r"^(?=.*[A-Za-z_])[A-Za-z0-9_/-]+$")


def inline(text: str) -> str:
    """One line of literal text (newlines become spaces)."""
    line = " ".join(text.split())
    line = _EVERYWHERE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


def paragraphs(text: str) -> list[str]:
    """Literal multi-line text: each non-blank line kept as a line (hard breaks), blank lines as paragraph breaks."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(inline(line))
        elif blocks[-1]:
            blocks.append([])
    return ["\\\n".join(block) for block in blocks if block]


def blockquote(text: str) -> str:
    """The passage as a quote: one quoted paragraph per line of the article."""
    return "\n>\n".join("> " + inline(line) for line in text.split("\n") if line.strip())


def table_cell(text: str) -> str:
    return inline(text) or " "


def tag(name: str) -> str:
    """``#needs-source`` when Obsidian would read it as a tag, else the escaped name."""
    return f"#{name}" if _TAG.match(name) else inline(name)


def yaml_scalar(value: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML 1.2), safe for any text."""
    return json.dumps(value, ensure_ascii=False)
