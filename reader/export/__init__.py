"""Exports of an article's annotations (Markdown, W3C Web Annotation JSON), imports, and the terminal listing.

    export_document(store, sha256, fmt="md"|"json", target=None) -> Path   # the TUI's export key
    export_all(store, fmt, target=None) -> list[Path]
    import_file(store, path) -> ImportReport

No Textual here; writes are atomic and re-exports byte-identical.
"""

from reader.export.errors import ExportError
from reader.export.files import FORMATS, ImportReport, export_all, export_document, file_name, import_file

__all__ = [
    "FORMATS",
    "ExportError",
    "ImportReport",
    "export_all",
    "export_document",
    "file_name",
    "import_file",
]
