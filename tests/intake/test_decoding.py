"""Encodings without mojibake, the binary rule, and the only normalisations intake makes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.intake import InputError, load, make_document
from reader.intake.decoding import binary_kind, decode_bytes
from reader.intake.document import normalise_text

SAMPLE = "Zürich’s mayor said: “The €3 m bridge — finally — opens.”\nSecond paragraph, naïve café.\n"


def _load_bytes(tmp_path: Path, raw: bytes, name: str = "article.txt") -> str:
    path = tmp_path / name
    path.write_bytes(raw)
    return load(str(path)).text


@pytest.mark.parametrize(
    "raw",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_unicode_encodings_decode_exactly(tmp_path: Path, raw: bytes) -> None:
    assert _load_bytes(tmp_path, raw) == SAMPLE


def test_cp1252_curly_quotes_and_euro(tmp_path: Path) -> None:
    raw = "He said \u201cit costs 5 \u20ac\u201d \u2013 the café\u2019s price.\n".encode("cp1252")
    assert b"\x93" in raw and b"\x80" in raw
    assert (
        _load_bytes(tmp_path, raw) == "He said \u201cit costs 5 \u20ac\u201d \u2013 the café\u2019s price.\n"
    )


def test_latin1_fallback_for_bytes_cp1252_leaves_undefined() -> None:
    # 0x81 and 0x8d have no character in Windows-1252; Latin-1 still maps them.
    assert decode_bytes(b"Gr\xfc\xdfe \x81 and \x8d", "x") == "Grüße \x81 and \x8d"


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    assert decode_bytes("naïve “quote”".encode(), "x", declared="iso-8859-1") == "naïve “quote”"


def test_declared_iso_8859_1_means_windows_1252() -> None:
    assert decode_bytes(b"\x93quoted\x94 \x80", "x", declared="ISO-8859-1") == "\u201cquoted\u201d \u20ac"


def test_declared_charset_beats_the_western_fallback() -> None:
    raw = "Привет, мир".encode("koi8-r")
    assert decode_bytes(raw, "x", declared="koi8-r") == "Привет, мир"
    assert decode_bytes(raw, "x") != "Привет, мир"  # without the label it can only be read as Windows-1252


def test_newlines_normalised_and_nfc(tmp_path: Path) -> None:
    raw = "Cafe\u0301 one\r\nline two\rline three\n".encode()
    assert _load_bytes(tmp_path, raw) == "Caf\u00e9 one\nline two\nline three\n"


def test_control_characters_in_text_are_kept_not_stripped(tmp_path: Path) -> None:
    """The TUI renders them inert; stripping would shift every offset after them."""
    text = "Red \x1b[31malert\x1b[0m here.\nBell\x07 and tab\tand feed\f.\n"
    document = load(_write(tmp_path, text.encode()))
    assert document.text == text
    assert [document.text[p.start : p.end] for p in document.paragraphs] == [
        line.strip() for line in text.split("\n") if line.strip()
    ]


def _write(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "controls.txt"
    path.write_bytes(raw)
    return str(path)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image, not text"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(56), r"an executable \(ELF\), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document, not text"),
        (b"plain looking text\x00with a NUL", r"binary data \(NUL bytes\), not text"),
        (b"caf\xe9 \x01\x02\x03 \xff\xfe", "undecodable bytes: not UTF-8, UTF-16 or Windows-1252 text"),
        (
            codecs.BOM_UTF16_LE + b"H\x00i",
            "starts with a UTF-16-LE byte-order mark but is not valid UTF-16-LE",
        ),
        (codecs.BOM_UTF16_LE + "nul\x00inside".encode("utf-16-le"), "binary data"),
    ],
    ids=["png", "elf", "pdf", "nul", "invalid-utf8-controls", "odd-utf16", "utf16-nul"],
)
def test_binary_and_undecodable_bytes_are_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=f"^src: {reason}"):
        decode_bytes(raw, "src")


def test_binary_kind_names_the_format() -> None:
    assert binary_kind(b"GIF89a\x01\x00") == "a GIF image"
    assert binary_kind(b"PK\x03\x04rest") == "a ZIP archive (or an Office/EPUB file)"
    assert binary_kind(b"An ordinary sentence.") is None


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), min_size=1, max_size=200
)


@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32"]))
def test_any_text_round_trips_through_its_encoding(text: str, codec: str) -> None:
    raw = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    assume(codec != "utf-8" or binary_kind(raw) is None)
    assert decode_bytes(raw, "x") == text


@given(st.binary(min_size=1, max_size=300))
def test_any_bytes_decode_or_raise_input_error(raw: bytes) -> None:
    """Never a crash and never a silent NUL: either text or one InputError."""
    try:
        text = decode_bytes(raw, "x")
    except InputError as exc:
        assert str(exc).startswith("x: ")
    else:
        assert "\x00" not in text


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_document_paragraphs_are_the_non_blank_lines(text: str) -> None:
    document = make_document(text, source="s", extractor="plain")
    normalised = normalise_text(text)
    assert document.text == normalised
    assert "\r" not in document.text
    lines = [line.strip() for line in normalised.split("\n") if line.strip()]
    assert [document.text[p.start : p.end] for p in document.paragraphs] == lines
    assert document.sha256 == make_document(normalised, source="t", extractor="plain").sha256
