"""Export and import errors (an unwritable target, a foreign file, a bad import): one line, exit 2.

``ForeignFile`` is the export's target that exists and is not an earlier export of
the reader's: it is left untouched and the CLI offers ``--force``. Both derive from
``reader.errors.ReaderError``, so the CLI prints them as one line and the TUI as a
notification.
"""

from reader.errors import ReaderError


class ExportError(ReaderError):
    """``str(exc)`` is the line the user sees."""


class ForeignFile(ExportError):
    """The export's target exists and is not an earlier export: left as it is (the CLI offers --force)."""
