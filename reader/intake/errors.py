"""Input errors: one clear line for the user, exit status 2, never a traceback."""

from reader.errors import ReaderError


class InputError(ReaderError):
    """Raised for any input the reader cannot open; ``str(exc)`` is the line the user sees."""
