"""The one module that touches Textual's private binding table (``DOMNode._bindings``).

Textual merges a node's class bindings with the keymap into ``_bindings`` and
offers no public way to read that merged map or to give one instance keys of its
own. The reader needs both: the help screen and the palette list what is really
bound, the reading screen adds the config's tag keys and the selection keys, a
choice dialog binds its choices, and the type-ahead knows which keys open an
input. Keeping every such access here means a Textual upgrade that changes the
table breaks one module, next to the pin in pyproject.toml (textual 8.2.x).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.dom import DOMNode


def node_bindings(nodes: Iterable[DOMNode]) -> Iterable[tuple[DOMNode, Binding]]:
    """Every binding of each node as Textual will dispatch it: merged, keymap-aware."""
    for node in nodes:
        for _key, binding in node._bindings:  # noqa: SLF001 - the merged, keymap-aware bindings
            yield node, binding


def add_bindings(node: DOMNode, bindings: Iterable[Binding]) -> None:
    """Bindings of this instance tried before the class's own for the same key (a disabled one
    passes the key on to the next)."""
    table = node._bindings.key_to_bindings  # noqa: SLF001 - this instance's copy; its lists are shared
    for binding in Binding.make_bindings(bindings):
        table[binding.key] = [binding, *table.get(binding.key, [])]


def bind_only(node: DOMNode, binding: Binding) -> None:
    """``binding`` as the one binding of its key on this instance."""
    node._bindings.key_to_bindings[binding.key] = [binding]  # noqa: SLF001


def keys_bound_to(node: DOMNode, ids: Iterable[str]) -> set[str]:
    """The keys of this node that run a binding with one of these ids."""
    wanted = set(ids)
    return {
        key
        for key, bindings in node._bindings.key_to_bindings.items()  # noqa: SLF001
        if any(binding.id in wanted for binding in bindings)
    }
