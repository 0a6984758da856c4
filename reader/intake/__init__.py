"""Text from files, HTML, URLs and stdin, normalised into a Document."""

from reader.intake.document import Document, Paragraph, make_document, sha256_of
from reader.intake.errors import InputError
from reader.intake.load import DEFAULT_MAX_BYTES, load

__all__ = ["DEFAULT_MAX_BYTES", "Document", "InputError", "Paragraph", "load", "make_document", "sha256_of"]
