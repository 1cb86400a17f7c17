"""Drawing one line of a paged table: cells of set widths, as Rich segments.

Plain cells (one line of text without spans, the usual case) are cut with an ellipsis and
padded by string operations; any other cell goes through Rich's own ``Text`` methods.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from catalogue.tui.widgets.table_layout import PADDING


def cell_segments(text: Text, width: int, style: Style, console: Console) -> list[Segment]:
    """``text`` drawn ``width`` cells wide (its content and ``PADDING`` each side), one line,
    in ``style`` beneath the text's own style. Too long: cut, with an ellipsis unless the
    text asks to be cropped."""
    inner = width - 2 * PADDING
    if inner <= 0:
        return [Segment(" " * max(0, width), style)]
    pad = " " * PADDING
    plain = text.plain
    if not text.spans and text.justify in (None, "default", "left") \
            and "\n" not in plain and "\t" not in plain:
        length = text.cell_len
        if length > inner:
            plain = set_cell_size(plain, inner - 1) + "…" if text.overflow != "crop" \
                else set_cell_size(plain, inner)
            length = inner
        if not text.style:
            return [Segment(pad + plain + " " * (inner - length) + pad, style)]
        own = style + console.get_style(text.style)
        return [Segment(pad, style), Segment(plain, own),
                Segment(" " * (inner - length) + pad, style)]
    line = text.split("\n", allow_blank=True)[0] if "\n" in plain else text.copy()
    line.expand_tabs()
    line.truncate(inner, overflow="crop" if text.overflow == "crop" else "ellipsis")
    if text.justify in ("right", "center"):
        line.align(text.justify, inner)
    else:
        line.pad_right(inner - line.cell_len)
    body = Segment.apply_style(line.render(console), style)
    return [Segment(pad, style), *body, Segment(pad, style)]


def line_segments(cells: Sequence[Text], widths: Sequence[int], style: Style,
                  console: Console) -> list[Segment]:
    """A row (or the header): each cell at its width, side by side."""
    segments: list[Segment] = []
    for text, width in zip(cells, widths, strict=True):
        segments.extend(cell_segments(text, width, style, console))
    return segments
