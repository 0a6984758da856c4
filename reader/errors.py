"""The one root of the reader's expected errors: bad input, a store or export that cannot be used,
a bad config, a bad option, a server that cannot start.

Each is raised with the one line the user should see (``str(exc)``); ``reader``'s
``main`` prints it after ``reader: `` and exits with status 2, never with a
traceback. Anything that is not a ``ReaderError`` is a defect and is reported as
an internal error instead. The subclasses live beside the code that raises them
(``intake.InputError``, ``store.StoreError``, ``export.ExportError``,
``config.ConfigError``, ``serve.ServeError``, ``cli.UsageError``).
"""


class ReaderError(Exception):
    """An error the user can act on; ``str(exc)`` is the whole message, one line."""
