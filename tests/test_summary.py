"""``reader analyze`` without ``--json`` speaks the reader's language; the JSON keeps the contract's codes."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from reader.analysis import analyze
from reader.intake import load
from reader.summary import render_summary

TEXT = (
    "Town loses people\n\n"
    "The mayor spoke on Monday. Sources said one in three residents had left the town since 2019.\n\n"
    "The council met again in the evening.\n"
)


def test_summary_uses_words_and_places_not_codes(tmp_path: Path) -> None:
    path = tmp_path / "town.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = load(str(path))
    analysis = analyze(document)
    console = Console(record=True, width=200, color_system=None)
    console.print(render_summary(analysis, document.text))
    shown = console.export_text()
    assert "vague source" in shown and "vague_source" not in shown
    assert "paragraph 2, sentence 2" in shown  # the title is paragraph 1
    assert "one third" in shown and "0.333" not in shown
    assert "2019" in shown and "2,019" not in shown
    data = json.loads(json.dumps(analysis.to_dict()))
    assert "vague_source" in [claim["category"] for claim in data["claims"]]


def test_labels_for_codes_places_and_shares() -> None:
    from reader.labels import category_label, fraction_words, kind_label, number_words, sentence_place

    assert (
        kind_label("according_to") == "according to" and kind_label("name_variant") == "name spelled two ways"
    )
    assert (
        category_label("anonymous_source") == "anonymous source" and category_label("new_code") == "new code"
    )
    assert [fraction_words(v) for v in (1 / 3, 0.5, 0.75, 2 / 5, 0.37)] == [
        "one third",
        "one half",
        "three quarters",
        "two fifths",
        "0.37",
    ]
    assert number_words(3_500_000.0) == "3,500,000" and number_words(2.345678) == "2.35"
    paragraphs, sentences = [0, 20, 90], [0, 20, 45, 70, 90]
    assert sentence_place(50, paragraphs, sentences) == "paragraph 2, sentence 2"
    assert sentence_place(95, paragraphs, sentences) == "paragraph 3, sentence 1"
    assert sentence_place(0, [], []) == "the text"
