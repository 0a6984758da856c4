"""Input errors: one clear line for the user, exit status 2, never a traceback.

Every reader of a file, a URL or stdin (plain text, Markdown, HTML, PDF, DOCX,
EPUB, WARC) raises ``InputError`` with the line the user sees: a missing file, a
size over the cap, an undecodable or hostile document. It derives from
``reader.errors.ReaderError``, which ``reader``'s main prints and exits 2 on.
"""

from reader.errors import ReaderError


class InputError(ReaderError):
    """Raised for any input the reader cannot open; ``str(exc)`` is the line the user sees."""
