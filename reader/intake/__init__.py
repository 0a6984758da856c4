"""Text from files, Markdown, HTML, URLs and stdin, normalised into a Document."""

from reader.intake.document import Document, Paragraph, make_document, sha256_of
from reader.intake.errors import InputError
from reader.intake.limits import DEFAULT_MAX_BYTES, resolve_max_bytes
from reader.intake.sources import load

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "InputError",
    "Paragraph",
    "load",
    "make_document",
    "resolve_max_bytes",
    "sha256_of",
]
