"""Text that stays readable: every painted segment keeps a WCAG contrast of at least 4.5:1.

The article stacks styles (a layer's colour, a tag's tint, the cursor, a search match), and a
layer colour laid on a tint of a similar hue disappears. Rather than hoping each theme avoids
every such pair, ``legible`` checks the combined style as the terminal will show it, in
truecolor and after Rich's reduction to 256 colours, and swaps a failing foreground for the most
readable of the theme's own text colours (the layer keeps its text attribute and glyph).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from rich.style import Style

MINIMUM = 4.5  # WCAG 2 AA for body text
SYSTEMS = (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT)


def _channel(value: int) -> float:
    value = value / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(triplet: ColorTriplet) -> float:
    return 0.2126 * _channel(triplet.red) + 0.7152 * _channel(triplet.green) + 0.0722 * _channel(triplet.blue)


def contrast_ratio(first: ColorTriplet, second: ColorTriplet) -> float:
    """WCAG 2 contrast ratio, 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shown(color: Color, system: ColorSystem) -> ColorTriplet:
    """The colour a terminal of ``system`` draws for ``color``."""
    return color.downgrade(system).get_truecolor()


def painted(style: Style) -> tuple[Color, Color] | None:
    """(text, background) as drawn, reverse applied; None when either is the terminal's default."""
    if style.color is None or style.bgcolor is None:
        return None
    if style.reverse:
        return style.bgcolor, style.color
    return style.color, style.bgcolor


def worst_contrast(style: Style) -> float:
    """The lowest contrast of the style's text over its background across the colour systems."""
    pair = painted(style)
    if pair is None:
        return 21.0
    text, background = pair
    return min(contrast_ratio(shown(text, system), shown(background, system)) for system in SYSTEMS)


def legible(style: Style, fallbacks: Iterable[Color]) -> Style:
    """``style`` if readable, else with its text colour replaced by the most readable fallback."""
    if worst_contrast(style) >= MINIMUM:
        return style
    candidates = [*fallbacks, Color.parse("#000000"), Color.parse("#FFFFFF")]
    slot = "bgcolor" if style.reverse else "color"
    return max((style + Style(**{slot: color}) for color in candidates), key=worst_contrast)
