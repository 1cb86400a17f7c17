"""IPAB, JIPH, OSJA and s.26 spelled out on first use in the app's Rich text (cards, panels,
dialog labels), with the styles of the text kept. The rules are the core's
(:mod:`catalogue.core.abbreviations`)."""

from __future__ import annotations

from rich.text import Text

from catalogue.core.abbreviations import ABBREVIATIONS, first_uses


def spell_out_text(text: Text, done: set[str] | None = None) -> Text:
    """``text`` with the first use of each abbreviation spelled out (``done``: what an
    earlier part of the same screen has already spelled out, updated)."""
    uses = first_uses(text.plain, done)
    if not uses:
        return text
    result = Text(style=text.style, justify=text.justify, overflow=text.overflow,
                  no_wrap=text.no_wrap, end=text.end)
    position = 0
    for use in uses:
        result.append_text(text[position:use.start])
        original = text[use.start:use.end]
        replaced = Text(use.text, style=original.style)
        for span in original.spans:
            replaced.stylize(span.style)
        result.append_text(replaced)
        position = use.end
    result.append_text(text[position:])
    return result


def glossary() -> Text:
    """The abbreviations and their full names, one per line, for a screen's legend."""
    text = Text(no_wrap=False)
    for number, abbreviation in enumerate(ABBREVIATIONS):
        text.append("\n" if number else "")
        text.append(abbreviation.short, style="bold")
        text.append(f" {abbreviation.full}", style="dim")
    return text
