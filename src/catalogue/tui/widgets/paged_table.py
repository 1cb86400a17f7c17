"""A table that shows one page of a long listing and asks its screen for others.

A ``ScrollView`` drawn one line at a time (Textual's Line API): line 0 is the header, the
others are the page's rows from the scroll position down. The table never holds more than
one page (``page_size`` rows, 200 by default): ``]`` and ``[`` (or moving past the last or
first row) post :class:`PagedTable.PageRequested`, and a click on a sortable header posts
:class:`PagedTable.SortRequested`; the screen fetches in a worker and calls :meth:`show_page`.
Rows are chosen by id (``keep``), cells are ``rich.text.Text`` made when a row is first drawn
(stored text is never markup), and on a narrow terminal the columns marked ``drop`` are left
out, highest first (:mod:`~catalogue.tui.widgets.table_layout`).

This module has the page, the columns and the drawing; the cursor, the keys, the mouse and
the messages are its base's (:mod:`~catalogue.tui.widgets.table_navigation`), a cell's
segments :mod:`~catalogue.tui.widgets.table_drawing`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.strip import Strip

from catalogue.tui.widgets.table_cells import ColumnSpec, cell_width
from catalogue.tui.widgets.table_drawing import line_segments
from catalogue.tui.widgets.table_layout import PADDING, fit_widths
from catalogue.tui.widgets.table_navigation import TableNavigation

__all__ = ["ColumnSpec", "PagedTable"]

#: The table's parts that themes and style sheets can restyle.
HEADER, CURSOR, EVEN, ODD, HOVER = ("paged-table--header", "paged-table--cursor",
                                    "paged-table--even-row", "paged-table--odd-row",
                                    "paged-table--hover")


class PagedTable(TableNavigation):
    """One page of a listing: its columns fitted to the table's width, drawn line by line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {HEADER, CURSOR, EVEN, ODD, HOVER}

    DEFAULT_CSS = """
    PagedTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .paged-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .paged-table--header { background-tint: $foreground 5%; }
        }
        & > .paged-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .paged-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .paged-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .paged-table--even-row { background: $surface-darken-1 40%; }
        & > .paged-table--odd-row { }
        & > .paged-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .paged-table--hover { background: $block-hover-background; }
    }
    """

    def __init__(self, columns: Sequence[ColumnSpec], *, id_key: str, page_size: int = 200,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id_key=id_key, page_size=page_size, id=id, classes=classes)
        self.columns_spec = list(columns)
        self.sort_key: str | None = None
        self.descending = False
        self.shown_columns: list[ColumnSpec] = list(columns)
        #: The content widths of the columns shown (see :meth:`_fit`).
        self.widths: dict[str, int] = fit_widths(self.columns_spec, 0, lambda spec: 0)
        self._paging_shown = False
        self._texts: dict[int, list[Text]] = {}  # row index -> its cells, as drawn
        self._row_strips: dict[tuple[Any, ...], Strip] = {}
        self._frame_styles: tuple[Style, ...] | None = None

    # ------------------------------------------------------------------ columns

    def on_resize(self) -> None:
        self._fit()
        self._scroll_to_cursor()

    def _fit(self) -> None:
        """Choose the columns and widths for the table's width and the page's cells."""
        width = self.size.width
        rows = self.rows_shown

        def natural(spec: ColumnSpec) -> int:
            return max([len(spec.label) + 2, *(cell_width(spec, row) for row in rows)])

        widths = fit_widths(self.columns_spec, width, natural)
        if widths != self.widths:
            self.widths = widths
            self.shown_columns = [s for s in self.columns_spec if s.key in widths]
            self._texts.clear()
            self._row_strips.clear()
        self.virtual_size = Size(self.table_width, len(rows) + 1)
        self.refresh()

    @property
    def table_width(self) -> int:
        return sum(self.column_width(s.key) for s in self.shown_columns)

    def column_width(self, key: str) -> int:
        """A shown column's drawn width (its content and the padding each side)."""
        return self.widths[key] + 2 * PADDING

    # ------------------------------------------------------------------ pages

    def show_page(self, rows: Sequence[Mapping[str, Any]], *, total: int, offset: int,
                  keep: str | None = None, sort_key: str | None = None,
                  descending: bool = False) -> None:
        """Replace the rows; keep the cursor on row ``keep`` if it is still there, else put
        it on the first row (the last when this is the page the table asked for by moving
        up past its first row)."""
        cursor_to_end = not keep and self._wanted_at_end == offset
        self._wanted_at_end = None
        self.row_total, self.row_offset, self.rows_shown = total, offset, rows
        self.sort_key, self.descending = sort_key, descending
        self._texts.clear()
        self._row_strips.clear()
        self._hover_row = None
        self._fit()
        target = len(rows) - 1 if cursor_to_end else 0
        if keep is not None:
            target = next((i for i, row in enumerate(rows) if self.row_id(row) == keep), target)
        self.cursor_row = -1  # the page changed: announce the row even at the same index
        self.move_cursor(row=target)
        if (self.pages > 1) != self._paging_shown:
            self._paging_shown = self.pages > 1
            self.refresh_bindings()  # only when the page keys appear or go (the footer redraws)

    def row_cells(self, index: int) -> list[Text]:
        """The cells of row ``index`` of the page, as drawn (the columns shown)."""
        texts = self._texts.get(index)
        if texts is None:
            row = self.rows_shown[index]
            texts = self._texts[index] = [spec.cell(row) for spec in self.shown_columns]
        return texts

    def page_summary(self) -> str:
        if not self.row_total:
            return "none"
        first = self.row_offset + 1
        last = self.row_offset + len(self.rows_shown)
        if self.pages == 1:
            return f"{self.row_total}"
        return f"{first}–{last} of {self.row_total} · page {self.page}/{self.pages}"

    # ------------------------------------------------------------------ mouse

    def on_click(self, event: events.Click) -> None:
        """A click on a row selects it; on a sortable column's header, sorts by it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            x = offset.x + round(self.scroll_x)
            for spec in self.shown_columns:
                x -= self.column_width(spec.key)
                if x < 0:
                    if spec.sortable:
                        self.post_message(self.SortRequested(self, spec.key))
                    return
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows_shown):
            self.move_cursor(row=index)
            self.action_select()

    # ------------------------------------------------------------------ drawing

    def render_lines(self, crop: Any) -> list[Strip]:
        """Work out the table's styles once for the frame's lines (each is a walk up the
        widget's ancestors), then forget them so a theme or focus change is seen."""
        self._frame_styles = self._line_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._frame_styles = None

    def _line_styles(self) -> tuple[Style, ...]:
        """The table's style, then its header's, even and odd rows', cursor's and hover's."""
        style = self.get_component_rich_style
        return (self.rich_style, style(HEADER), style(EVEN), style(ODD),
                style(CURSOR), style(HOVER))

    def render_line(self, y: int) -> Strip:
        base, header, even, odd, cursor, hover = self._frame_styles or self._line_styles()
        width = self.scrollable_content_region.width
        if y == 0:
            strip = self._header_strip(header)
            fill = header
        else:
            index = round(self.scroll_y) + y - 1
            if not 0 <= index < len(self.rows_shown):
                return Strip.blank(width, base)
            fill = odd if index % 2 else even
            over = cursor if index == self.cursor_row else \
                hover if index == self._hover_row else None
            strip = self._row_strip(index, fill, over)
            if over is not None:
                fill = fill + over
        scroll_x = round(self.scroll_x)
        return strip.crop_extend(scroll_x, scroll_x + width, fill)

    def _header_strip(self, style: Style) -> Strip:
        labels = []
        for spec in self.shown_columns:
            label = Text(spec.label, no_wrap=True, overflow="ellipsis")
            if spec.key == self.sort_key:
                label.append(" ▼" if self.descending else " ▲", style="bold")
            labels.append(label)
        widths = [self.column_width(s.key) for s in self.shown_columns]
        return Strip(line_segments(labels, widths, style, self.app.console), sum(widths))

    def _row_strip(self, index: int, style: Style, over: Style | None) -> Strip:
        """Row ``index`` drawn in its row style, with the cursor's or the mouse's on top;
        kept until the page, the columns or a style change."""
        key = (index, style, over)
        strip = self._row_strips.get(key)
        if strip is None:
            widths = [self.column_width(s.key) for s in self.shown_columns]
            segments = line_segments(self.row_cells(index), widths, style, self.app.console)
            if over is not None:
                segments = list(Segment.apply_style(segments, post_style=over))
            strip = self._row_strips[key] = Strip(segments, sum(widths))
        return strip
