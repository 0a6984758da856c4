"""Markdown files: shown readably, markup not counted as words, one block a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.intake import InputError, load
from reader.intake.markdown import render_markdown

ARTICLE_MD = """# Council *approves* the new budget

The council voted **9 to 2** on Tuesday, according to [the minutes](https://example.org/minutes "Minutes"),
after a debate that lasted _four hours_.

![A chart of spending](chart.png)

## What changes

- Libraries get `12%` more money.
- Road repairs are cut by __half__.

1. First reading in May.
2. Final vote in June.

> "This is a fair budget," said the mayor.

| Item | Amount |
|------|-------:|
| Roads | 4.1m |

```
raw  code   line
```

Setext heading
--------------

Line one with a hard break\\
line two of the same paragraph.

<div class="note">Raw <em>HTML</em> note.<script>alert("SCRIPT-MARKER")</script></div>

Inline <span>tags</span> go, <script>steal("INLINE-SCRIPT")</script>their content stays.
"""

EXPECTED_LINES = [
    "Council approves the new budget",
    "The council voted 9 to 2 on Tuesday, according to the minutes (https://example.org/minutes), after a debate"
    " that lasted four hours.",
    "What changes",
    "• Libraries get 12% more money.",
    "• Road repairs are cut by half.",
    "1. First reading in May.",
    "2. Final vote in June.",
    '"This is a fair budget," said the mayor.',
    "Item | Amount",
    "Roads | 4.1m",
    "raw  code   line",
    "Setext heading",
    "Line one with a hard break",
    "line two of the same paragraph.",
    "Raw HTML note.",
    "Inline tags go, their content stays.",
]


def test_markdown_article_renders_one_block_per_line(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(ARTICLE_MD, encoding="utf-8")
    document = load(str(path))

    assert document.extractor == "markdown"
    assert document.text.split("\n") == EXPECTED_LINES
    assert document.title == "Council approves the new budget"
    assert [document.text[p.start : p.end] for p in document.paragraphs] == EXPECTED_LINES


def test_markup_is_not_counted_as_words(tmp_path: Path) -> None:
    path = tmp_path / "budget.markdown"
    path.write_text(ARTICLE_MD, encoding="utf-8")
    text = load(str(path)).text
    for markup in ("#", "**", "__", "_four", "](", "[", "`", "![", "> ", "---", "```", "<", "- "):
        assert markup not in text, markup
    assert "SCRIPT" not in text and "chart" not in text


def test_extension_decides_markdown(tmp_path: Path) -> None:
    """The same bytes in a .txt file are plain text, kept exactly."""
    for name in ("notes.MD", "notes.Markdown"):
        (tmp_path / name).write_text("# Heading\n\nSome *text*.\n", encoding="utf-8")
        assert load(str(tmp_path / name)).extractor == "markdown"
    (tmp_path / "notes.txt").write_text("# Heading\n\nSome *text*.\n", encoding="utf-8")
    plain = load(str(tmp_path / "notes.txt"))
    assert plain.extractor == "plain"
    assert plain.text == "# Heading\n\nSome *text*.\n"
    assert plain.title == "# Heading"


def test_front_matter_title_wins_and_is_not_text() -> None:
    rendered = render_markdown('---\ntitle: "Budget day"\ndate: 2024-05-01\n---\n# A heading\n\nBody text.\n')
    assert rendered.title == "Budget day"
    assert rendered.text == "A heading\nBody text."


def test_title_is_first_line_without_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "no-heading.md"
    path.write_text("Plain *opening* line of the story.\n\nSecond paragraph.\n", encoding="utf-8")
    document = load(str(path))
    assert document.title == "Plain opening line of the story."


def test_crlf_markdown_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes("\ufeff# Caf\u00e9 \u201cnews\u201d\r\n\r\nA first\r\nparagraph.\r\n".encode())
    document = load(str(path))
    assert document.text == "Caf\u00e9 \u201cnews\u201d\nA first paragraph."


def test_markdown_with_only_markup_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.md"
    path.write_text("---\n\n***\n\n![](only-an-image.png)\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rules.md: the Markdown has no readable text"):
        load(str(path))


def test_a_rule_then_prose_is_not_front_matter() -> None:
    rendered = render_markdown("---\nThe story begins here.\n---\nMore.\n")
    assert rendered.text == "The story begins here.\nMore."  # a setext heading, then a paragraph
    assert rendered.title == "The story begins here."


_MARKUP = st.sampled_from(
    [
        "# ",
        "## ",
        "*",
        "**",
        "_",
        "`",
        "```\n",
        "[",
        "](",
        ")",
        "![",
        "> ",
        "- ",
        "1. ",
        "|",
        "---\n",
        "\n",
        "\n\n",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "&amp;",
        "\\",
        "word ",
        "Another plain sentence. ",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_MARKUP, max_size=60))
def test_any_markdown_renders_to_clean_lines(parts: list[str]) -> None:
    rendered = render_markdown("".join(parts))
    lines = rendered.text.split("\n") if rendered.text else []
    assert all(line and line == line.strip() for line in lines)
    if rendered.title is not None:
        assert "\n" not in rendered.title


def test_links_bullets_and_tables_stay_readable() -> None:
    """Where a link leads, which lines are list items (and their numbers), and which cells share a row."""
    source = (
        "Read [the report](https://example.org/r.pdf), [here](#notes) and <https://example.org/raw>.\n\n"
        "- first point\n- second point with [a link](https://example.org/2)\n  - nested point\n\n"
        "7. seventh step\n8. eighth step\n\n"
        "| Region | Cases | Deaths |\n|---|---:|---:|\n| North | 1,200 | 14 |\n| South | 800 | 3 |\n"
    )
    assert render_markdown(source).text.split("\n") == [
        "Read the report (https://example.org/r.pdf), here and https://example.org/raw.",
        "• first point",
        "• second point with a link (https://example.org/2)",
        "• nested point",
        "7. seventh step",
        "8. eighth step",
        "Region | Cases | Deaths",
        "North | 1,200 | 14",
        "South | 800 | 3",
    ]


def test_markdown_offsets_are_stable_and_analysis_spans_hold(tmp_path: Path) -> None:
    """The same file gives the same text twice (annotations anchor on it), and numbers sit where they say,
    none of them read from a link's address."""
    path = tmp_path / "table.md"
    path.write_text(
        "See [the data](https://example.org/2024/05/a-70000000).\n\n- 40 people were hurt\n\n| Year | 2023 |\n|---|---|\n| Cost | $5m |\n",
        encoding="utf-8",
    )
    first, second = load(str(path)), load(str(path))
    assert first.text == second.text and first.sha256 == second.sha256
    from reader.analysis import analyze

    analysis = analyze(first)
    assert analysis.numbers and all(first.text[n.start : n.end] == n.text for n in analysis.numbers)
    assert not any("70000000" in n.text or n.text in ("2024", "05") for n in analysis.numbers)
    assert "40" in [n.text for n in analysis.numbers]
