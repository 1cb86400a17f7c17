"""User text made safe to draw: control characters shown (``\\x1b``), never obeyed.

The rule is the core's :func:`catalogue.core.names.printable` (the CLI uses it too). Every
place the app draws stored or typed text passes it through :func:`shown` (a string) or
:func:`shown_text` (a Rich ``Text``, its styles kept). :class:`ControlFilter`, a Textual line
filter on the whole app, is the last guard: a control character that still reaches a line
being drawn is dropped (it takes no cell, so the layout is unchanged), never sent on to the
terminal.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Span, Text
from textual.color import Color
from textual.filter import LineFilter

from catalogue.core.names import printable


def shown(value: Any) -> str:
    """``value`` as text a terminal shows and does not obey ("" for None)."""
    return "" if value is None else printable(str(value))


def shown_text(text: Text) -> Text:
    """``text`` with each character :func:`printable` rewrites replaced by what it shows,
    in the styles the character had."""
    plain = text.plain
    if printable(plain) == plain:
        return text
    result = text.blank_copy()
    start = 0
    for index, char in enumerate(plain):
        visible = printable(char)
        if visible == char:
            continue
        result.append_text(text[start:index])
        piece = text[index:index + 1]
        replaced = Text(visible, style=piece.style)
        replaced.spans = [Span(0, len(visible), span.style) for span in piece.spans]
        result.append_text(replaced)
        start = index + 1
    result.append_text(text[start:])
    return result


class ControlFilter(LineFilter):
    """Drops from a drawn line any character :func:`printable` would rewrite."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(segment.text.isprintable() for segment in segments):  # the common case
            return segments
        return [Segment("".join(ch for ch in segment.text if printable(ch) == ch),
                        segment.style, segment.control)
                if not segment.control and printable(segment.text) != segment.text
                else segment for segment in segments]
