"""A process that saves notes through the real Store API, for the crash and concurrency tests.

Run as ``python -m tests.reliability.note_writer DATA_DIR ARTICLE LABEL COUNT [GO_FILE]``,
or forked from a test with ``fork_writer`` (no interpreter start-up, so a test can
kill dozens of writers in a few seconds). Either way it opens the article, prints
``ready`` and waits for GO_FILE if given (so two writers start together), saves COUNT notes (0 = until
killed) and reports ``saved <id>`` for each only after ``annotate`` returned, that
is after the transaction committed: a reported line is a promise the note is on disk.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.intake import load
from reader.intake.document import Document
from reader.store import Store


def write_notes(
    data_dir: Path,
    document: Document,
    label: str,
    count: int,
    report: Callable[[str], None],
    go: Path | None = None,
) -> None:
    with Store.open(data_dir) as store:
        for notice in store.notices:
            print(f"notice {notice}", file=sys.stderr, flush=True)
        store.open_document(document)
        sentence_end = document.text.index(".") + 1
        if go is not None:
            print("ready", flush=True)
            while not go.exists():
                time.sleep(0.001)
        number = 0
        while count == 0 or number < count:
            start = number % sentence_end
            change = store.annotate(
                document.sha256, start, sentence_end, tag="needs-source", note=f"{label} note {number}"
            )
            if number % 7 == 0:
                store.set_position(document.sha256, start)
            report(change.annotation_id)
            number += 1


def fork_writer(data_dir: Path, document: Document, label: str) -> tuple[int, int]:
    """A child process writing notes until killed: its pid, and the read end of its report pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)
    status = 1
    try:

        def report(ident: str) -> None:
            os.write(write_end, f"saved {ident}\n".encode())

        write_notes(data_dir, document, label, 0, report)
        status = 0
    finally:
        os._exit(status)


def main(argv: list[str]) -> int:
    data_dir, article, label, count = Path(argv[0]), argv[1], argv[2], int(argv[3])
    go = Path(argv[4]) if len(argv) > 4 else None

    def report(ident: str) -> None:
        sys.stdout.write(f"saved {ident}\n")
        sys.stdout.flush()

    write_notes(data_dir, load(article), label, count, report, go)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
