"""Store errors: a database written by a newer reader, or one that cannot be used: one line, exit 2.

A damaged file or an unwritable folder is not a StoreError: the store moves the
file aside or carries on in memory and says so in its notices. ``StoreError`` is
for what the user has to act on, with ``str(exc)`` the whole message; it derives
from ``reader.errors.ReaderError``.
"""

from reader.errors import ReaderError


class StoreError(ReaderError):
    """The database cannot be opened or used; ``str(exc)`` is the line the user sees."""
