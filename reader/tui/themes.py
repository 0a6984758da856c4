"""The reader's three themes. Layer colours come from the Okabe–Ito palette, chosen to stay
apart under the common colour-vision deficiencies; every layer also has a glyph and a
text attribute (see styles/app.tcss), so colour is never the only signal.
"""

from __future__ import annotations

from textual.theme import Theme

LAYER_VARIABLES = (
    "reader-quote",
    "reader-number",
    "reader-claim",
    "reader-check",
    "reader-cursor",
    "reader-match",
)

DARK = Theme(
    name="reader-dark",
    primary="#56B4E9",
    secondary="#CC79A7",
    accent="#E69F00",
    foreground="#E6E6E6",
    background="#16181D",
    surface="#1E2128",
    panel="#262A33",
    dark=True,
    variables={
        "reader-quote": "#56B4E9",
        "reader-number": "#E69F00",
        "reader-claim": "#CC79A7",
        "reader-check": "#F0E442",
        "reader-cursor": "#2C3340",
        "reader-match": "#5C4B00",
    },
)

LIGHT = Theme(
    name="reader-light",
    primary="#0072B2",
    secondary="#A2457F",
    accent="#B35900",
    foreground="#1B1B1B",
    background="#FAFAF7",
    surface="#F0EFEA",
    panel="#E4E2DA",
    dark=False,
    variables={
        "reader-quote": "#0072B2",
        "reader-number": "#A35200",
        "reader-claim": "#9E3D7A",
        "reader-check": "#7A6A00",
        "reader-cursor": "#E1E8F0",
        "reader-match": "#FFE98A",
    },
)

HIGH_CONTRAST = Theme(
    name="reader-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF8C00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    dark=True,
    variables={
        "reader-quote": "#00D7FF",
        "reader-number": "#FFB000",
        "reader-claim": "#FF87FF",
        "reader-check": "#FFFF00",
        "reader-cursor": "#303030",
        "reader-match": "#005F87",
    },
)

THEMES: tuple[Theme, ...] = (DARK, LIGHT, HIGH_CONTRAST)
THEME_LABELS = {DARK.name: "dark", LIGHT.name: "light", HIGH_CONTRAST.name: "high contrast"}
DEFAULT_THEME = DARK.name


def next_theme(current: str) -> str:
    names = [theme.name for theme in THEMES]
    return names[(names.index(current) + 1) % len(names)] if current in names else DEFAULT_THEME
