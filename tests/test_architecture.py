"""The shape of the tree, checked on every run: no import circle, no module over 500 lines, no
function over 80 lines.

The import graph counts every ``import`` of a ``reader`` module wherever it stands: at the top,
inside a function (a lazy import still ties the two modules together) and under ``TYPE_CHECKING``.
``from a import b`` is an edge to ``a.b`` when that is a module, else to ``a``; a package's
``__init__`` is a module of its own. A circle fails with the modules on it, so a new one cannot
land unnoticed; the fix is usually a record or a Protocol in a module both sides can import.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "reader"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def modules() -> dict[str, Path]:
    """Every module under reader/ by dotted name (a package by its own name)."""
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The reader modules ``name`` imports anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names
            )
    return {target for target in targets if target in known and target != name}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif step not in index:
                index[step] = low[step] = len(index)
                stack.append(step)
                on_stack.add(step)
                work.append((step, iter(sorted(graph[step]))))
            elif step in on_stack:
                low[node] = min(low[node], index[step])
    return found


def test_the_circle_finder_finds_a_circle_and_only_that() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle() -> None:
    known = modules()
    graph = {name: imported(name, path, set(known)) for name, path in known.items()}
    assert sum(map(len, graph.values())) > 100, "the import graph is read (the reader imports itself a lot)"
    assert circles(graph) == []


def relative(path: Path) -> str:
    return path.relative_to(ROOT.parent).as_posix()


def test_no_module_over_500_lines() -> None:
    long = {relative(path): len(path.read_text(encoding="utf-8").splitlines()) for path in ROOT.rglob("*.py")}
    over = {path: lines for path, lines in long.items() if lines > MAX_MODULE_LINES}
    assert over == {}, over


def test_no_function_over_80_lines() -> None:
    over = {}
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > MAX_FUNCTION_LINES:
                    over[f"{relative(path)}:{node.name}"] = length
    assert over == {}, over


# Exceptions that never reach the user: they are caught where they are raised.
INTERNAL_EXCEPTIONS = {
    "Damaged",  # store/database.py: a damaged SQLite file, moved aside at once
    "Cancelled",  # analysis/engine.py: the TUI stopped an analysis it no longer needs
}


def test_every_error_the_user_sees_derives_from_reader_error() -> None:
    """One root (reader/errors.py): main prints any ReaderError as one line, so a new error class
    outside the tree would end as an "internal error" line instead of its own message."""
    bases: dict[str, list[str]] = {}
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [ast.unparse(base).rpartition(".")[2] for base in node.bases]

    def rooted(name: str, seen: frozenset[str] = frozenset()) -> bool:
        return name == "ReaderError" or any(
            rooted(base, seen | {name}) for base in bases.get(name, []) if base not in seen
        )

    def an_exception(name: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            base in ("Exception", "ValueError", "OSError", "RuntimeError", "DatabaseError")
            or an_exception(base, seen | {name})
            for base in bases.get(name, [])
            if base not in seen
        )

    errors = {name for name in bases if an_exception(name)} - INTERNAL_EXCEPTIONS - {"ReaderError"}
    assert {"InputError", "StoreError", "ExportError", "ConfigError", "UsageError", "ServeError"} <= errors
    assert {name for name in errors if not rooted(name)} == set()


def test_textual_s_private_binding_table_is_touched_in_one_module() -> None:
    """``DOMNode._bindings`` is Textual's private API: only reader/tui/bindings.py may read it."""
    users = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "_bindings":
                users.add(relative(path))
    assert users == {"reader/tui/bindings.py"}
