"""Shards on disk and the manifest that makes a run resumable and checkable.

A shard is one batch of Items, numbered by its place in the input. Its files
(``DIR/<table>/part-NNNNN.parquet``, or ``.jsonl``) are written to a temporary
name and renamed, then the manifest records the batch's fingerprint and each
file's SHA-256. A rerun skips a shard only when its fingerprint matches and every
file is there with the recorded hash; anything else is analysed again.
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

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
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
        if not path.exists():
            if out.exists() and not out.is_dir():
                raise InputError(f"{out}: not a folder")
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"{out}: cannot create the folder ({exc.strerror})") from None
            return cls(out, fmt, batch_size, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            version, old_format, old_batch = data["version"], data["format"], data["batch_size"]
            shards = dict(data["shards"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: not a corpus manifest ({exc})") from None
        if version != MANIFEST_VERSION or old_format != fmt or old_batch != batch_size:
            raise InputError(
                f"{out}: written with --format {old_format} --batch-size {old_batch}; "
                "use the same options or another --out folder"
            )
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
        self.shards[str(shard)] = {
            "fingerprint": print_,
            "files": files,
            "documents": result.documents,
            "failures": result.failures,
        }
        self._save()

    def _save(self) -> None:
        data = {
            "version": MANIFEST_VERSION,
            "format": self.format,
            "batch_size": self.batch_size,
            "shards": dict(sorted(self.shards.items(), key=lambda kv: int(kv[0]))),
        }
        path = self.out / MANIFEST
        temporary = path.with_name(MANIFEST + ".tmp")
        temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, path)
