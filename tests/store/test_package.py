"""``reader.store`` loads each name's module on first use (the reader's first frame needs few of them)."""

from __future__ import annotations

import subprocess
import sys

import reader.store


def test_every_name_the_package_lists_loads_from_its_module() -> None:
    for name in reader.store.__all__:
        value = getattr(reader.store, name)
        assert getattr(value, "__module__", "reader.store.verdicts").startswith("reader.store.")
    assert sorted(reader.store.__all__) == sorted(reader.store._HOMES)  # noqa: SLF001


def test_the_error_and_the_verdict_checks_load_without_the_records_or_sqlite() -> None:
    code = (
        "import sys; from reader.store import StoreError; from reader.store.verdicts import check_tag; "
        "print(' '.join(m for m in ('reader.store.model', 'reader.store.anchoring', 'sqlite3') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []
