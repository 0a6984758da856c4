"""Store errors are bad input (an unreadable or too-new database file): one line, exit status 2."""

from reader.errors import ReaderError


class StoreError(ReaderError):
    """The database cannot be opened or used; ``str(exc)`` is the line the user sees."""
