"""Store errors are bad input (an unreadable or too-new database file): one line, exit status 2."""

from reader.intake.errors import InputError


class StoreError(InputError):
    """The database cannot be opened or used; ``str(exc)`` is the line the user sees."""
