"""The app's own themes (Textual's built-in themes work too: nord, gruvbox, textual-light ...)."""

from __future__ import annotations

from textual.theme import Theme

CATALOGUE_DARK = Theme(
    name="catalogue",
    primary="#4F8FBF",
    secondary="#3E7C6F",
    accent="#E0A43A",
    warning="#E0A43A",
    error="#D9534F",
    success="#5CB85C",
    foreground="#DDE3EA",
    background="#121821",
    surface="#1A2330",
    panel="#243042",
    dark=True,
)

CATALOGUE_LIGHT = Theme(
    name="catalogue-light",
    primary="#1F5F8B",
    secondary="#2F6B5F",
    accent="#B5651D",
    warning="#B5651D",
    error="#B52B27",
    success="#2E7D32",
    foreground="#1B2430",
    background="#F4F6F8",
    surface="#FFFFFF",
    panel="#DCE3EA",
    dark=False,
)

CATALOGUE_THEMES = (CATALOGUE_DARK, CATALOGUE_LIGHT)
