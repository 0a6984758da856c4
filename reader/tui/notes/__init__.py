"""The reader's own notes in the TUI: tags and notes on spans, their panel branch, undo and export.

``annotations`` holds what the screen shows (the marks on the text, the span being
selected), with no Textual and no store; ``tagging`` turns each action into one
committed store call recorded for session undo; ``branch`` builds the Notes branch
of the side panel (notes in text order, then orphans); ``annotating`` is the
reading screen's side of it all (keys, the note editor, selection, export,
autosave of the position), mixed into ``ReadingScreen``. Nothing outside this
package talks to the store about annotations.
"""
