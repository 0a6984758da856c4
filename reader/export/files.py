"""Exports to files and imports from them: what the CLI's export/import verbs and the TUI's export key call."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from reader.atomic import write_atomic
from reader.config import load_config
from reader.export import claimreview, webanno
from reader.export.article import Article
from reader.export.csv_export import HEADER as CSV_HEADER
from reader.export.csv_export import render_csv
from reader.export.errors import ExportError, ForeignFile
from reader.export.markdown import render_index, render_markdown
from reader.store import Anchor, Annotation, Store, locate

FORMATS = ("md", "json", "claimreview", "csv")
INDEX = "index.md"
INDEX_HEADING = "# Reader notes\n"
ALL_JSON = "reader-annotations.jsonl"
# --all in one file: the formats that hold many articles in one document
ALL_FILES = {"json": ALL_JSON, "claimreview": "reader-claimreviews.json", "csv": "reader-annotations.csv"}
SUFFIX = {"md": "md", "json": "json", "claimreview": "claimreview.json", "csv": "csv"}
# Where the marker of an earlier export sits: the front matter or the JSON's opening members.
_MARKER_BYTES = 64 * 1024
_JSON_MARKER = re.compile(r'^\s*\{.*?"generator"\s*:\s*\{[^{}]*"name"\s*:\s*"reader ', re.DOTALL)
# ClaimReview has no generator field: the reader's list of reviews, or the empty list of an undecided article
_CLAIMREVIEW_MARKER = re.compile(
    r'^\[\s*(\]\s*$|\{\s*"@context"\s*:\s*"https://schema\.org"\s*,\s*"@type"\s*:\s*"ClaimReview")'
)


def file_name(title: str, sha256: str, fmt: str) -> str:
    """``title-words-<sha8>.md``: readable, stable, and distinct for two articles with one title."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-") or "article"
    return f"{slug}-{sha256[:8]}.{fmt}"


def render(article: Article, fmt: str) -> str:
    if fmt == "md":
        return render_markdown(article)
    if fmt == "json":
        return webanno.dumps(webanno.to_collection(article), lines=False)
    if fmt == "claimreview":
        return claimreview.dumps(claimreview.reviews(article, load_config()))
    if fmt == "csv":
        return render_csv([article])
    raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def _default_folder() -> Path:
    return load_config().exports_dir()


def is_reader_export(path: Path) -> bool:
    """True when ``path`` holds what an earlier export wrote, told by the marker every export carries:
    Markdown front matter with ``sha256:`` and ``reader:`` lines, the ``--all`` index heading,
    Web Annotation JSON whose ``generator`` is reader, the CSV header or a ClaimReview list."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_MARKER_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    if head.startswith("---\n"):
        front = head[4:].split("\n---", 1)[0]
        return bool(
            re.search(r"^sha256: [0-9a-f]{64}$", front, re.M) and re.search(r"^reader: ", front, re.M)
        )
    if head.startswith(INDEX_HEADING) or head.startswith(",".join(CSV_HEADER) + "\r\n"):
        return True
    return bool(_JSON_MARKER.search(head) or _CLAIMREVIEW_MARKER.search(head))


def check_target(path: Path, sources: tuple[str, ...] = (), *, force: bool = False) -> None:
    """Refuse to write over an article's own source (even with ``force``), or over any existing file
    that is not an earlier reader export unless ``force``."""
    if not path.exists():
        return
    for source in sources:
        if "://" in source or source == "-":
            continue
        try:
            if path.samefile(Path(source).expanduser()):
                raise ExportError(f"{path}: this is the article itself; choose another file with -o")
        except OSError:
            continue
    if path.is_dir():
        raise ExportError(f"{path}: a folder is in the way of the export file")
    if not force and not is_reader_export(path):
        raise ForeignFile(f"{path}: exists and is not a reader export, so it was left as it is")


def export_document(
    store: Store, sha256: str, fmt: str = "md", target: Path | None = None, *, force: bool = False
) -> Path:
    """Write one article's export; ``target`` is a file, an existing folder, or None for the exports folder."""
    try:
        article = Article.load(store, sha256)
    except KeyError:
        raise ExportError(f"no article {sha256[:12]} in the store") from None
    text = render(article, fmt)
    folder = target if target is not None and target.is_dir() else None
    if target is None or folder is not None:
        path = (folder or _default_folder()) / file_name(article.record.title, sha256, SUFFIX.get(fmt, fmt))
    else:
        path = target
    check_target(path, article.record.sources, force=force)
    return _write(path, text)


