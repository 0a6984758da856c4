"""Re-anchoring after the text changed: insertions, edits, deletions, duplicates, whitespace, orphans."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.intake import make_document
from reader.store import Anchor, Store, locate
from tests.fuzzing import fuzz_settings

TEXT = (
    "Officials met on Tuesday to discuss the budget.\n"
    "The finance minister said that 40 percent of the relief funds had vanished before reaching the regions.\n"
    "Opposition leaders called the figure exaggerated and demanded an independent audit.\n"
    "The ministry did not respond to a request for comment.\n"
)
QUOTE = "40 percent of the relief funds had vanished"


def anchor_on(text: str, words: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Anchor.of(text, start, start + len(words))


def placed(anchor: Anchor, text: str) -> str | None:
    match = locate(anchor, text)
    return None if match is None else text[match.start : match.end]


def test_unchanged_text_is_the_fast_path() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    match = locate(anchor, TEXT)
    assert match is not None and (match.start, match.end, match.score, match.exact) == (
        anchor.start,
        anchor.end,
        1.0,
        True,
    )


def test_insertion_before_the_note() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    changed = "UPDATE: this story was corrected on Wednesday.\n" + TEXT
    match = locate(anchor, changed)
    assert match is not None and match.exact
    assert (match.start, match.end) == (anchor.start + 47, anchor.end + 47)


def test_edit_inside_the_note() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    changed = TEXT.replace(
        "40 percent of the relief funds had vanished", "40 percent of the relief money had vanished"
    )
    match = locate(anchor, changed)
    assert match is not None and not match.exact and match.score > 0.85
    assert changed[match.start : match.end] == "40 percent of the relief money had vanished"


def test_edit_at_the_start_of_the_note() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    changed = TEXT.replace("40 percent of the", "45 percent of the")
    assert placed(anchor, changed) == "45 percent of the relief funds had vanished"


def test_deletion_before_and_inside_the_note() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    shorter = TEXT.replace("Officials met on Tuesday to discuss the budget.\n", "")
    match = locate(anchor, shorter)
    assert match is not None and match.exact and match.start == anchor.start - 48
    trimmed = TEXT.replace("of the relief funds had", "of the funds had")
    assert placed(anchor, trimmed) == "40 percent of the funds had vanished"


def test_deleted_passage_is_not_attached_elsewhere() -> None:
    anchor = anchor_on(
        TEXT,
        "The finance minister said that 40 percent of the relief funds had vanished before reaching the regions.",
    )
    changed = TEXT.replace(
        "The finance minister said that 40 percent of the relief funds had vanished before reaching the regions.\n",
        "",
    )
    assert locate(anchor, changed) is None


def test_rewritten_passage_is_orphaned() -> None:
    anchor = anchor_on(TEXT, "called the figure exaggerated")
    changed = TEXT.replace("called the figure exaggerated", "welcomed the announcement warmly")
    assert locate(anchor, changed) is None


def test_short_quote_without_its_context_is_orphaned() -> None:
    text = "Prices rose 40% in May.\nSome unrelated text here.\nLater, unemployment hit 40% in the north."
    anchor = anchor_on(text, "40%")
    changed = text.replace("Prices rose 40% in May.\n", "")
    assert locate(anchor, changed) is None


def test_duplicated_passage_keeps_the_annotated_copy() -> None:
    text = "Intro.\nThe army denied it.\nSpokesman A said: The army denied it.\nEnd."
    anchor = anchor_on(text, "The army denied it.", occurrence=1)
    changed = "New first line.\n" + text
    match = locate(anchor, changed)
    assert match is not None and match.start == changed.index(
        "The army denied it.", changed.index("Spokesman")
    )


def test_identical_duplicates_resolve_to_the_nearest() -> None:
    block = "The same sentence appears twice in this long article.\n"
    text = "A.\n" + block * 4 + "C.\n"
    for occurrence in (1, 2):  # same quote, same prefix, same suffix: only the offset tells them apart
        anchor = anchor_on(text, "appears twice", occurrence)
        changed = text.replace("A.\n", "AAAA.\n")
        match = locate(anchor, changed)
        assert match is not None and match.start == anchor.start + 3


def test_whitespace_only_changes_anchor_exactly() -> None:
    anchor = anchor_on(TEXT, QUOTE)
    changed = TEXT.replace(" ", "  ").replace("\n", "\n\n").replace("relief funds", "relief\n   funds")
    match = locate(anchor, changed)
    assert match is not None and match.exact
    assert " ".join(changed[match.start : match.end].split()) == QUOTE


@pytest.mark.fuzz
@fuzz_settings
@given(
    before=st.text(alphabet="abcdefghij .,\n", max_size=300),
    after=st.text(alphabet="abcdefghij .,\n", max_size=300),
)
def test_a_distinctive_quote_is_found_wherever_the_text_around_it_moves(before: str, after: str) -> None:
    anchor = anchor_on(TEXT, QUOTE)
    changed = before + TEXT + after
    match = locate(anchor, changed)
    assert match is not None and changed[match.start : match.end] == QUOTE


@pytest.mark.fuzz
@fuzz_settings
@given(noise=st.text(max_size=400))
def test_locate_never_crashes_and_only_returns_spans_inside_the_text(noise: str) -> None:
    anchor = anchor_on(TEXT, QUOTE)
    match = locate(anchor, noise)
    if match is not None:
        assert 0 <= match.start < match.end <= len(noise)


@pytest.mark.fuzz
@fuzz_settings
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(TEXT)), st.integers(0, 40), st.text(alphabet="xyz .\n", max_size=40)),
        max_size=6,
    )
)
def test_a_match_after_any_edits_still_resembles_the_quote(edits: list[tuple[int, int, str]]) -> None:
    """Whatever happened to the text, a returned match is the quote or a close variant of it, never other words."""
    anchor = anchor_on(TEXT, "called the figure exaggerated")
    text = TEXT
    for at, length, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + length :]
    match = locate(anchor, text)
    if match is not None:
        found = " ".join(text[match.start : match.end].split())
        assert SequenceMatcher(None, anchor.exact, found, autojunk=False).ratio() >= 0.7


def test_orphan_flow_through_the_store(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    old = make_document(TEXT, source=str(path), extractor="plain")
    store.open_document(old)
    kept = anchor_on(TEXT, QUOTE)
    lost = anchor_on(TEXT, "called the figure exaggerated")
    keep = store.annotate(old.sha256, kept.start, kept.end, tag="needs-source").after
    orphan = store.annotate(old.sha256, lost.start, lost.end, tag="disputed", note="says who?").after
    new = make_document(
        TEXT.replace("called the figure exaggerated", "welcomed the report"),
        source=str(path),
        extractor="plain",
    )
    opened = store.open_document(new)
    assert opened.moved == 1 and [a.id for a in opened.orphaned] == [orphan.id]
    [stray] = [a for a in store.annotations(new.sha256) if a.orphaned]
    assert stray.anchor.exact == "called the figure exaggerated" and stray.note == "says who?"
    assert [a.id for a in store.annotations(new.sha256, orphans=False)] == [keep.id]
    assert store.library()[0].orphans == 1
    # re-opening the same new text changes nothing
    again = store.open_document(new)
    assert again.reanchored_from is None and sum(a.orphaned for a in again.annotations) == 1
    # re-attach to a span of the new text
    start = new.text.index("welcomed the report")
    change = store.reattach(stray.id, start, start + len("welcomed the report"))
    assert change.after is not None and not change.after.orphaned
    assert change.after.anchor.exact == "welcomed the report"
    assert store.library()[0].orphans == 0
    # or delete an orphan
    later = make_document(
        new.text.replace("welcomed the report", "stayed silent"), source=str(path), extractor="plain"
    )
    reopened = store.open_document(later)
    [again_orphan] = reopened.orphaned
    store.delete_annotation(again_orphan.id)
    assert [a.id for a in store.annotations(later.sha256)] == [keep.id]
