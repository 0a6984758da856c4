"""The widgets the screens compose: the article view, the side panel, details, status, search, footer.

Each widget draws from the ``ReadingState`` (or what a screen hands it) and
holds no state of the reader's own; the Notes branch of the panel is built in
``reader.tui.notes.branch``.
"""
