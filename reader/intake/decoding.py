"""Bytes to text without mojibake, and the rule that tells text from binary.

The order is: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else valid
UTF-8 wins, because non-ASCII bytes that happen to form valid UTF-8 are almost
never another encoding; else a charset the page declared; else Windows-1252,
the encoding of nearly all legacy Western text (it is also what browsers use for
pages labelled ISO-8859-1); else Latin-1, which maps every byte.

Latin-1 decodes anything, so "binary" needs its own rule, applied before any
fallback: a known binary signature, or any NUL byte, or (for bytes that are not
valid UTF-8) any C0 control byte other than tab, newline, carriage return and
form feed. Valid UTF-8 text keeps its control characters; the reader renders
them inert rather than stripping them, so offsets keep their meaning.
"""

from __future__ import annotations

import codecs
import re

from reader.intake.errors import InputError

# Longest signatures first where one is a prefix of another (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "an executable (Mach-O)"),
)

# C0 controls that plain text legitimately contains: tab, newline, carriage return, form feed.
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")

# WHATWG: these labels mean windows-1252 on the web; Python's latin-1 would turn curly quotes into C1 controls.
_WEB_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}


def decode_bytes(raw: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``raw`` or raise InputError naming ``source``; ``declared`` is a charset from HTTP or a meta tag."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{source}: starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()}"
                ) from None
            if "\x00" in text:
                raise InputError(f"{source}: binary data (NUL characters), not text")
            return text
    kind = binary_kind(raw)
    if kind:
        raise InputError(f"{source}: {kind}, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _BINARY_CONTROL.search(raw):
        raise InputError(
            f"{source}: undecodable bytes: not UTF-8, UTF-16 or Windows-1252 text (binary data?)"
        )
    codec = _codec(declared)
    if codec:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def binary_kind(raw: bytes) -> str | None:
    """A short description if ``raw`` is recognisably not text (signature or NUL bytes), else None."""
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    if b"\x00" in raw:
        return "binary data (NUL bytes)"
    return None


def _codec(declared: str | None) -> str | None:
    if not declared:
        return None
    label = declared.strip().strip("\"'").lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A declared UTF-16/32 without a BOM is nearly always a mislabel; valid UTF-8 was already tried.
    return None if name.startswith(("utf-16", "utf-32", "utf-8")) else name
