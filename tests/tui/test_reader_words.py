"""The TUI speaks the reader's language: places as paragraph and sentence, codes in words, shares as fractions."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.tui.widgets.article import ArticleView
from tests.tui.test_app import LARGE, ready

CODE = re.compile(r"\b(?:according_to|vague_source|anonymous_source|single_source|name_variant|s\d+)\b")


def _labels(node) -> list[str]:  # noqa: ANN001 - a Tree node
    return [str(node.label), *(label for child in node.children for label in _labels(child))]


async def test_details_and_panel_show_words_not_codes(make_app, seed_document, seed_analysis) -> None:
    text = seed_document.text
    quotes = [replace(q, kind="according_to") if q.id == "q4" else q for q in seed_analysis.quotes]
    numbers = [
        replace(n, kind="ratio", value=1 / 3, unit=None) if n.id == "n4" else n for n in seed_analysis.numbers
    ]
    analysis = replace(seed_analysis, quotes=quotes, numbers=numbers)
    app = make_app(analyzer=lambda document, **_: analysis)
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)

        async def details_at(needle: str | int) -> str:
            screen.state.cursor_to(needle if isinstance(needle, int) else text.index(needle))
            screen.article.post_message(ArticleView.CursorMoved())
            await pilot.pause()
            return screen.query_one("#details").render().plain

        said = await details_at("The deployment of North Korea's elite troops")
        assert "according to" in said and "according_to" not in said
        shares = await details_at("nearly 5,000 of them")
        assert "one third" in shares and "0.333" not in shares
        vague = await details_at("These figures are confirmed")
        assert "vague source" in vague and "vague_source" not in vague

        flagged = {q.start for q in quotes} | {n.start for n in numbers} | {c.start for c in analysis.claims}
        flagged |= {span.start for check in analysis.checks for span in check.spans}
        quiet = next(
            s
            for s in screen.state.sentences
            if not any(s.start <= x < s.end for x in flagged) and s.start > 0
        )
        paragraph = max(i for i, p in enumerate(seed_document.paragraphs) if p.start <= quiet.start)
        in_paragraph = [
            s
            for s in screen.state.sentences
            if seed_document.paragraphs[paragraph].start <= s.start <= quiet.start
        ]
        line = await details_at(quiet.start)
        assert line.startswith(f"paragraph {paragraph + 1}, sentence {len(in_paragraph)} · "), line
        assert not CODE.search(line), line

        labels = _labels(screen.panel.tree.root)
        assert any(label.startswith("vague source (") for label in labels), labels
        assert any("one third" in label for label in labels), labels
        assert not [label for label in labels if CODE.search(label)]
