"""What reaches the terminal: escape sequences in an article are shown inert, and odd Unicode keeps highlights aligned.

The app runs headless (``App.run_test``) on real rules-only analyses. "Inert" is
checked on the strips the article view renders, on the panel's labels, on the
title bar, and on the app's exported screen; alignment is checked by finding
the highlighted segments of a rendered line and comparing them with the span.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re

from rich.cells import cell_len
from textual.widgets import Tree

from reader.analysis import analyze
from reader.analysis.model import Analysis
from reader.intake import Document, make_document
from reader.tui import ReaderApp
from reader.tui.widgets.article import ArticleView

SIZE = (140, 50)
# Anything a terminal would act on: C0 (newline excepted where a screen has lines), DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")

HOSTILE = make_document(
    "Escape sequences in an article\n"
    "\x1b[2J\x1b[H\x1b[31mThe minister\x1b[0m said 40 percent of the funds had vanished.\n"
    "A link \x1b]8;;http://evil.example\x07click here\x1b]8;;\x07 and a title change \x1b]0;pwned\x07 followed.\n"
    "“We never \x1b[6n asked \x9b2J anyone,” the spokesman Anna Berg said on Monday.\n"
    "Backspaces ab\x08\x08cd, a bell \x07, DEL \x7f, form feed \x0c and NUL-free C1 \x85\x90\x9d end here.\n",
    source="evil\x1b[2J.txt",
    extractor="plain",
    title="Title \x1b]0;owned\x07 here",
)


def rules_only(document: Document) -> Analysis:
    return analyze(document, packages=("no_such_model",))


async def _rendered(app: ReaderApp, pilot) -> tuple[list[str], list[str], str]:  # noqa: ANN001 - Pilot
    await app.workers.wait_for_complete()
    await pilot.pause()
    labels: list[str] = []
    for tree in app.screen.query(Tree):
        tree.root.expand_all()
    await pilot.pause()
    for tree in app.screen.query(Tree):
        stack = [tree.root]
        while stack:
            node = stack.pop()
            labels.append(node.label.plain)
            stack.extend(node.children)
    article = app.screen.query_one(ArticleView)
    assert len(article.wrapped) <= article.scrollable_content_region.height  # every line is on screen
    lines = [article.render_line(y).text for y in range(len(article.wrapped))]
    return lines, labels, app.export_screenshot()


def test_escape_sequences_in_an_article_never_reach_the_terminal() -> None:
    analysis = rules_only(HOSTILE)
    assert any("\x1b" in quote.text for quote in analysis.quotes)  # the panel really gets a hostile quote

    async def run() -> None:
        app = ReaderApp(HOSTILE, analysis=analysis, theme="reader-dark")
        async with app.run_test(size=SIZE) as pilot:
            lines, labels, screen = await _rendered(app, pilot)
            assert "".join(lines).count("\u241b") >= 8  # ESC shown as a visible symbol, in place
            for shown in (*lines, *labels, app.screen.title, app.screen.sub_title):
                assert not RAW_CONTROL.search(shown), repr(shown)
            assert not RAW_CONTROL.search(screen.replace("\n", ""))
            assert "The minister" in "".join(lines)

    asyncio.run(run())


def test_markup_in_an_article_is_shown_as_text_in_the_panel() -> None:
    document = make_document(
        "Markup\n“Stop [/] now [bold red]please[/bold red] and [link=http://evil]here[/link],” Anna Berg said.\n",
        source="markup.txt",
        extractor="plain",
    )
    analysis = rules_only(document)

    async def run() -> None:
        app = ReaderApp(document, analysis=analysis, theme="reader-dark")
        async with app.run_test(size=SIZE) as pilot:
            _, labels, _ = await _rendered(app, pilot)
            assert any("Stop [/] now [bold red]please" in label for label in labels)

    asyncio.run(run())


# Each line has one figure after characters whose width or direction differs from their count.
TRICKY = make_document(
    "Unicode that moves cells\n"
    "Zero\u200bwidth\u200d joiners\u2060 here: officials counted 40 percent more.\n"
    "Emoji 👩\u200d👩\u200d👧\u200d👦 and flags 🇺🇦🇩🇪 first: turnout was 62 percent.\n"
    "Combining marks Z\u0338\u0322a\u0337l\u0335g\u0338o\u0335 and e\u0301\u0301: 17 percent agreed.\n"
    "Right to left قال الوزير and עברית then: 25 percent of votes.\n"
    "An override \u202ereversed\u202c and isolate \u2067RTL\u2069: 30 percent rose.\n"
    "Wide 中文字符 and ｆｕｌｌｗｉｄｔｈ letters: 45 percent.\n",
    source="tricky.txt",
    extractor="plain",
)


def test_odd_unicode_keeps_analysis_spans_on_their_text() -> None:
    analysis = rules_only(TRICKY)
    spans = [*analysis.numbers, *analysis.quotes, *analysis.claims]
    assert spans
    for item in spans:
        assert TRICKY.text[item.start : item.end] == item.text
    for sentence in analysis.sentences:  # sentences tile their paragraph, whatever the characters
        assert 0 <= sentence.start < sentence.end <= len(TRICKY.text)
        assert TRICKY.text[sentence.start] != " " and TRICKY.text[sentence.end - 1] != " "
    found = {number.text for number in analysis.numbers}
    assert {"40 percent", "62 percent", "17 percent", "25 percent", "30 percent", "45 percent"} <= found


def test_highlights_land_on_the_cells_of_their_text() -> None:
    analysis = rules_only(TRICKY)
    figures = [number for number in analysis.numbers if number.text.endswith("percent")]
    assert len(figures) == 6
    # only these figures: their style (bold) is then the only bold on each line
    analysis = dataclasses.replace(analysis, numbers=figures, quotes=[], speakers=[], claims=[], checks=[])

    async def run() -> None:
        app = ReaderApp(TRICKY, analysis=analysis, theme="reader-dark")
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            article = app.screen.query_one(ArticleView)
            shown = article.state.text
            for number in figures:
                line = article.wrapped.line_of(number.start)
                strip = article.render_line(line - round(article.scroll_y))
                line_start = article.wrapped.starts[line]
                text_column = strip.text.index(shown[line_start : line_start + 5])  # where the text begins
                cells, lit = 0, []
                for segment in strip:
                    width = cell_len(segment.text)
                    if segment.style and segment.style.bold and cells >= text_column:
                        lit.append((cells, cells + width, segment.text))
                    cells += width
                expected_start = text_column + cell_len(shown[line_start : number.start])
                assert "".join(text for *_, text in lit) == number.text, number.text
                assert lit[0][0] == expected_start and lit[-1][1] == expected_start + cell_len(number.text)

    asyncio.run(run())
