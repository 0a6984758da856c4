"""Fuzzing the edges: intake on arbitrary bytes, re-anchoring under random edits, and anything typed as a note.

tests/store/test_anchoring.py already fuzzes that ``locate`` stays inside the
text and that a match resembles its quote; here every character is traced
through the edits, so "resembles" tightens to "is where the quote's own
characters (or an exact copy of the quote) ended up".
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.intake import Document, InputError, load, make_document
from reader.intake.document import without_surrogates
from reader.store import Anchor, Store, locate
from reader.store.verdicts import LABEL_PATTERN
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.fuzz

# ---- intake on arbitrary bytes ----------------------------------------------------------------

SUFFIXES = ("txt", "md", "html", "")
ARTICLE_BITS = st.sampled_from(
    [
        b"<!doctype html>",
        b"<html>",
        b"<body>",
        b"<p>",
        b"</p>",
        b"<div>",
        b"<script>",
        b"</script>",
        b"<iframe>",
        b"<form>",
        b"&#27;",
        b"&#xD800;",
        b"&#0;",
        b"&amp;",
        b"# ",
        b"\n\n",
        b"*",
        b"[x](y)",
        b"The minister said that forty percent of the funds had vanished before reaching the regions. ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        b"\xed\xa0\x80",
        b"\xff\xfe",
        b"\x1b[31m",
        b"\r\n",
        b"\x00",
        "Zürich “quoted” — 🙂".encode(),
        "Zürich".encode("cp1252"),
        "текст".encode("utf-16-le"),
    ]
)
HOSTILE_BYTES = st.one_of(
    st.binary(max_size=600),
    st.lists(st.one_of(ARTICLE_BITS, st.binary(max_size=24)), max_size=40).map(b"".join),
)


def _assert_usable(document: Document) -> None:
    text = document.text
    text.encode("utf-8")  # no lone surrogates: hashable, storable, printable
    document.title.encode("utf-8")
    assert document.sha256 and text.strip()
    for paragraph in document.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(text)
        assert text[paragraph.start : paragraph.end] == text[paragraph.start : paragraph.end].strip()


@fuzz_settings
@given(raw=HOSTILE_BYTES, suffix=st.sampled_from(SUFFIXES))
@example(raw=b"<iframe><!doctype\thtml", suffix="txt")  # htmldate's AssertionError escaped as a traceback
@example(raw=codecs.BOM_UTF8 * 2, suffix="txt")  # an empty Document once the second BOM was normalised away
@example(raw=b"<a>" + codecs.BOM_UTF8, suffix="md")  # the same through Markdown
def test_intake_gives_a_document_or_one_clear_input_error(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / (f"input.{suffix}" if suffix else "input")
    path.write_bytes(raw)
    try:
        document = load(str(path))
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message and "Traceback" not in message
    else:
        _assert_usable(document)


# ---- re-anchoring under traced edits ------------------------------------------------------------

ARTICLE = (
    "Officials met on Tuesday to discuss the budget for the coming year.\n"
    "The finance minister said that 40 percent of the relief funds had vanished before reaching the regions.\n"
    "Opposition leaders called the figure exaggerated and demanded an independent audit of the ministry.\n"
    "The ministry did not respond to a request for comment on the missing relief funds.\n"
)
QUOTE = "40 percent of the relief funds had vanished"
Q_START = ARTICLE.index(QUOTE)
Q_END = Q_START + len(QUOTE)
COPY = -2  # origin of a character inserted as part of a copy of the quote
INSERTED = -1


@dataclass
class Traced:
    """Text under edits, with each character's origin: its index in ARTICLE, INSERTED, or COPY+offset."""

    text: str
    origin: list[int]

    def edit(self, at: int, delete: int, insert: str, origin: list[int]) -> None:
        at = min(at, len(self.text))
        self.text = self.text[:at] + insert + self.text[at + delete :]
        self.origin = self.origin[:at] + origin + self.origin[at + delete :]

    def quote_chars(self) -> set[int]:
        """Where characters of the quote (original or copied) are now."""
        return {i for i, o in enumerate(self.origin) if Q_START <= o < Q_END or o == COPY}

    def original_quote_intact(self) -> bool:
        where = [i for i, o in enumerate(self.origin) if Q_START <= o < Q_END]
        return len(where) == len(QUOTE) and where[-1] - where[0] == len(QUOTE) - 1


EDIT = st.tuples(
    st.integers(0, len(ARTICLE) + 40),
    st.integers(0, 30),
    st.one_of(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,\n", max_size=30),
        st.sampled_from([line + "\n" for line in ARTICLE.split("\n")]),  # moved or duplicated sentences
        st.just(QUOTE),
    ),
)


def _inserted_origin(insert: str) -> list[int]:
    """INSERTED, except where the inserted text carries a copy of the quote."""
    origin = [INSERTED] * len(insert)
    at = insert.find(QUOTE)
    while at >= 0:
        origin[at : at + len(QUOTE)] = [COPY] * len(QUOTE)
        at = insert.find(QUOTE, at + 1)
    return origin


@fuzz_settings
@given(edits=st.lists(EDIT, max_size=8))
def test_a_note_lands_on_its_own_text_or_an_identical_copy_or_is_orphaned(
    edits: list[tuple[int, int, str]],
) -> None:
    anchor = Anchor.of(ARTICLE, Q_START, Q_END)
    traced = Traced(ARTICLE, list(range(len(ARTICLE))))
    for at, delete, insert in edits:
        traced.edit(at, delete, insert, _inserted_origin(insert))
    match = locate(anchor, traced.text)
    if traced.original_quote_intact():
        assert match is not None, "an intact quote of 43 characters is always found"
        if COPY not in traced.origin:  # the only copy: found exactly where its characters went
            start = traced.origin.index(Q_START)
            assert (match.start, match.end) == (start, start + len(QUOTE))
    if match is None:
        return
    found = traced.text[match.start : match.end]
    if " ".join(found.split()) == QUOTE:
        return  # identical text: the quote itself or a copy of it
    # an approximate match sits on what is left of the quote, never on other words
    assert traced.quote_chars() & set(range(match.start, match.end)), (found, traced.text)


# ---- whatever a user types into a note or a tag ----------------------------------------------------


NOTED = make_document(
    "Officials said 40 percent of the relief funds had vanished.", source="-", extractor="plain"
)


@fuzz_settings
@given(note=st.text(max_size=300), tag=st.one_of(st.none(), st.text(max_size=45)))
def test_any_typed_note_is_stored_as_typed_or_refused_with_a_value_error(
    tmp_path: Path, note: str, tag: str | None
) -> None:
    cleaned = without_surrogates(note).strip() or None
    bad_tag = tag is not None and (not LABEL_PATTERN.match(tag) or without_surrogates(tag) != tag)
    with Store.open(tmp_path) as store:
        store.open_document(NOTED)
        if bad_tag or (tag is None and cleaned is None):
            with pytest.raises(ValueError):
                store.annotate(NOTED.sha256, 0, 20, tag=tag, note=note)
            return
        change = store.annotate(NOTED.sha256, 0, 20, tag=tag, note=note)
        stored = store.annotation(change.annotation_id)
        assert stored == change.after and stored.tag == tag and stored.note == cleaned
