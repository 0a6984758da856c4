"""The screens: reading (the article with its panel), library, review queue and the modal dialogs.

Screens do not import one another: each asks the App (``reader.tui.host``) to
move to another, so the modules form no import circle. The reading screen's
notes side lives in ``reader.tui.notes``.
"""
