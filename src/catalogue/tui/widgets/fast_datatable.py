"""A DataTable that adds rows and draws its usual rows faster, with the same result.

DataTable works out, for every cell of every line, what is the same for the whole frame or
the whole row, and adds rows one refresh, cursor check and layout request at a time. For the
rows the app's tables have (one line high, a row cursor, no row labels or fixed columns) this
class does that work once per frame, per row or per page instead; anything else goes to
DataTable. ``tests/tui/test_paged_table_drawing.py`` compares every row and line it draws with
DataTable's own drawing. It uses DataTable's internals, which is why Textual is pinned to one
major version in ``pyproject.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey

from catalogue.tui.widgets.table_cells import Cell


class FastDataTable(DataTable[Any]):
    """DataTable with fast paths for adding a page of rows and for drawing usual rows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._frame_styles: dict[Any, Any] | None = None
        self._meta_styles: dict[tuple[int, int], Style] = {}

    def _append_rows(self, keys: list[str], cells: list[list[Any]]) -> None:
        """What ``add_row`` does for each row (one line high, no label), done once for the
        page: one repaint and one cursor check instead of one per row. ``add_row`` also asks
        for a new layout each time; a page of the same number of rows needs none, and a
        change in the number of rows changes ``virtual_size``, which asks for one itself."""
        was_empty = not self.rows
        column_keys = [column.key for column in self.ordered_columns]
        locations, data, rows, new = self._row_locations, self._data, self.rows, self._new_rows
        for index, (key, row_cells) in enumerate(zip(keys, cells, strict=True),
                                                 start=len(rows)):
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            locations[row_key] = index
            data[row_key] = dict(zip(column_keys, row_cells, strict=True))
            rows[row_key] = Row(row_key, 1)
            new.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        self.hover_coordinate = self.hover_coordinate
        if was_empty and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.refresh()
        self.check_idle()

    def render_lines(self, crop: Any) -> Any:
        """While one frame's lines are drawn, the table's style and its row styles are
        worked out once (DataTable works them out again for every line: each walks the
        widget's ancestors), then forgotten so a theme or focus change is seen next frame."""
        self._frame_styles = {}
        try:
            return super().render_lines(crop)
        finally:
            self._frame_styles = None

    @property
    def rich_style(self) -> Style:
        styles = self._frame_styles
        if styles is None:
            return super().rich_style
        style = styles.get("")
        if style is None:
            style = styles[""] = super().rich_style
        return style

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        styles = self._frame_styles
        if styles is None:
            return super()._get_row_style(row_index, base_style)
        key = (row_index == -1, row_index < self.fixed_rows,
               row_index % 2 if self.zebra_stripes else -1, base_style)
        style = styles.get(key)
        if style is None:
            style = styles[key] = super()._get_row_style(row_index, base_style)
        return style

    def _update_dimensions(self, new_rows: Iterable[Any]) -> None:
        """Every column has a set width (see :meth:`_fit_widths`) and rows are one line, so
        DataTable's measuring of each new cell (to widen automatic columns) is skipped."""
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
        else:
            super()._update_dimensions(())

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """DataTable's line drawing when the line is not scrolled sideways and the columns
        fit the table: the cells' segments already add up to the table's width, so the line
        is made in one step, without DataTable's cropping and padding (each of which makes
        another ``Strip``). Anything else goes to DataTable."""
        width = self.size.width
        if self.fixed_columns or x1 != 0 or x2 != width or self._frame_columns()[2] > width:
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        cursor, hover = self.cursor_coordinate, self.hover_coordinate
        cache_key: Any = (y, x1, x2, width, cursor, hover, base_style, self.cursor_type,
                          self._show_hover_cursor, self._update_count,
                          self._pseudo_class_state)
        strip = self._line_cache.get(cache_key)
        if strip is None:
            fixed, scrollable = self._render_line_in_row(row_key, line_no, base_style,
                                                         cursor, hover)
            segments = chain.from_iterable(chain(fixed, scrollable))
            strip = self._line_cache[cache_key] = Strip(Segment.simplify(segments), width)
        return strip

    def _render_line_in_row(self, row_key: Any, line_no: int, base_style: Style,
                            cursor_location: Any, hover_location: Any) -> Any:
        """DataTable's row drawing for the usual row (a body row of one line, a row cursor,
        no row labels or fixed columns): what is the same for every cell of the frame (the
        columns' keys and widths) is worked out once, what is the same for every cell of the
        row (row style, cursor and hover styles) once per row, and each usual cell is drawn
        by :meth:`_simple_cell`. The segments are DataTable's (a test compares them); any
        other row, or cell, goes to DataTable."""
        row_index = self._row_locations.get(row_key)
        if row_index is None or line_no or self.fixed_columns or self.cursor_type != "row" \
                or (self._labelled_row_exists and self.show_row_labels):
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location,
                                               hover_location)
        frame = self._frame_constants()
        cache_key: Any = (row_key, line_no, base_style, cursor_location, hover_location,
                          "row", frame[3], frame[4], self._update_count,
                          self._pseudo_class_state)
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        keys, widths, table_width = self._frame_columns()
        row_style = self._get_row_style(row_index, base_style)
        cursor = cursor_location.row == row_index
        hover = hover_location.row == row_index
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, row_index < frame[1], hover, cursor, *frame[3:])
        cells = self._data.get(row_key, {})
        one_line = self.rows[row_key].height == 1
        scrollable: list[list[Segment]] = []
        for column_index, (key, width) in enumerate(zip(keys, widths, strict=True)):
            pre_style = row_style + self._cell_meta(row_index, column_index) + component_style
            segments = self._simple_cell(cells.get(key), width, frame[0], pre_style,
                                         post_style) if one_line else None
            if segments is None:
                segments = self._render_cell(row_index, column_index, row_style, width,
                                             cursor, hover)[0]
            scrollable.append(segments)
        extend_style, _ = self._get_styles_to_render_cell(False, False, False, hover, cursor,
                                                          frame[3], frame[4], False, False)
        extend_style = row_style + extend_style + Style.from_meta(
            {"row": row_index, "column": 0, "out_of_bounds": True})
        scrollable.append([Segment(" " * max(0, self.size.width - table_width), extend_style)])
        pair: tuple[list[Any], list[Any]] = ([], scrollable)
        self._row_render_cache[cache_key] = pair
        return pair

    def _simple_cell(self, cell: Any, width: int, padding: int, pre_style: Style,
                     post_style: Style) -> list[Segment] | None:
        """One line of a usual cell: a ``Text`` without spans, tabs, line breaks or
        justification, cut with an ellipsis if it is too wide (as Rich does). ``None`` for
        any other cell (DataTable draws it)."""
        inner = width - 2 * padding
        if type(cell) is Cell:
            cell = cell.text
        if type(cell) is not Text or cell.spans or inner <= 0 \
                or cell.justify not in (None, "default"):
            return None
        plain = cell.plain
        if "\n" in plain or "\t" in plain:
            return None
        length = cell.cell_len
        if length > inner:
            if cell.overflow != "ellipsis":
                return None
            plain = set_cell_size(plain, inner - 1) + "…"
            length = inner
        around = pre_style + post_style
        if not cell.style:
            return [Segment(" " * padding + plain + " " * (inner - length + padding), around)]
        own = self.app.console.get_style(cell.style)
        return [Segment(" " * padding, around), Segment(plain, pre_style + own + post_style),
                Segment(" " * (inner - length + padding), around)]

    def _frame_columns(self) -> tuple[list[Any], list[int], int]:
        """The columns' keys and drawn widths in order, and the table's width (read once a
        frame)."""
        styles = self._frame_styles
        columns = styles.get("columns") if styles is not None else None
        if columns is None:
            ordered = self.ordered_columns
            widths = [column.get_render_width(self) for column in ordered]
            columns = ([column.key for column in ordered], widths,
                       sum(widths) + self._row_label_column_width)
            if styles is not None:
                styles["columns"] = columns
        return columns

    def _cell_meta(self, row_index: int, column_index: int) -> Style:
        """The style that tells a mouse event which cell it is over. Made once per cell
        position, so adding it to the other styles hits Rich's cache from frame to frame."""
        meta = self._meta_styles.get((row_index, column_index))
        if meta is None:
            meta = self._meta_styles[row_index, column_index] = Style.from_meta(
                {"row": row_index, "column": column_index})
        return meta

    def _frame_constants(self) -> tuple[Any, ...]:
        """The settings every cell's drawing reads (reactives, slow to read one by one):
        padding, fixed rows and columns, then the cursor settings as
        ``_get_styles_to_render_cell`` takes them. Read once per frame."""
        styles = self._frame_styles
        constants = styles.get("constants") if styles is not None else None
        if constants is None:
            constants = (self.cell_padding, self.fixed_rows, self.fixed_columns,
                         self.show_cursor, self._show_hover_cursor,
                         self.cursor_foreground_priority == "css",
                         self.cursor_background_priority == "css")
            if styles is not None:
                styles["constants"] = constants
        return constants
