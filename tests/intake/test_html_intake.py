"""HTML files: main content only via trafilatura, title from metadata, one paragraph a line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.intake import InputError, load
from reader.intake.webpage import extract_article


def _write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_article_is_extracted_without_boilerplate(tmp_path: Path, article_page) -> None:
    document = load(_write(tmp_path / "bridge.html", article_page.html))

    assert document.extractor == f"html:trafilatura-{trafilatura.__version__}"
    assert document.title == article_page.title
    for paragraph in article_page.paragraphs:
        assert paragraph in document.text.split("\n")
    for marker in article_page.boilerplate:
        assert marker not in document.text, marker
    assert "<" not in document.text and "evil.example" not in document.text


def test_one_paragraph_per_line(tmp_path: Path, article_page) -> None:
    document = load(_write(tmp_path / "bridge.htm", article_page.html))

    lines = [line for line in document.text.split("\n")]
    assert all(line.strip() == line and line for line in lines)
    assert [document.text[p.start : p.end] for p in document.paragraphs] == lines
    assert "Delays and costs" in lines  # headings stay, each on its own line


def test_html_is_sniffed_from_content_whatever_the_extension(tmp_path: Path, article_page) -> None:
    no_doctype = article_page.html.replace("<!DOCTYPE html>\n", "  \n")
    for name, text in (
        ("page.txt", article_page.html),
        ("noext", no_doctype),
        ("upper.txt", no_doctype.upper()),
    ):
        document = load(_write(tmp_path / name, text))
        assert document.extractor.startswith("html:trafilatura-"), name


def test_plain_text_that_mentions_html_is_not_html(tmp_path: Path) -> None:
    text = "Browsers read <html> tags; this article explains why.\nIt is plain text all the same.\n"
    document = load(_write(tmp_path / "about-html.txt", text))
    assert document.extractor == "plain"
    assert document.text == text


def test_declared_windows_1252_charset(tmp_path: Path, article_page) -> None:
    page = article_page.html.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "42 million euros", "\u201c42 million\u201d \u20ac"
    )
    document = load(_write(tmp_path / "legacy.html", page, "cp1252"))
    assert "\u201c42 million\u201d \u20ac" in document.text


def test_meta_charset_used_for_a_non_western_page(tmp_path: Path, article_page) -> None:
    page = article_page.html.replace('charset="utf-8"', 'charset="koi8-r"').replace(
        "officials said.", "officials said, according to Правда."
    )
    document = load(_write(tmp_path / "koi8.html", page, "koi8-r"))
    assert "according to Правда." in document.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_html_with_bom(tmp_path: Path, article_page, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "wide.html"
    path.write_bytes(bom + article_page.html.encode(codec))
    document = load(str(path))
    assert document.extractor.startswith("html:")
    assert article_page.paragraphs[0] in document.text


def test_title_falls_back_to_the_first_line_without_metadata(tmp_path: Path) -> None:
    body = "<p>" + "A story about a long day at the council meeting, told in full sentences. " * 3 + "</p>"
    document = load(
        _write(tmp_path / "untitled.html", f"<html><body><article>{body}</article></body></html>")
    )
    assert document.title == document.text.split("\n")[0][:200]


def test_page_without_an_article_is_refused(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Index</title><script>run()</script></head><body>
    <nav><a href="/">Home</a><a href="/news">News</a><a href="/about">About us</a></nav>
    <form><input name="q"><button>Search</button></form><footer>Copyright 2024</footer></body></html>"""
    with pytest.raises(InputError, match=r"index.html: no article text found in the HTML"):
        load(_write(tmp_path / "index.html", page))


def test_markup_only_html_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        load(_write(tmp_path / "blank.html", "<html><body></body></html>"))


_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<iframe>",
        "<form>",
        "<br>",
        "&amp;",
        "&#0;",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "\x01",
        "\x1b[2J",
        "é",
        "A sentence with several plain words in it. ",
        "<",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=80))
def test_any_markup_gives_an_article_or_one_input_error(parts: list[str]) -> None:
    html = "<!doctype html><html><body>" + "".join(parts) + "</body></html>"
    try:
        article = extract_article(html, "page")
    except InputError as exc:
        assert str(exc).startswith("page: no article text")
    else:
        lines = article.text.split("\n")
        assert all(line and line == line.strip() for line in lines)
        assert any(len(line.split()) >= 8 for line in lines)


ASPNET_PARAGRAPHS = (
    "The city council voted on Tuesday to close the old harbour bridge for two years of repairs.",
    "Engineers found corrosion in the main cables last spring, the transport office said in a statement.",
    "Traders on the waterfront fear the detour will keep customers away during the busiest months.",
)


def test_a_page_whose_whole_body_is_one_form_opens(tmp_path: Path) -> None:
    """ASP.NET pages wrap everything in ``<form runat=server>``; the form's controls go, its article stays."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ASPNET_PARAGRAPHS)
    page = (
        "<!DOCTYPE html><html><head><title>Harbour bridge to close | City News</title></head><body>"
        '<form method="post" action="./story.aspx?id=42" id="aspnetForm">'
        '<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MzE0MjEwNTs7Pg==" />'
        '<div id="header"><a href="/">Home</a> <a href="/news">News</a>'
        '<input type="text" name="q" /><button type="submit">Search</button></div>'
        f'<div id="content"><article><h1>Harbour bridge to close</h1>{paragraphs}</article></div>'
        '<select name="lang"><option>English</option><option>Deutsch</option></select>'
        "</form></body></html>"
    )
    standalone = trafilatura.extract(page)
    assert standalone and ASPNET_PARAGRAPHS[0] in standalone  # the extractor alone gets the article

    document = load(_write(tmp_path / "story.aspx.html", page))
    lines = document.text.split("\n")
    for paragraph in ASPNET_PARAGRAPHS:
        assert paragraph in lines
    assert "Deutsch" not in document.text and "VIEWSTATE" not in document.text
