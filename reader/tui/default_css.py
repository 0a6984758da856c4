"""The reading screen's widgets' default CSS, in the stylesheet before it is first parsed.

Textual adds a widget class's DEFAULT_CSS when the first widget of that class mounts,
and the next style lookup parses the whole stylesheet again, the reader's app.tcss
included. The reading screen mounts in rounds (the screen, its children, the
header's and the key bar's children), so start-up parsed all the CSS seven times
before the first frame, and once more when the panel's tree mounted after it
(issue 22). Added up front as Textual adds them (same place, text, tie-breaker and
scope), the later additions find them there and change nothing: one parse. Nothing
is cached across themes: a new theme reparses every source with its variables.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle
from textual.widgets._toast import ToastRack
from textual.widgets._tooltip import Tooltip

# What Textual's own widgets mount inside them: every screen its toast rack and tooltip, the header its
# icon, title and clock space, the key bar one widget per key.
TEXTUAL_PARTS: tuple[type[DOMNode], ...] = (
    ToastRack,
    Tooltip,
    HeaderIcon,
    HeaderTitle,
    HeaderClockSpace,
    FooterKey,
)


def add_default_css(stylesheet: Stylesheet, classes: Iterable[type[DOMNode]]) -> None:
    """Each class's DEFAULT_CSS and its bases', as Textual's DOMNode._get_default_css lists them, and
    the parts Textual mounts inside its own widgets."""
    for widget_class in (*classes, *TEXTUAL_PARTS):
        for place, base in enumerate(DOMNode._css_bases(widget_class)):  # noqa: SLF001 - the order Textual uses
            css = base.__dict__.get("DEFAULT_CSS", "")
            if css:
                scoped = base.__dict__.get("SCOPED_CSS", True)
                stylesheet.add_source(
                    css,
                    read_from=_location(base),
                    is_default_css=True,
                    tie_breaker=-place,
                    scope=base._css_type_name if scoped else "",  # noqa: SLF001
                )


def _location(base: type[DOMNode]) -> tuple[str, str]:
    try:
        return (inspect.getfile(base), f"{base.__name__}.DEFAULT_CSS")
    except (TypeError, OSError):
        return ("", f"{base.__name__}.DEFAULT_CSS")
