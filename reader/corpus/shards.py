"""Shards on disk and the manifest that makes a run resumable and checkable.

A shard is one batch of Items, numbered by its place in the input. Its files
(``DIR/<table>/part-NNNNN.parquet``, or ``.jsonl``) are written to a temporary
name and renamed, then the manifest records the batch's fingerprint and each
file's SHA-256. A rerun skips a shard only when its fingerprint matches and every
file is there with the recorded hash; anything else is analysed again.

The manifest is JSON Lines, a header then one line appended per shard written
(the latest line for a shard wins). Rewriting one JSON object after each shard,
as it first did, costs a million-article run (40,000 shards) about 590 GB of
writes and hours of the driver's CPU: measured, one save at 40,000 shards took
1.6 s for 30 MB.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from reader.corpus.inputs import Item
from reader.corpus.tables import TABLES, to_table
from reader.corpus.work import BatchResult
from reader.intake import InputError

MANIFEST = "manifest.jsonl"
MANIFEST_VERSION = 2
OLD_MANIFEST = "manifest.json"  # version 1, one JSON object
FORMATS = ("parquet", "jsonl")


def fingerprint(items: Sequence[Item]) -> str:
    digest = hashlib.sha256()
    for item in items:
        record = [item.id, item.kind, item.value, item.outlet, item.date, item.metadata]
        digest.update(json.dumps(record, sort_keys=True, default=str).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Manifest:
    """``shards`` maps a shard's number (as text) to its fingerprint, files and counts."""

    out: Path
    format: str
    batch_size: int
    shards: dict[str, dict[str, Any]]

    @classmethod
    def open(cls, out: Path, fmt: str, batch_size: int) -> Manifest:
        path = out / MANIFEST
        if (out / OLD_MANIFEST).exists():
            raise InputError(f"{out}: written by an earlier version of reader; use another --out folder")
        if not path.exists():
            if out.exists() and not out.is_dir():
                raise InputError(f"{out}: not a folder")
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"{out}: cannot create the folder ({exc.strerror})") from None
            manifest = cls(out, fmt, batch_size, {})
            manifest._append({"version": MANIFEST_VERSION, "format": fmt, "batch_size": batch_size})
            return manifest
        try:
            text = path.read_text(encoding="utf-8")
            lines = text.splitlines()
            header = json.loads(lines[0])
            version, old_format, old_batch = header["version"], header["format"], header["batch_size"]
            shards, whole = _entries(lines[1:])
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise InputError(f"{path}: not a corpus manifest ({exc})") from None
        if version != MANIFEST_VERSION or old_format != fmt or old_batch != batch_size:
            raise InputError(
                f"{out}: written with --format {old_format} --batch-size {old_batch}; "
                "use the same options or another --out folder"
            )
        if not text.endswith("\n") or whole < len(lines) - 1:  # a line cut short: drop it before appending
            _replace(path, "".join(f"{line}\n" for line in lines[: whole + 1]))
        return cls(out, fmt, batch_size, shards)

    def folders(self) -> tuple[str, ...]:
        return TABLES if self.format == "parquet" else ("analyses", "failures")

    def file(self, folder: str, shard: int) -> Path:
        return self.out / folder / f"part-{shard:05d}.{self.format}"

    def is_done(self, shard: int, print_: str) -> bool:
        """True when the shard was written for these very items and its files are intact."""
        entry = self.shards.get(str(shard))
        if entry is None or entry.get("fingerprint") != print_:
            return False
        for folder in self.folders():
            path = self.file(folder, shard)
            if not path.is_file() or _sha256(path) != entry["files"].get(folder):
                return False
        return True

    def write(self, shard: int, print_: str, result: BatchResult) -> None:
        files: dict[str, str] = {}
        for folder in self.folders():
            path = self.file(folder, shard)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            if self.format == "parquet":
                pq.write_table(to_table(folder, result.rows[folder]), temporary)
            else:
                lines = result.analyses if folder == "analyses" else map(json.dumps, result.rows[folder])
                temporary.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            os.replace(temporary, path)
            files[folder] = _sha256(path)
        entry = {
            "fingerprint": print_,
            "files": files,
            "documents": result.documents,
            "failures": result.failures,
        }
        self.shards[str(shard)] = entry
        self._append({"shard": shard, **entry})

    def _append(self, record: dict[str, Any]) -> None:
        with open(self.out / MANIFEST, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(record) + "\n")


def _entries(lines: list[str]) -> tuple[dict[str, dict[str, Any]], int]:
    """Each shard's latest entry, and how many lines were whole: a killed run may leave the last
    line cut short (its shard is then redone); a bad line before it is a damaged manifest."""
    shards: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            if number == len(lines) - 1:
                return shards, number
            raise
        shards[str(entry.pop("shard"))] = entry
    return shards, len(lines)


def _replace(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
