"""The ``notes``, ``export``, ``import`` and ``paths`` verbs: what the CLI runs after parsing arguments."""

from __future__ import annotations

import sys
from pathlib import Path

from reader import paths
from reader.export.article import Article
from reader.export.errors import ExportError, ForeignFile
from reader.export.files import FORMATS, export_all, export_document, import_file
from reader.store import Store, StoreError


def open_store(*, saving: bool = False) -> Store:
    """The store, its notices (a damaged file moved aside, a fall-back to memory) printed to stderr.

    A command whose whole point is saving refuses a store that only lives in memory.
    """
    store = Store.open()
    if saving and store.degraded is not None:
        store.close()
        raise StoreError(f"cannot save to {store.path.parent}: {store.degraded}")
    for notice in store.notices:
        print(f"reader: {notice}", file=sys.stderr)
    return store


def _opened(store: Store, source: str, max_bytes: int | None = None) -> str:
    """Load the article and let the store re-anchor it; its sha256."""
    from reader.intake import DEFAULT_MAX_BYTES, load

    document = load(source, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    store.open_document(document, touch=False)
    return document.sha256


def notes(source: str, *, max_bytes: int | None = None) -> int:
    from rich.console import Console

    from reader.export.terminal import render_notes

    with open_store() as store:
        sha = _opened(store, source, max_bytes)
        console = Console(soft_wrap=False)
        console.print(render_notes(Article.load(store, sha), console.width))
    return 0


def export(
    source: str | None,
    every: bool,
    fmt: str,
    output: str | None,
    *,
    force: bool = False,
    max_bytes: int | None = None,
) -> int:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if every == (source is not None):
        raise ExportError("export needs an article (PATH, URL or -) or --all, not both")
    target = Path(output).expanduser() if output else None
    if target is not None and output and output.endswith(("/", "\\")):
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{target}: cannot create the folder: {exc.strerror or exc}") from None
    with open_store() as store:
        try:
            if every:
                written = export_all(store, fmt, target, force=force)
            else:
                sha = _opened(store, source, max_bytes)
                written = [export_document(store, sha, fmt, target, force=force)]
        except ForeignFile as exc:
            raise ForeignFile(f"{exc}; choose another file, or add --force to replace it") from None
    for path in written:
        print(path)
    return 0


def import_(path: str) -> int:
    with open_store(saving=True) as store:
        report = import_file(store, Path(path).expanduser())
    print(f"{path}: {report.describe()}", file=sys.stderr)
    return 0


def review_list() -> int:
    """``reader review --list``: every undecided claim, one line each, grouped by article."""
    from reader.review import arranged, library_items

    with open_store() as store:
        items = arranged(library_items(store), "undecided")
    title = None
    for item in items:
        if item.title != title:
            title = item.title
            print(f"{title} ({item.sha256[:8]})")
        kind = item.category or f"tagged {item.annotation.tag if item.annotation else ''}".strip()
        print(f"  {item.start}-{item.end}  {kind}  “{' '.join(item.text.split())}”")
    articles = len({item.sha256 for item in items})
    print(
        f"{len(items)} undecided in {articles} {'article' if articles == 1 else 'articles'}", file=sys.stderr
    )
    return 0


def show_paths() -> int:
    from reader.config import ConfigError, config_path, load_config
    from reader.store.store import DATABASE

    data = paths.data_dir()
    print(f"data      {data}")
    print(f"database  {data / DATABASE}")
    print(f"config    {config_path()}")
    try:  # a broken config must not hide where the config file is
        exports = str(load_config().exports_dir())
    except ConfigError as exc:
        exports = f"{paths.exports_dir()} (ignoring the config: {exc})"
    print(f"exports   {exports}")
    return 0
