"""Graphemes terminals measure differently never push the panel's border out of line.

A family emoji (zero-width joiners), a skin tone, a flag, an emoji variation selector
or a stack of combining marks is one cell, two or eight depending on who measures:
rich (and terminals that cluster graphemes) count the cluster, terminals that don't
(tmux 3.3, xterm.js, the C library's ``wcwidth``) add up its code points. The app
shows such text so that both ways of counting give every screen row the screen's
width and put the panel's border in the same column.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import locale
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from rich.cells import cell_len

from reader.analysis.model import Quote, Speaker, TextSpan
from reader.intake import make_document
from reader.tui import ReaderApp
from reader.tui.widgets.panel import SidePanel
from tests.tui.canned import plain_analysis, span_of
from tests.tui.test_app import screen_rows

GRAPHEMES = [
    "👨\u200d👩\u200d👧\u200d👦",  # a family: four people, three joiners
    "👩\u200d🔬",  # a scientist
    "🏳\ufe0f\u200d🌈",  # the rainbow flag: a narrow flag made wide, joined to a rainbow
    "👍🏽",  # a skin-tone modifier
    "👋🏿",
    "🇺🇦🇩🇪",  # two flags: regional-indicator pairs
    "❤\ufe0f",  # a narrow heart asked to be an emoji
    "1\ufe0f\u20e3",  # a keycap
    "Z\u0338\u0322\u0328\u031b\u0316\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320a\u0337\u0321l",  # stacked marks
    "e\u0301\u0301\u0303\u0303",
]
SPEAKER = "Anna 👩\u200d👩\u200d👧 Berg 👍🏽 🇺🇦 Z\u0338\u0322\u0328\u031b\u0316\u0317"
TEXT = (
    "Odd graphemes " + GRAPHEMES[0] + "\n"
    + " ".join(f"Word {grapheme} here." for grapheme in GRAPHEMES)
    + f"\n“We never asked anyone {GRAPHEMES[0]} {GRAPHEMES[3]},” {SPEAKER} said on Monday. "
    + "".join(GRAPHEMES) * 3
    + "\n"
)  # fmt: skip


@pytest.fixture
def code_point_cells() -> Iterator[Callable[[str], int]]:
    """The C library's wcwidth summed per code point: how a terminal without grapheme clustering counts."""
    name = ctypes.util.find_library("c")
    if name is None:
        pytest.skip("no C library to ask for wcwidth")
    libc = ctypes.CDLL(name)
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    previous = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale for wcwidth")

    def cells(text: str) -> int:
        widths = [libc.wcwidth(char) for char in text]
        assert -1 not in widths, repr(text)  # nothing unprintable reaches the screen
        return sum(widths)

    yield cells
    locale.setlocale(locale.LC_CTYPE, previous)


def _analysis(document):  # noqa: ANN001, ANN202 - a Document in, an Analysis out
    text = document.text
    start, end = span_of(text, f"We never asked anyone {GRAPHEMES[0]} {GRAPHEMES[3]},")
    name_start, name_end = span_of(text, SPEAKER)
    speaker = Speaker(
        "p0", SPEAKER, None, "👩\u200d🔬 expert", "person", [TextSpan.of(text, name_start, name_end)]
    )
    quote = Quote(
        "q0", "p0", "direct", start, end, text[start:end], TextSpan.of(text, *span_of(text, "said"))
    )
    return replace(plain_analysis(document), speakers=[speaker], quotes=[quote])


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
async def test_every_row_is_the_screen_width_however_its_graphemes_are_counted(
    code_point_cells, size: tuple[int, int]
) -> None:
    document = make_document(TEXT, source="graphemes.txt", extractor="plain")
    app = ReaderApp(document, analysis=_analysis(document), theme="reader-dark")
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        if not panel.display:
            await pilot.press("p")
        app.screen.query_one("#panel-tree").root.expand_all()
        await pilot.pause()
        assert panel.display and panel.region.x > 0
        rows = screen_rows(app)
        shown = "".join(rows)
        assert "Berg" in shown and "Word" in shown  # the odd text is on screen, in the article and the panel
        for row in rows:
            assert cell_len(row) == code_point_cells(row) == size[0], repr(row)
            border = next(index for index in range(len(row) + 1) if cell_len(row[:index]) >= panel.region.x)
            assert code_point_cells(row[:border]) == panel.region.x, repr(row)
