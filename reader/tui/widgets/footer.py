"""The key bar: Textual's Footer, rebuilt only when what it shows changed.

Textual's Footer recomposes (a dozen new widgets, each styled) on every bindings
update: every focus change and every refresh_bindings. Most of those leave the
shown keys as they were; at start-up alone that was a dozen rebuilds before the
article's first frame. It also composes empty at first and fills in only after a
frame, one more layout and frame before the screen settles (issue 22): the keys
are known when the screen composes, so the first frame shows them. And each key
is made compact by default, then bound to the bar's (not compact): a class added
and removed again once mounted, two restyles per key before the first frame; the
keys bound to it get their final look before they mount.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    _shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def _wanted(self, screen: Screen) -> tuple[tuple[str, str, str, bool], ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for _node, binding, enabled, _tooltip in screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        self._bindings_ready = True
        self._shown = self._wanted(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # a key bound to the bar's compact (Footer.compose): its value and class before it mounts
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)
            return
        wanted = self._wanted(screen)
        if self._bindings_ready and wanted == self._shown:
            return
        self._shown = wanted
        super().bindings_changed(screen)
