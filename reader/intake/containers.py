"""Guards for the containers the book and office formats come in: zip archives and XML parts.

A zip can claim any sizes and hold any names, and XML can declare entities that
expand a few bytes into gigabytes: every part is read through these caps, so a
hostile file costs bounded memory and time and ends as one InputError line.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from reader.intake.errors import InputError

MAX_MEMBERS = 10_000
# Uncompressed bytes across the parts that are read, and per part.
MAX_UNPACKED = 512 * 1024 * 1024
MAX_PART = 64 * 1024 * 1024
# Text compresses 3-10x; a part claiming more than this is a bomb, not a book.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small parts may compress very well (a run of spaces) without harm
_DECLARATION = re.compile(rb"<!(?:DOCTYPE[^>\[]*\[|ENTITY)", re.IGNORECASE)


@dataclass
class Zip:
    """A checked zip archive whose parts are read with size caps."""

    archive: zipfile.ZipFile
    source: str
    what: str
    unpacked: int = 0

    def names(self) -> set[str]:
        return set(self.archive.namelist())

    def read(self, name: str) -> bytes:
        """The part ``name`` (already resolved inside the archive), capped in size."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise InputError(f"{self.source}: the {self.what} lacks its part '{name[:80]}'") from None
        if _oversized(info):
            raise InputError(f"{self.source}: the {self.what} has an oversized part (a zip bomb?)")
        try:
            with self.archive.open(info) as stream:
                data = stream.read(MAX_PART + 1)
        except Exception as exc:  # noqa: BLE001 - zlib/bz2/lzma raise their own error types on corrupt data
            raise InputError(f"{self.source}: the {self.what} is damaged ({_reason(exc)})") from None
        self.unpacked += len(data)
        if len(data) > MAX_PART or self.unpacked > MAX_UNPACKED:
            raise InputError(f"{self.source}: the {self.what} unpacks to too much data (a zip bomb?)")
        return data


def open_zip(raw: bytes, source: str, what: str) -> Zip:
    """The archive in ``raw``, refused when damaged, over-full, a bomb, or naming paths outside itself.

    The declared sizes are checked for every part before any is read, so a
    library handed the same bytes afterwards (mammoth) meets only bounded parts:
    zipfile never returns more than a part's declared size. Only stored and
    deflated parts are accepted, the two methods the formats use.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(f"{source}: the {what} is not a readable zip archive ({_reason(exc)})") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{source}: the {what} holds {len(infos)} parts, more than {MAX_MEMBERS}")
    for info in infos:
        if not inside(info.filename):
            raise InputError(f"{source}: the {what} names a path outside itself ({info.filename[:80]!r})")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(
                f"{source}: the {what} uses an unsupported zip compression (method {info.compress_type})"
            )
        if _oversized(info):
            raise InputError(
                f"{source}: the {what} has an oversized part (a zip bomb?): {info.filename[:80]!r}"
            )
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise InputError(f"{source}: the {what} unpacks to too much data (a zip bomb?)")
    return Zip(archive, source, what)


def _oversized(info: zipfile.ZipInfo) -> bool:
    return info.file_size > MAX_PART or (
        info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    )


def inside(name: str) -> bool:
    """True for a relative name that stays inside the archive (no ``..``, no absolute path, no drive)."""
    if (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or re.match(r"^[A-Za-z]:", name)
    ):
        return False
    return not posixpath.normpath(name).startswith("..")


def resolve(base: str, href: str) -> str | None:
    """``href`` (from a manifest or a link) relative to the part ``base``; None when it leaves the archive."""
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(href).path)
    if not path or urlsplit(href).scheme:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    return joined if inside(joined) else None


def refuse_entities(data: bytes, source: str, what: str) -> None:
    """Refuse XML that declares entities or an internal DTD: the way to billion-laughs and external files."""
    if _DECLARATION.search(data):
        raise InputError(f"{source}: the {what} declares XML entities, which the reader refuses (unsafe)")


def _reason(exc: BaseException) -> str:
    text = str(exc).split("\n", 1)[0].strip()
    return f"{type(exc).__name__}: {text[:80]}" if text else type(exc).__name__
