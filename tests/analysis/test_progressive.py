"""Progressive analysis: the paragraphs around the reader's place first, then parts in order, merged; the
result is the one-shot analysis byte for byte."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import Analysis, analyze_many
from reader.analysis.engine import analyze_progressively, focus_range
from reader.analysis.nlp import load_pipeline
from reader.intake import Document
from tests.analysis.conftest import doc

ARTICLES = Path(__file__).resolve().parent / "articles"


def long_article(copies: int = 2) -> Document:
    """Our own invented articles end to end: a few thousand words with speakers, numbers and claims."""
    texts = [path.read_text(encoding="utf-8").strip() for path in sorted(ARTICLES.glob("*.txt"))]
    return doc("\n".join(texts * copies), source="long.txt")


def progressive(document: Document, focus: int) -> tuple[Analysis, list[tuple[Analysis, int]]]:
    seen: list[tuple[Analysis, int]] = []
    result = analyze_progressively(
        document, load_pipeline(), partial=lambda a, p: seen.append((a, p)), focus=focus, chunk_chars=2_000
    )
    return result, seen


def test_the_result_is_the_one_shot_analysis_byte_for_byte() -> None:
    document = long_article()
    middle = document.paragraphs[len(document.paragraphs) // 2].start
    result, seen = progressive(document, middle)
    assert result.to_json() == next(analyze_many([document])).to_json()
    assert len(seen) > 5 and [percent for _, percent in seen] == sorted(percent for _, percent in seen)


def test_the_paragraphs_around_the_place_come_first_then_the_rest_in_order() -> None:
    document = long_article()
    middle = document.paragraphs[len(document.paragraphs) // 2].start
    first, last = focus_range(document, middle)
    assert 0 < first < len(document.paragraphs) // 2 < last
    low, high = document.paragraphs[first].start, document.paragraphs[last - 1].end
    _, seen = progressive(document, middle)
    opening, percent = seen[0]
    assert percent == 0 and opening.numbers and opening.claims
    assert all(low <= item.start < high for item in [*opening.numbers, *opening.claims, *opening.sentences])
    second, _ = seen[1]
    assert min(number.start for number in second.numbers) < low  # then the text from its start
    covered = [{sentence.start for sentence in analysis.sentences} for analysis, _ in seen]
    assert all(before < after for before, after in zip(covered, covered[1:], strict=False))  # each part adds


def test_the_last_merge_has_the_numbers_of_the_whole_and_one_speaker_per_name() -> None:
    document = long_article()
    result, seen = progressive(document, 0)
    merged, _ = seen[-1]

    def spans(analysis: Analysis) -> list[tuple[int, int, str, float | None]]:
        return [(n.start, n.end, n.kind, n.value) for n in analysis.numbers]

    assert spans(merged) == spans(result)  # numbers belong to their sentence: a part finds the same ones
    assert [s.start for s in merged.sentences] == [s.start for s in result.sentences]
    names = [(s.kind, s.name) for s in merged.speakers if s.name]
    assert len(names) == len(set(names))  # a name met in several parts is one speaker
    ids = {s.id for s in merged.speakers}
    assert all(quote.speaker in ids for quote in merged.quotes if quote.speaker)
    assert merged.checks == [] and result.checks  # checks read the whole text: they wait for it


def test_a_text_of_one_part_is_analysed_at_once_without_parts() -> None:
    document = doc("The council said 40 percent of the budget was spent.\nOfficials reportedly disagreed.\n")
    seen: list[tuple[Analysis, int]] = []
    result = analyze_progressively(document, load_pipeline(), partial=lambda a, p: seen.append((a, p)))
    assert seen == [] and result.to_json() == next(analyze_many([document])).to_json()
