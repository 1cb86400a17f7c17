"""A DataTable that shows one page of a long listing and asks its screen for others.

The table never holds more than one page (``page_size`` rows, 200 by default): ``]`` and
``[`` (or reaching past the last / first row) post :class:`PagedTable.PageRequested`, and a
header click posts :class:`PagedTable.SortRequested`; the screen fetches in a worker and calls
:meth:`show_page`. Each cell draws as ``rich.text.Text`` (so stored text is never markup),
made only when the cell is first drawn: a page costs what is on screen, not its 200 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # row dict key and sort key
    label: str
    render: Callable[[dict[str, Any]], Text] | None = None
    width: int | None = None  # fixed width, or the least width of a flexible column
    sortable: bool = True
    flex: int = 0  # share of the spare width (0: fixed or automatic)
    drop: int = 0  # when the columns do not fit, those with the highest drop go first (0: never)

    def cell(self, row: dict[str, Any]) -> Text:
        if self.render is not None:
            return self.render(row)
        value = row.get(self.key)
        return Text("" if value is None else str(value), no_wrap=True, overflow="ellipsis")


class Cell:
    """One cell of a page: its ``Text`` is made from the row when the cell is first drawn
    (only the rows on screen are), and its width can be read without making it."""

    __slots__ = ("_text", "row", "spec")

    def __init__(self, spec: ColumnSpec, row: dict[str, Any]) -> None:
        self.spec, self.row = spec, row
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = self.spec.cell(self.row)
        return self._text

    @property
    def cell_len(self) -> int:
        if self._text is None and self.spec.render is None:
            value = self.row.get(self.spec.key)
            return 0 if value is None else cell_len(str(value))
        return self.text.cell_len

    def __rich__(self) -> Text:
        return self.text

    def __str__(self) -> str:
        return self.text.plain


class PagedTable(DataTable[Cell]):
    """One page of rows; row keys are the ids given to :meth:`show_page`."""

    DEFAULT_CSS = """
    PagedTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "page(1)", "Next page", id="table.next-page",
                tooltip="The next page of rows"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="table.prev-page",
                tooltip="The previous page of rows"),
    ]

    class PageRequested(Message):
        def __init__(self, table: PagedTable, offset: int, cursor_to_end: bool) -> None:
            super().__init__()
            self.table = table
            self.offset = offset
            self.cursor_to_end = cursor_to_end

        @property
        def control(self) -> PagedTable:
            return self.table

    class SortRequested(Message):
        def __init__(self, table: PagedTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, columns: Sequence[ColumnSpec], *, id_key: str, page_size: int = 200,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.columns_spec = list(columns)
        self.id_key = id_key
        self.page_size = page_size
        self.row_offset = 0
        self.row_total = 0
        self.rows_shown: list[dict[str, Any]] = []

        self.sort_key: str | None = None
        self.descending = False
        self._widths: dict[str, int | None] = {}
        self._paging_shown = False
        self._wanted_at_end: int | None = None
        self._cells_cache: list[list[Cell]] = []
        self._cells_for: list[dict[str, Any]] | None = None
        self._frame_styles: dict[Any, Any] | None = None
        self._meta_styles: dict[tuple[int, int], Style] = {}

    def on_mount(self) -> None:
        self._widths = self._fit_widths()
        self._add_columns()

    def on_resize(self) -> None:
        widths = self._fit_widths()
        if widths != self._widths:
            self._widths = widths
            keep = self.selected_row()
            self.clear(columns=True)
            self._add_columns()
            self._add_rows(str(keep[self.id_key]) if keep else None, cursor_to_end=False)

    def _columns_that_fit(self) -> list[ColumnSpec]:
        """Every column, unless their least widths are wider than the table: then the columns
        marked ``drop`` are left out, highest first, until the rest fit (or none is left to
        drop, and the table scrolls sideways)."""
        shown = list(self.columns_spec)
        if not self.size.width:
            return shown

        def least(specs: list[ColumnSpec]) -> int:  # 2: vertical scrollbar
            return sum((s.width or len(s.label)) + 2 * self.cell_padding for s in specs) + 2

        while least(shown) > self.size.width:
            droppable = [s for s in shown if s.drop]
            if not droppable:
                break
            shown.remove(max(droppable, key=lambda s: s.drop))
        return shown

    def _fit_widths(self) -> dict[str, int | None]:
        """The widths of the columns shown (see :meth:`_columns_that_fit`): fixed columns as
        given; flexible ones share what is left of the table's width, none wider than its
        widest cell on this page (the narrowest needs are met first)."""
        shown = self._columns_that_fit()
        flexible = [s for s in shown if s.flex]
        widths: dict[str, int | None] = {s.key: s.width for s in shown}
        if not flexible or not self.size.width:
            return widths
        padding = 2 * self.cell_padding * len(shown)
        fixed = sum(s.width or len(s.label) for s in shown if not s.flex)
        spare = self.size.width - padding - fixed - 2  # 2: vertical scrollbar
        cells = self._cells()
        natural = {spec.key: max([len(spec.label) + 2,
                                  *(row[index].cell_len for row in cells)])
                   for index, spec in enumerate(self.columns_spec)
                   if spec.flex and spec.key in widths}
        weights = sum(s.flex for s in flexible)
        for spec in sorted(flexible, key=lambda s: natural[s.key] / s.flex):
            least = spec.width or len(spec.label)
            width = max(least, min(natural[spec.key], spare * spec.flex // max(1, weights)))
            widths[spec.key] = width
            spare -= width
            weights -= spec.flex
        return widths

    def _add_columns(self) -> None:
        for spec in self.columns_spec:
            if spec.key not in self._widths:
                continue  # left out: the table is too narrow for it
            label = Text(spec.label)
            if spec.key == self.sort_key:
                label.append(" ▼" if self.descending else " ▲", style="bold")
            self.add_column(label, key=spec.key, width=self._widths.get(spec.key, spec.width))

    @property
    def page(self) -> int:
        return self.row_offset // self.page_size + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.row_total // self.page_size))

    def show_page(self, rows: list[dict[str, Any]], *, total: int, offset: int,
                  keep: str | None = None, cursor_to_end: bool = False,
                  sort_key: str | None = None, descending: bool = False) -> None:
        """Replace the rows; keep the cursor on row ``keep`` if it is still there, else put
        it on the first row (the last with ``cursor_to_end``, or when this is the page the
        table asked for by moving up past its first row)."""
        if keep is None and self._wanted_at_end == offset:
            cursor_to_end = True
        self._wanted_at_end = None
        self.row_total, self.row_offset, self.rows_shown = total, offset, rows
        widths = self._fit_widths()
        relabel = (sort_key, descending) != (self.sort_key, self.descending) \
            or widths != self._widths
        self.sort_key, self.descending, self._widths = sort_key, descending, widths
        self.clear(columns=relabel)
        if relabel:
            self._add_columns()
        self._add_rows(keep, cursor_to_end)
        if (self.pages > 1) != self._paging_shown:
            self._paging_shown = self.pages > 1
            self.refresh_bindings()  # only when the page keys appear or go (the footer redraws)

    def _cells(self) -> list[list[Cell]]:
        """The page's cells, made once per page (widths are fitted from them too)."""
        if self._cells_for is not self.rows_shown:
            self._cells_cache = [[Cell(spec, row) for spec in self.columns_spec]
                                 for row in self.rows_shown]
            self._cells_for = self.rows_shown
        return self._cells_cache

    def _add_rows(self, keep: str | None, cursor_to_end: bool) -> None:
        rows = self.rows_shown
        if not rows:
            return
        cells = self._cells()
        shown = [i for i, spec in enumerate(self.columns_spec) if spec.key in self._widths]
        if len(shown) < len(self.columns_spec):
            cells = [[row[i] for i in shown] for row in cells]
        self._append_rows([str(row[self.id_key]) for row in rows], cells)
        target = len(rows) - 1 if cursor_to_end else 0
        if keep is not None:
            for index, row in enumerate(rows):
                if str(row[self.id_key]) == keep:
                    target = index
                    break
        self.move_cursor(row=target, animate=False, scroll=True)

    def _append_rows(self, keys: list[str], cells: list[list[Cell]]) -> None:
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

    # ------------------------------------------------------------ drawing (fast paths)

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

    def selected_row(self) -> dict[str, Any] | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def page_summary(self) -> str:
        if not self.row_total:
            return "none"
        first = self.row_offset + 1
        last = self.row_offset + len(self.rows_shown)
        if self.pages == 1:
            return f"{self.row_total}"
        return f"{first}–{last} of {self.row_total} · page {self.page}/{self.pages}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return self.pages > 1  # the page keys appear only when there are pages
        return True

    def _request_page(self, offset: int, cursor_to_end: bool) -> None:
        """Ask the screen for the page at ``offset``. When that page arrives (see
        :meth:`show_page`), the cursor goes to its last row if ``cursor_to_end``, whether or
        not the screen passes the flag back."""
        self._wanted_at_end = offset if cursor_to_end else None
        self.post_message(self.PageRequested(self, offset, cursor_to_end))

    def action_page(self, step: int) -> None:
        offset = self.row_offset + step * self.page_size
        if 0 <= offset < self.row_total:
            self._request_page(offset, cursor_to_end=False)

    def action_scroll_home(self) -> None:
        """Home: the page's first row (DataTable's Home goes to the first column, which a
        row cursor does not have)."""
        if self.cursor_type == "row":
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        """End: the page's last row."""
        if self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()

    def action_cursor_down(self) -> None:
        if self.rows_shown and self.cursor_row == len(self.rows_shown) - 1 \
                and self.row_offset + len(self.rows_shown) < self.row_total:
            self._request_page(self.row_offset + self.page_size, cursor_to_end=False)
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row == 0 and self.row_offset > 0:
            self._request_page(max(0, self.row_offset - self.page_size), cursor_to_end=True)
            return
        super().action_cursor_up()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = event.column_key.value
        spec = next((s for s in self.columns_spec if s.key == key), None)
        if spec is not None and spec.sortable:
            self.post_message(self.SortRequested(self, spec.key))
