"""The Markdown export is valid CommonMark and keeps every character of passages, notes and cells."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.export import export_document, markup
from reader.export.article import Article
from reader.export.markdown import render_markdown
from reader.store import Anchor, Store
from tests.export.conftest import NOTES, Seeded
from tests.fuzzing import fuzz_settings

NASTY = [
    "*stars* and _underscores_ and **bold**",
    "---",
    "--",
    "===",
    "# heading? no",
    "> not a quote",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "+ nor this",
    "    indented code? no",
    "`code` and ``double``",
    "[link](http://example.org) and ![image](x.png)",
    "<script>alert(1)</script> &amp; &#65; &",
    "a | pipe | table",
    "back\\slash at the end\\",
    "trailing spaces   ",
    "Ünïcödé, 中文, emoji 🙂, RTL עברית",
    "[[wiki link]] ==highlight== %%comment%% $math$ #tag ^block-id",
    "https://example.org/a_b_c",
    "x" * 5000,
]


def plain_text(tokens: list[Token]) -> str:
    """What a reader sees: inline text with soft breaks as spaces and hard breaks as newlines."""
    out: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    out.append(child.content)
                elif child.type == "softbreak":
                    out.append(" ")
                elif child.type == "hardbreak":
                    out.append("\n")
        elif token.type == "paragraph_close" and out:
            out.append("\n\n")
    return "".join(out).strip()


def structure(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens if t.nesting >= 0 and t.type != "inline" and t.type != "text"]


def literal(line: str) -> str:
    return " ".join(line.split())


def test_nasty_lines_render_literally_everywhere() -> None:
    md = MarkdownIt("commonmark")
    for line in NASTY:
        paragraph = md.parse("\n\n".join(markup.paragraphs(line)))
        assert plain_text(paragraph) == literal(line), line
        assert structure(paragraph) == ["paragraph_open"], line
        quote = md.parse(markup.blockquote(line))
        assert [t.type for t in quote][:2] == ["blockquote_open", "paragraph_open"], line
        assert plain_text(quote) == literal(line), line


def test_multi_line_notes_keep_their_lines_and_paragraphs() -> None:
    note = "first line\n---\n# second\n\n\n1. third paragraph"
    tokens = MarkdownIt("commonmark").parse("\n\n".join(markup.paragraphs(note)))
    assert plain_text(tokens) == "first line\n---\n# second\n\n1. third paragraph"
    assert [t.type for t in tokens if t.type.endswith("_open")] == ["paragraph_open", "paragraph_open"]


def test_a_passage_spanning_paragraphs_stays_one_quote() -> None:
    tokens = MarkdownIt("commonmark").parse(markup.blockquote("One paragraph.\nAnother - one.\n---"))
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert plain_text(tokens) == "One paragraph.\n\nAnother - one.\n\n---"


def test_table_cells_keep_pipes() -> None:
    md = MarkdownIt("commonmark").enable("table")
    cells = ["a | b", "x\\|y", "*it*", ""]
    table = (
        "| A | B | C | D |\n| --- | --- | --- | --- |\n| " + " | ".join(map(markup.table_cell, cells)) + " |"
    )
    tokens = md.parse(table)
    seen = [t.children[0].content if t.children else "" for t in tokens if t.type == "inline"][4:]
    assert [" ".join(s.split()) for s in seen] == ["a | b", "x\\|y", "*it*", ""]


@pytest.mark.fuzz
@fuzz_settings
@given(
    st.text(
        alphabet=st.sampled_from(list("ab 1.-+*_#>|`[]()!<>&;\\=%$^~:\n\t\"'") + ["é", "🙂"]), max_size=80
    )
)
def test_any_text_renders_literally(text: str) -> None:
    md = MarkdownIt("commonmark")
    for line in text.split("\n"):
        if line.strip():
            assert plain_text(md.parse(markup.blockquote(line))) == literal(line)
            assert plain_text(md.parse(markup.paragraphs(line)[0])) == literal(line)


def test_export_is_commonmark_with_the_expected_shape(seeded: Seeded, tmp_path: Path) -> None:
    text = export_document(seeded.store, seeded.document.sha256, "md", tmp_path / "seed.md").read_text()
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    for line in (
        front.splitlines()
    ):  # YAML: key: scalar, list items, nested counts, every scalar JSON-quoted or plain
        key, _, value = line.strip().removeprefix("- ").partition(": ")
        scalar = value if value else key
        if scalar.startswith('"'):
            json.loads(scalar)
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(body)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == seeded.document.title
    assert headings[1:] == [
        "Annotations",
        "1. opinion · paragraph 2, sentence 1",
        "2. needs-source · paragraph 4, sentence 2",
        "3. disputed · paragraph 5, sentence 1",
        "4. note · paragraph 6, sentence 1",
        "Claims still to check",
        "Speakers",
    ]
    quotes = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert [tokens[i + 2].content.replace("\\", "") for i in quotes] == [n[1] for n in NOTES]
    assert [t.content for t in tokens if t.type == "inline" and t.content.startswith("^note-")] == [
        f"^note-{n[0]}" for n in NOTES
    ]
    assert "| Johann Wadephul | German Foreign Minister \\| SWP | 0 |" in body
    claims = body.split("## Claims still to check", 1)[1]
    assert "These figures are confirmed" not in claims  # tagged "disputed": not still to check
    assert "Russia is replenishing" in claims


def test_export_without_a_cached_analysis_says_so(isolated_dirs: Path, seed_document) -> None:  # noqa: ANN001
    with Store.open() as store:
        store.open_document(seed_document)
        start = seed_document.text.index("5.8 million")
        store.annotate(seed_document.sha256, start, start + 11, tag="needs-source")
        text = render_markdown(Article.load(store, seed_document.sha256))
    assert "No analysis was cached" in text
    assert "Claims still to check" not in text and "| Speaker |" not in text
    assert "### 1. needs-source · paragraph 4\n" in text  # paragraph from the stored text, no sentence


def test_orphans_are_listed_with_their_original_quote(seeded: Seeded) -> None:
    annotation = seeded.annotations[0]
    seeded.store.restore(annotation.id, replace(annotation, orphaned=True))
    text = render_markdown(Article.load(seeded.store, seeded.document.sha256))
    orphans = text.split("## Orphaned annotations", 1)[1].split("## Claims", 1)[0]
    assert "> I see no signs that Vladimir Putin wants a just peace" in orphans
    assert "not found in the current text" in orphans and "Speaker" not in orphans


def test_very_long_passage(seeded: Seeded) -> None:
    text = seeded.document.text
    end = text.index("North Korean leader Kim")
    change = seeded.store.annotate(seeded.document.sha256, 0, end, tag="opinion")
    assert change.after is not None and isinstance(change.after.anchor, Anchor)
    rendered = render_markdown(Article.load(seeded.store, seeded.document.sha256))
    tokens = MarkdownIt("commonmark").enable("table").parse(rendered.split("\n---\n", 1)[1])
    first_quote = tokens.index(next(t for t in tokens if t.type == "blockquote_open"))
    closing = next(i for i in range(first_quote, len(tokens)) if tokens[i].type == "blockquote_close")
    quoted = plain_text(tokens[first_quote:closing])
    expected = "\n\n".join(literal(line) for line in text[:end].split("\n") if line.strip())
    assert quoted == expected
