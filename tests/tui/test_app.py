"""The reading screen driven through Pilot: every binding and panel interaction, asserted on app state."""

from __future__ import annotations

import pytest
from textual.widgets import Tree

from reader.intake.document import make_document
from reader.tui import ReaderApp
from reader.tui.preferences import Preferences
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.panel import PanelItem, SidePanel
from tests.tui.conftest import BlockingAnalyzer

SMALL = (80, 24)
LARGE = (160, 48)


def reading(app: ReaderApp) -> ReadingScreen:
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


def visible_lines(article: ArticleView) -> list[str]:
    return [article.render_line(y).text for y in range(article.scrollable_content_region.height)]


def cursor_visible(article: ArticleView) -> bool:
    first, last = article.wrapped.lines_of(*article.state.cursor_span)
    top = round(article.scroll_y)
    return top <= first and last < top + article.scrollable_content_region.height


async def ready(app: ReaderApp, pilot) -> ReadingScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return reading(app)


def screen_rows(app: ReaderApp) -> list[str]:
    """The screen's rows as the terminal gets them (the compositor's strips)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]  # noqa: SLF001


async def test_article_paints_before_the_analysis_and_panel_shows_progress(make_app, seed_analysis) -> None:
    analyzer = BlockingAnalyzer(seed_analysis)
    app = make_app(analyzer=analyzer)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = reading(app)
        assert analyzer.started.wait(5)
        await pilot.pause()
        assert screen.state.loading
        assert any("Even before the Alaska summit" in line for line in visible_lines(screen.article))
        assert "Analysing… 50%" in str(screen.query_one("#panel-status").render())
        await pilot.press("j")
        assert screen.state.sentence.id == "s1"
        analyzer.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.state.loading
        assert screen.panel.tree.display
        labels = [str(node.label) for node in screen.panel.tree.root.children]
        analysis_sections = ["Speakers (3)", "Numbers (5)", "Claims (3)", "Checks (2)"]
        assert [label for label in labels if label in analysis_sections] == analysis_sections
        assert screen.state.sentence.id == "s1"


async def test_failed_analysis_shows_the_error_and_reading_goes_on(make_app) -> None:
    analyzer = BlockingAnalyzer(error=ValueError("model exploded"))
    app = make_app(analyzer=analyzer)
    async with app.run_test(size=LARGE) as pilot:
        analyzer.release()
        screen = await ready(app, pilot)
        assert screen.state.analysis_error == "ValueError: model exploded"
        assert "model exploded" in str(screen.query_one("#panel-status").render())
        await pilot.press("j", "j")
        assert screen.state.sentence.id == "s2"


async def test_closing_the_app_cancels_a_running_analysis(make_app) -> None:
    analyzer = BlockingAnalyzer()
    app = make_app(analyzer=analyzer)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert analyzer.started.wait(5)
        await pilot.press("q")
    await app.workers.wait_for_complete()
    assert analyzer.cancelled_seen


async def test_a_ready_analysis_skips_the_analyzer(make_app, seed_analysis) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("analyzer must not run when an analysis is given")

    app = make_app(analysis=seed_analysis, analyzer=refuse)
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        assert screen.state.analysis is seed_analysis
        assert screen.state.analysis_error is None


async def test_sentence_paragraph_and_edge_keys_move_the_cursor(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        state = screen.state
        assert state.sentence.id == "s0"
        await pilot.press("j", "down")
        assert state.sentence.id == "s2"
        await pilot.press("k")
        assert state.sentence.id == "s1"
        await pilot.press("up", "up")
        assert state.sentence.id == "s0"
        await pilot.press("J")
        assert state.sentence.start == seed_document.paragraphs[1].start
        await pilot.press("J")
        assert state.sentence.start == seed_document.paragraphs[2].start
        await pilot.press("K")
        assert state.sentence.start == seed_document.paragraphs[1].start
        await pilot.press("G")
        assert state.cursor == len(state.sentences) - 1
        assert screen.article.scroll_y == screen.article.max_scroll_y > 0
        assert cursor_visible(screen.article)
        await pilot.press("g")
        assert state.cursor == 0 and screen.article.scroll_y == 0
        await pilot.press("end")
        assert state.cursor == len(state.sentences) - 1
        await pilot.press("home")
        assert state.cursor == 0


async def test_page_keys_scroll_a_page_and_bring_the_cursor_along(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        article = screen.article
        height = article.scrollable_content_region.height
        await pilot.press("pagedown")
        assert article.scroll_y == height - 1
        assert cursor_visible(article)
        assert screen.state.cursor > 0
        await pilot.press("space")
        assert article.scroll_y == min(2 * (height - 1), article.max_scroll_y)
        assert cursor_visible(article)
        await pilot.press("pageup", "b")
        assert article.scroll_y == 0
        assert cursor_visible(article)


async def test_cursor_moves_keep_the_cursor_on_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        for _ in range(25):
            await pilot.press("j")
            await pilot.pause()  # the details may resize the article; the cursor follows after layout
            assert cursor_visible(screen.article)
        assert screen.article.scroll_y > 0
        assert screen.query_one("#status").render().plain.lstrip().startswith(f"{screen.state.position}%")


async def test_layer_keys_toggle_layers_and_the_rendered_highlights(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        article = screen.article
        await pilot.press("j")  # s1 holds the first quote
        line = article.wrapped.line_of(seed_document.text.index("I see no signs"))
        quoted = article.render_line(line - round(article.scroll_y))
        assert "❝" in quoted.text
        assert any(segment.style and segment.style.italic for segment in quoted)
        for key, layer in (("s", "speakers"), ("m", "numbers"), ("c", "claims"), ("x", "checks")):
            await pilot.press(key)
            assert screen.state.layers[layer] is False
        plain = article.render_line(line - round(article.scroll_y))
        assert "❝" not in plain.text
        assert not any(segment.style and segment.style.italic for segment in plain)
        await pilot.press("s")
        assert screen.state.layers["speakers"] is True


async def test_next_and_previous_highlight_of_the_focused_layer(make_app, seed_analysis) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        state = screen.state
        assert state.focus_layer == "claims"
        claims = sorted(seed_analysis.claims, key=lambda claim: claim.start)
        await pilot.press("right_square_bracket")
        assert state.selected == (claims[0].start, claims[0].end)
        assert state.sentence.start <= claims[0].start < state.sentence.end
        await pilot.press("right_square_bracket")
        assert state.selected == (claims[1].start, claims[1].end)
        assert cursor_visible(screen.article)
        await pilot.press("left_square_bracket")
        assert state.selected == (claims[0].start, claims[0].end)
        await pilot.press("f")
        assert state.focus_layer == "checks"
        await pilot.press("right_square_bracket")
        assert state.selected is not None and seed_analysis.checks[1].spans[0].start == state.selected[0]
        await pilot.press("escape")
        assert state.selected is None


async def test_details_describe_the_cursor_sentence(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        screen.state.cursor_to(seed_document.text.index("nearly 5,000 of them"))
        screen.article.post_message(ArticleView.CursorMoved())
        await pilot.pause()
        details = screen.query_one("#details").render().plain
        assert "unverifiable" in details and "cannot be independently verified" in details
        assert "5,000 soldiers" in details
        screen.state.cursor_to(seed_document.text.index("“In some categories"))
        screen.article.post_message(ArticleView.CursorMoved())
        await pilot.pause()
        details = screen.query_one("#details").render().plain
        assert "Margarete Klein" in details and "cue “Klein said”" in details


async def test_tab_moves_focus_between_article_and_panel_overlay_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        assert screen.narrow and not screen.panel.display
        assert app.focused is screen.article
        await pilot.press("tab")
        assert screen.panel.display
        assert isinstance(app.focused, Tree)
        await pilot.press("tab")
        assert app.focused is screen.article
        assert not screen.panel.display
        await pilot.press("p")
        assert screen.panel.display
        await pilot.press("escape")
        assert not screen.panel.display


async def test_panel_is_a_column_on_a_wide_screen_and_p_hides_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        assert not screen.narrow and screen.panel.display
        assert screen.panel.region.x >= screen.article.region.right
        await pilot.press("p")
        assert not screen.panel.display
        await pilot.press("p")
        assert screen.panel.display


async def _select_node(pilot, tree: Tree, predicate) -> PanelItem:
    """Move the tree cursor with the keyboard to the first node matching predicate, then press enter."""
    for _ in range(200):
        node = tree.cursor_node
        item = tree.item_of(node) if node is not None else None
        if item is not None and predicate(item):
            await pilot.press("enter")
            return item
        if node is not None and node.allow_expand and not node.is_expanded:
            await pilot.press("space")
        await pilot.press("down")
    raise AssertionError("no such node")


async def test_selecting_a_panel_item_scrolls_to_it_and_marks_it(make_app, seed_analysis) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("tab")
        last_claim = seed_analysis.claims[0]
        item = await _select_node(pilot, screen.panel.tree, lambda data: data.key == last_claim.id)
        assert screen.state.selected == (item.start, item.end) == (last_claim.start, last_claim.end)
        assert cursor_visible(screen.article)
        assert screen.article.scroll_y > 0


async def test_selecting_a_speaker_lights_up_all_their_quotes(make_app, seed_analysis) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("tab")
        await _select_node(pilot, screen.panel.tree, lambda data: data.kind == "speaker" and data.key == "p0")
        assert screen.state.speaker == "p0"
        klein_quotes = [(q.start, q.end) for q in seed_analysis.quotes if q.speaker == "p0"]
        assert screen.state.speaker_quotes() == klein_quotes
        article = screen.article
        line = article.wrapped.line_of(klein_quotes[1][0]) - round(
            article.scroll_y
        )  # [0] is also the selection
        lit = article.get_component_rich_style("article--speaker-quote", partial=True).bgcolor
        assert any(segment.style and segment.style.bgcolor == lit for segment in article.render_line(line))


async def test_mouse_clicks_move_the_cursor_and_pick_panel_items(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        article = screen.article
        target = seed_document.text.index("Artillery: 40%")
        line = article.wrapped.line_of(target)
        await pilot.click(ArticleView, offset=(article._pad + 5, line))
        assert screen.state.sentence.start == target
        await pilot.click(Tree, offset=(8, 1))  # the first speaker under "Speakers"
        await pilot.pause()
        assert screen.state.speaker == "p0"


async def test_incremental_search_counts_cycles_and_clears(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        expected = seed_document.text.lower().count("klein")
        await pilot.press("slash")
        assert screen.query_one("#search").display
        await pilot.press(*"kle")
        assert screen.state.search.count == seed_document.text.lower().count("kle")
        await pilot.press("i", "n")
        search = screen.state.search
        assert search.count == expected > 3
        assert str(screen.query_one("#search-count").render()) == f"1/{expected}"
        await pilot.press("enter")
        assert not screen.query_one("#search").display
        assert app.focused is screen.article
        first = screen.state.search.starts[0]
        assert screen.state.sentence.start <= first < screen.state.sentence.end
        await pilot.press("n")
        assert screen.state.search.current == 1
        assert cursor_visible(screen.article)
        await pilot.press("N", "N")
        assert screen.state.search.current == expected - 1
        await pilot.press("slash", "z", "q", "x")
        assert screen.state.search.count == 0
        assert str(screen.query_one("#search-count").render()) == "no match"
        await pilot.press("escape")
        assert screen.state.search.query == ""
        assert app.focused is screen.article


async def test_help_is_built_from_the_live_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {row.description for row in app.screen.rows}
        for binding in [*ArticleView.BINDINGS, *ReadingScreen.BINDINGS, *ReaderApp.BINDINGS]:
            assert binding.description in descriptions
        keys = {row.description: row.keys for row in app.screen.rows}
        assert sorted(keys["Next sentence"]) == ["j", "↓"]
        await pilot.press("escape")
        assert app.screen is screen


async def test_help_scrolls_with_the_reading_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0  # 80x24 shows part of the list
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("space")
        assert body.scroll_y > 2
        await pilot.press("b")
        assert body.scroll_y == 1  # a page back


async def test_command_palette_runs_every_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"checks layer")
        await pilot.pause(0.3)  # the palette searches in a worker: let it deliver
        await pilot.press("enter")
        await pilot.pause()
        assert screen.state.layers["checks"] is False
        await pilot.press("ctrl+p")
        await pilot.press(*"theme: light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "reader-light"


async def test_palette_provider_covers_every_binding(make_app) -> None:
    from reader.tui.commands import ReaderCommands

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        provider = ReaderCommands(screen)
        names = {name for name, _keys, _command in provider._entries()}
        for binding in [*ArticleView.BINDINGS, *ReadingScreen.BINDINGS, *ReaderApp.BINDINGS]:
            assert binding.description in names
        assert {"Theme: dark", "Theme: light", "Theme: high contrast"} <= names


async def test_theme_key_cycles_and_is_remembered(make_app) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=SMALL) as pilot:
        await ready(app, pilot)
        assert app.theme == "reader-dark"
        await pilot.press("T")
        assert app.theme == "reader-light"
        await pilot.press("T")
        assert app.theme == "reader-high-contrast"
    assert Preferences.load().theme == "reader-high-contrast"
    again = make_app(theme=None)
    async with again.run_test(size=SMALL) as pilot:
        await ready(again, pilot)
        assert again.theme == "reader-high-contrast"


async def test_resize_keeps_the_cursor_sentence_in_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        for _ in range(40):
            await pilot.press("j")
        sentence = screen.state.sentence.id
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.state.sentence.id == sentence
        assert cursor_visible(screen.article)
        await pilot.resize_terminal(250, 70)
        await pilot.pause()
        await pilot.pause()
        assert cursor_visible(screen.article)
        assert not screen.narrow and screen.panel.display


async def test_control_characters_never_reach_the_terminal() -> None:
    text = "Title\x1b]0;pwned\x07\nA \x1b[2Jcleared\x9b screen says \x1b[31mred\x1b[0m. Second sentence."
    document = make_document(text, source="evil\x1b[5m.txt", extractor="plain")
    app = ReaderApp(
        document, analyzer=lambda document, **_: (_ for _ in ()).throw(ValueError("bad \x1b[31m input"))
    )
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        rendered = "".join(screen.article.render_line(y).text for y in range(5))
        assert "\u241b[2Jcleared\ufffd" in rendered
        shot = app.export_screenshot()
        assert "\x1b" not in shot and "\x9b" not in shot and "\x07" not in shot
        assert "\x1b" not in str(screen.query_one("#panel-status").render())


async def test_wide_characters_render_within_the_width() -> None:
    text = "标题\n" + "这是一个没有空格的很长的中文句子，用来测试宽字符的换行是否正确。" * 6 + " 😀 emoji 😀"
    document = make_document(text, source="wide.txt", extractor="plain")
    app = ReaderApp(document, analyzer=lambda document, **_: (_ for _ in ()).throw(ValueError("no model")))
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        article = screen.article
        width = article.scrollable_content_region.width
        for y in range(article.scrollable_content_region.height):
            assert article.render_line(y).cell_length == width


@pytest.mark.parametrize("size", [SMALL, (250, 70)])
async def test_everything_is_reachable_at_both_sizes(make_app, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await ready(app, pilot)
        for widget in (screen.article, screen.query_one("#details"), screen.query_one("#status")):
            assert widget.region.height > 0 and widget.region.right <= size[0]
        await pilot.press("tab")
        panel = screen.query_one(SidePanel)
        assert panel.display and panel.region.width >= 30 and panel.region.right <= size[0]
