"""A DataTable that shows one page of a long listing and asks its screen for others.

The table never holds more than one page (``page_size`` rows, 200 by default): ``]`` and
``[`` (or reaching past the last / first row) post :class:`PagedTable.PageRequested`, and a
header click posts :class:`PagedTable.SortRequested`; the screen fetches in a worker and calls
:meth:`show_page`. Each cell draws as ``rich.text.Text`` (so stored text is never markup),
made only when the cell is first drawn: a page costs what is on screen, not its 200 rows.
On a narrow terminal the columns marked ``drop`` are left out, highest first. The fast
drawing and page loading come from :class:`~catalogue.tui.widgets.fast_datatable.FastDataTable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from catalogue.tui.widgets.fast_datatable import FastDataTable
from catalogue.tui.widgets.table_cells import Cell, ColumnSpec

__all__ = ["Cell", "ColumnSpec", "PagedTable"]


class PagedTable(FastDataTable):
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
        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

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
                  keep: str | None = None, sort_key: str | None = None,
                  descending: bool = False) -> None:
        """Replace the rows; keep the cursor on row ``keep`` if it is still there, else put
        it on the first row (the last when this is the page the table asked for by moving
        up past its first row)."""
        cursor_to_end = not keep and self._wanted_at_end == offset
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
        :meth:`show_page`), the cursor goes to its last row if ``cursor_to_end``: the table
        remembers, so screens only fetch the page."""
        self._wanted_at_end = offset if cursor_to_end else None
        self.post_message(self.PageRequested(self, offset))

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
