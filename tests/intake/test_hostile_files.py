"""Hostile containers and broken PDFs: zip bombs, lying sizes, path tricks, entity bombs, page floods.

Each ends as one InputError line (exit 2 from the CLI), having read no more
than the caps allow; the fuzz properties at the end feed arbitrary bytes into
valid containers and accept only a Document or that one line.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.intake import InputError, containers, load, pdf
from tests.fuzzing import fuzz_settings
from tests.intake.office_fixtures import docx_parts, epub_parts, zip_bytes
from tests.intake.pdf_fixtures import write_pdf

CHAPTERS = [("One", ["The first chapter."]), ("Two", ["The second chapter."])]
BLOCKS = [("h1", "Memo"), ("p", "The memo says 42.")]
BOMB_PAD = b" " * (2 * 1024 * 1024)  # 2 MB of spaces deflate to a few kB: far past the 200:1 ratio
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html xmlns="http://www.w3.org/1999/xhtml">'
    b"<body><p>&lol3;</p></body></html>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p></body></html>'
)


def _refused(path: Path, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError, match=reason):
        load(str(path))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: ") and "Traceback" not in err


@pytest.mark.parametrize("kind", ["epub", "docx"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, capsys, kind: str) -> None:
    if kind == "epub":
        chapter = (
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Boom.</p>' + BOMB_PAD + b"</body></html>"
        )
        parts = epub_parts(CHAPTERS)
        parts["OEBPS/text/ch1.xhtml"] = chapter
        path = tmp_path / "book.epub"
        path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    else:
        parts = docx_parts(BLOCKS)
        parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + BOMB_PAD)
        path = tmp_path / "memo.docx"
        path.write_bytes(zip_bytes(parts))
    _refused(path, r"has an oversized part \(a zip bomb\?\)", capsys)


def test_a_part_whose_declared_size_lies_is_cut_at_that_size(tmp_path: Path, capsys) -> None:
    """The central directory says 40 bytes; the deflated data holds 200 kB. zipfile stops at 40 and the CRC fails."""
    parts = docx_parts(BLOCKS)
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b" " * 200_000)
    raw = bytearray(zip_bytes(parts))
    name = b"word/document.xml"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # central directory, local header
        at = 0
        while (at := raw.find(signature, at)) != -1:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if raw[name_at : name_at + len(name)] == name:
                raw[at + offset : at + offset + 4] = struct.pack("<I", 40)
            at += 4
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(raw))
    assert zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo("word/document.xml").file_size == 40
    _refused(path, r"the DOCX is damaged \(BadZipFile: Bad CRC-32", capsys)


@pytest.mark.parametrize(
    "name", ["../../evil.xhtml", "/etc/passwd", "C:/Windows/x.xhtml", "a\\..\\..\\b.xhtml"]
)
def test_a_name_leaving_the_archive_is_refused(tmp_path: Path, capsys, name: str) -> None:
    parts = epub_parts(CHAPTERS)
    parts[name] = b"<html/>"
    path = tmp_path / "tricky.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    _refused(path, r"the EPUB names a path outside itself", capsys)


def test_a_manifest_pointing_outside_the_book_is_refused(tmp_path: Path, capsys) -> None:
    parts = epub_parts(CHAPTERS)
    parts["OEBPS/content.opf"] = parts["OEBPS/content.opf"].replace(
        b'href="text/ch1.xhtml"', b'href="../../../etc/passwd"'
    )
    path = tmp_path / "tricky.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    _refused(path, r"a chapter of the EPUB points outside the book \('ch1'\)", capsys)


def test_too_many_parts(tmp_path: Path, capsys) -> None:
    parts = epub_parts(CHAPTERS)
    parts.update({f"OEBPS/junk/{n}.css": b"" for n in range(containers.MAX_MEMBERS)})
    path = tmp_path / "crowded.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    _refused(
        path,
        rf"the EPUB holds {containers.MAX_MEMBERS + len(epub_parts(CHAPTERS)) + 1} parts, more than",
        capsys,
    )


def test_an_unusual_compression_is_refused(tmp_path: Path, capsys) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        for name, data in docx_parts(BLOCKS).items():
            archive.writestr(name, data)
    path = tmp_path / "bz.docx"
    path.write_bytes(buffer.getvalue())
    _refused(path, r"the DOCX uses an unsupported zip compression \(method 12\)", capsys)


@pytest.mark.parametrize("payload", [LAUGHS, XXE], ids=["billion-laughs", "external-entity"])
@pytest.mark.parametrize(
    "part", ["OEBPS/text/ch1.xhtml", "OEBPS/content.opf", "META-INF/container.xml", "docx"]
)
def test_entity_declarations_are_refused(tmp_path: Path, capsys, payload: bytes, part: str) -> None:
    if part == "docx":
        parts = docx_parts(BLOCKS)
        parts["word/document.xml"] = payload
        path = tmp_path / "memo.docx"
        path.write_bytes(zip_bytes(parts))
        what = "DOCX"
    else:
        parts = epub_parts(CHAPTERS)
        parts[part] = payload
        path = tmp_path / "book.epub"
        path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
        what = "EPUB"
    _refused(path, rf"the {what} declares XML entities, which the reader refuses \(unsafe\)", capsys)


def test_a_pdf_over_the_page_limit_is_refused_before_reading_its_pages(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    path = write_pdf(tmp_path / "long.pdf", [[[f"Page {n} text."]] for n in range(4)])
    _refused(path, r"the PDF has 4 pages, more than the 3-page limit", capsys)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b"startxref", b"startxrex"),
        lambda raw: raw[: raw.index(b"xref")] + b"xref\n0 999999\n" + b"garbage " * 50,
        lambda raw: raw.replace(b"/Type /Page\n", b"/Type /Pxge\n"),
        lambda raw: b"%PDF-1.7\n" + bytes(range(256)) * 40,
    ],
    ids=["no-startxref", "broken-xref", "no-page-objects", "garbage-body"],
)
def test_a_broken_pdf_is_read_or_refused_in_one_line(tmp_path: Path, capsys, damage) -> None:
    good = write_pdf(tmp_path / "good.pdf", [[["The first page says 42."]], [["The second page."]]])
    path = tmp_path / "broken.pdf"
    path.write_bytes(damage(good.read_bytes()))
    try:
        document = load(str(path))
    except InputError as error:
        assert str(error).startswith(f"{path}: ") and "the PDF" in str(error) and "\n" not in str(error)
        assert main([str(path)]) == 2
        assert capsys.readouterr().err.count("\n") == 1
    else:  # PDFium rebuilds a damaged cross-reference table from the objects when it can
        assert "The first page says 42." in document.text


# Fuzz: arbitrary bytes inside valid containers never raise past intake's one-line error.


def _only_one_line(path: Path) -> None:
    try:
        load(str(path))
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith(str(path))


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("pdf")
    return write_pdf(
        folder / "good.pdf", [[["A page of text that says 42."], ["More text."]]] * 2
    ).read_bytes()


@pytest.mark.fuzz
@fuzz_settings
@given(data=st.data())
def test_fuzz_pdf(tmp_path: Path, good_pdf: bytes, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(good_pdf) - 1))
    noise = data.draw(st.binary(max_size=256))
    cut = data.draw(st.integers(0, 64))
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(good_pdf[:start] + noise + good_pdf[start + cut :])
    _only_one_line(path)


@pytest.mark.fuzz
@fuzz_settings
@given(part=st.sampled_from(sorted(epub_parts(CHAPTERS))), noise=st.binary(max_size=512), keep=st.booleans())
def test_fuzz_epub_part(tmp_path: Path, part: str, noise: bytes, keep: bool) -> None:
    parts = epub_parts(CHAPTERS)
    parts[part] = (parts[part][: len(noise)] + noise) if keep else noise
    path = tmp_path / "fuzz.epub"
    path.write_bytes(zip_bytes(parts, mimetype=b"application/epub+zip"))
    _only_one_line(path)


@pytest.mark.fuzz
@fuzz_settings
@given(part=st.sampled_from(sorted(docx_parts(BLOCKS))), noise=st.binary(max_size=512), keep=st.booleans())
def test_fuzz_docx_part(tmp_path: Path, part: str, noise: bytes, keep: bool) -> None:
    parts = docx_parts(BLOCKS)
    parts[part] = (parts[part][: len(noise)] + noise) if keep else noise
    path = tmp_path / "fuzz.docx"
    path.write_bytes(zip_bytes(parts))
    _only_one_line(path)


@pytest.mark.fuzz
@fuzz_settings
@given(kind=st.sampled_from(["epub", "docx"]), data=st.data())
def test_fuzz_zip_bytes(tmp_path: Path, kind: str, data: st.DataObject) -> None:
    raw = (
        zip_bytes(epub_parts(CHAPTERS), mimetype=b"application/epub+zip")
        if kind == "epub"
        else zip_bytes(docx_parts(BLOCKS))
    )
    start = data.draw(st.integers(0, len(raw) - 1))
    noise = data.draw(st.binary(min_size=1, max_size=64))
    path = tmp_path / f"fuzz.{kind}"
    path.write_bytes(raw[:start] + noise + raw[start + len(noise) :])
    _only_one_line(path)
