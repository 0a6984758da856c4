"""What the counts count: the status line says it counts quotes; unnamed speakers with one label are one entry."""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Quote, Speaker, TextSpan
from tests.tui.canned import span_of
from tests.tui.test_app import LARGE, ready


def spokesmen(document, analysis):
    """Three more unnamed speakers labelled like the canned 'a spokesman' (one in capitals), each quoted once."""
    text = document.text
    extra_speakers, extra_quotes = [], []
    for number, (label, needle) in enumerate(
        [("A spokesman", "Artillery: 40%"), ("a  spokesman", "Kursk"), ("a spokesman", "Kim Jong Un")]
    ):
        start, end = span_of(text, needle)
        extra_speakers.append(
            Speaker(f"u{number}", None, label, None, "unnamed", [TextSpan.of(text, start, end)])
        )
        extra_quotes.append(Quote(f"uq{number}", f"u{number}", "direct", start, end, text[start:end]))
    return replace(
        analysis, speakers=[*analysis.speakers, *extra_speakers], quotes=[*analysis.quotes, *extra_quotes]
    )


async def test_unnamed_speakers_with_one_label_are_one_panel_entry_and_the_status_says_quotes(
    make_app, seed_document, seed_analysis
) -> None:
    analysis = spokesmen(seed_document, seed_analysis)
    app = make_app(analyzer=lambda document, **_: analysis)
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        tree = screen.panel.tree
        speakers = next(node for node in tree.root.children if str(node.label).startswith("Speakers"))
        assert str(speakers.label) == "Speakers (3)"  # Klein, Zelensky, a spokesman
        labels = [str(node.label) for node in speakers.children]
        assert [label for label in labels if "spokesman" in label.casefold()] == ["a spokesman ×4 (4)"]
        entry = next(node for node in speakers.children if "spokesman" in str(node.label))
        item = tree.item_of(entry)
        screen.state.focus_speaker(item.key)
        assert len(screen.state.speaker_quotes()) == 4  # picking it lights every quote of the entry
        status = str(screen.query_one("#status").render())
        assert f"❝Speakers {len(analysis.quotes)} quotes" in status