def export_all(
    store: Store, fmt: str = "md", target: Path | None = None, *, force: bool = False
) -> list[Path]:
    """Every article with annotations. Markdown: one file each plus ``index.md`` in the folder ``target``;
    JSON: one JSON Lines file (``target`` a file, or a folder to put ``reader-annotations.jsonl`` in)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    entries = sorted(store.library(), key=lambda e: (e.title.casefold(), e.sha256))
    if not entries:
        raise ExportError("nothing to export: no article has notes or tags yet")
    if fmt in ALL_FILES:
        path = (
            target
            if target is not None and not target.is_dir()
            else (target or _default_folder()) / ALL_FILES[fmt]
        )
        articles = [Article.load(store, e.sha256) for e in entries]
        check_target(path, tuple(s for a in articles for s in a.record.sources), force=force)
        return [_write(path, _render_all(articles, fmt))]
    folder = target or _default_folder()
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: --all writes a folder of files; this is a file")
    written = []
    named = []
    articles = [Article.load(store, entry.sha256) for entry in entries]
    sources = tuple(s for a in articles for s in a.record.sources)
    names = [file_name(entry.title, entry.sha256, fmt) for entry in entries]
    for name in [*names, INDEX]:  # every file checked before any is written: all or nothing
        check_target(folder / name, sources, force=force)
    for entry, article, name in zip(entries, articles, names, strict=True):
        written.append(_write(folder / name, render_markdown(article)))
        named.append((entry, name))
    written.append(_write(folder / INDEX, render_index(named)))
    return written


def _render_all(articles: list[Article], fmt: str) -> str:
    if fmt == "json":
        return "".join(webanno.dumps(webanno.to_collection(a), lines=True) for a in articles)
    if fmt == "claimreview":
        config = load_config()
        return claimreview.dumps([review for a in articles for review in claimreview.reviews(a, config)])
    return render_csv(articles)


@dataclass(frozen=True)
class ImportReport:
    articles: int
    added: int
    updated: int
    unchanged: int

    def describe(self) -> str:
        return (
            f"{self.articles} {'article' if self.articles == 1 else 'articles'}: {self.added} added,"
            f" {self.updated} updated, {self.unchanged} already there"
        )


def import_file(store: Store, path: Path) -> ImportReport:
    """Merge an exported JSON (or JSON Lines) file into the store without duplicates.

    The same annotation id keeps whichever copy was modified last; an annotation
    identical to one already stored under another id is skipped. Where the
    store has the article's text, a quote no longer found there is orphaned.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ExportError(f"{path}: not UTF-8 text") from None
    articles = webanno.parse(text, str(path))
    added = updated = unchanged = 0
    for imported in articles:
        store.ensure_document(imported.sha256, imported.title, imported.sources)
        record = store.document(imported.sha256)
        existing = store.annotations(imported.sha256)
        for annotation in imported.annotations:
            current = store.annotation(annotation.id)
            if current is not None:
                if current.modified >= annotation.modified:
                    unchanged += 1
                    continue
                updated += 1
            elif any(_same(annotation, other) for other in existing):
                unchanged += 1
                continue
            else:
                added += 1
            if record is not None and record.text is not None and not annotation.orphaned:
                annotation = _placed(annotation, record.text)
            store.restore(annotation.id, annotation)
    return ImportReport(len(articles), added, updated, unchanged)


def _same(a: Annotation, b: Annotation) -> bool:
    return (a.anchor, a.tag, a.note, a.verdicts, a.evidence) == (
        b.anchor,
        b.tag,
        b.note,
        b.verdicts,
        b.evidence,
    )


def _placed(annotation: Annotation, text: str) -> Annotation:
    """The annotation re-anchored on the text the store has, or orphaned if it is not found there."""
    match = locate(annotation.anchor, text)
    if match is None:
        return replace(annotation, orphaned=True)
    if (match.start, match.end) == (annotation.anchor.start, annotation.anchor.end):
        return annotation
    return replace(annotation, anchor=Anchor.of(text, match.start, match.end))


def _write(path: Path, text: str) -> Path:
    try:
        return write_atomic(path, text)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
