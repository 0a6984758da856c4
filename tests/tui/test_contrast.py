"""Issue 16.1: no styled text may vanish into its background, in any theme, state or colour system.

Two sweeps: every combination of the article's styles that can be painted on one piece of text
(as ArticleView combines them), and the article itself rendered with tags, notes, a picked
speaker, a selection, a search and the cursor, with every on/off combination of the layers.
Each segment's text colour over its background must reach WCAG 4.5:1 in truecolor and in the
256 colours Rich reduces it to.
"""

from __future__ import annotations

from itertools import combinations, product

import pytest
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from rich.segment import Segment

from reader.tui.contrast import contrast_ratio, painted, shown
from reader.tui.highlights import HIGHLIGHT_NAMES
from reader.tui.themes import THEMES
from tests.tui.test_app import LARGE, ready

SYSTEMS = (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT)
MARK_KINDS = ("quote", "mention", "number", "claim", "check")


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    black, white = ColorTriplet(0, 0, 0), ColorTriplet(255, 255, 255)
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    assert contrast_ratio(ColorTriplet(0x77, 0x77, 0x77), white) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(ColorTriplet(0x76, 0x76, 0x76), white) >= 4.5


def failures(segments: list[Segment], where: str) -> list[str]:
    found = []
    for segment in segments:
        if not segment.text.strip() or segment.style is None:
            continue
        pair = painted(segment.style)
        assert pair is not None, f"{where}: {segment.text!r} has the terminal's default colours"
        for system in SYSTEMS:
            ratio = contrast_ratio(shown(pair[0], system), shown(pair[1], system))
            if ratio < 4.5:
                found.append(f"{where} {system.name} {segment.text[:20]!r} {ratio:.2f}:1 ({segment.style})")
    return found


def style_stacks() -> list[tuple[str, ...]]:
    """Every stack of style names ArticleView._render can put on one piece of text, in its order."""
    stacks = []
    for cursor, speaker, annotation, selected in product((False, True), repeat=4):
        for count in range(len(MARK_KINDS) + 1):
            for kinds in combinations(MARK_KINDS, count):
                for match in ((), ("match",), ("current-match",)):
                    stacks.append(
                        (
                            *(("cursor",) if cursor else ()),
                            *kinds,
                            *(("speaker-quote",) if speaker else ()),
                            *(("annotation",) if annotation else ()),
                            *(("selected",) if selected else ()),
                            *match,
                        )
                    )
    return stacks


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_every_combination_of_article_styles_is_legible(make_app, theme: str) -> None:
    app = make_app(theme=theme)
    async with app.run_test(size=LARGE) as pilot:
        article = (await ready(app, pilot)).article
        bad = []
        for stack in style_stacks():
            bad += failures(
                [Segment("text", article._combined(stack))], f"{theme} {'+'.join(stack) or 'plain'}"
            )
        assert not bad, f"{len(bad)} illegible stacks, e.g.\n" + "\n".join(bad[:15])


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_the_article_in_every_reading_state_is_legible(make_app, seed_analysis, theme: str) -> None:
    app = make_app(theme=theme)
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        state, article = screen.state, screen.article
        for _ in range(6):  # tags on every other sentence, over quotes, names and numbers
            await pilot.press("1", "j", "j")
        await pilot.press("g", "j", "a", *"a note", "ctrl+s")  # a note on the second sentence
        await pilot.pause()
        await pilot.press("j", "j", "j", "v", "j")  # a selection being made over two sentences
        quoted = next(q for q in seed_analysis.quotes if q.speaker)
        state.focus_speaker(quoted.speaker)  # what Enter on a speaker in the panel does (the pick)
        number = seed_analysis.numbers[0]
        state.select(number.start, number.end)
        await pilot.press("slash", *"Russia", "enter")  # search matches kept, one of them current
        await pilot.pause()
        assert state.search.count and state.speaker and state.selected and state.selection
        assert state.annotations.items and any(a.note for a in state.annotations.items)
        bad: list[str] = []
        for shown_layers in product((True, False), repeat=len(HIGHLIGHT_NAMES)):
            state.layers = dict(zip(HIGHLIGHT_NAMES, shown_layers, strict=True))
            state.version += 1
            article.draw()
            width = article.scrollable_content_region.width
            for line in range(min(len(article.wrapped), 40)):  # every state above sits in these lines
                label = f"{theme} layers={''.join('1' if on else '0' for on in shown_layers)} line {line}"
                bad += failures(list(article._strip(line, width)), label)
        assert not bad, f"{len(bad)} illegible segments, e.g.\n" + "\n".join(bad[:15])
