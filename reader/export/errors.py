"""Export and import errors are bad input (an unwritable target, a foreign file): one line, exit 2."""

from reader.errors import ReaderError


class ExportError(ReaderError):
    """``str(exc)`` is the line the user sees."""


class ForeignFile(ExportError):
    """The export's target exists and is not an earlier export: left as it is (the CLI offers --force)."""
