"""Moving through a paged table: the cursor over the page's rows, its keys and the mouse.

The base of :class:`~catalogue.tui.widgets.paged_table.PagedTable`, which adds the columns and
draws the lines. This part holds the page's rows and where the page is in the whole listing,
moves the cursor (Up/Down, PageUp/PageDown, Home/End, the mouse), and past the page's first or
last row, or with ``[`` and ``]``, asks the screen for another page (:class:`PageRequested`);
when it asked by moving up, the cursor goes to the new page's last row. The messages the table
posts are defined here, and reached as ``PagedTable.RowHighlighted`` and so on (their handlers
are ``on_paged_table_...``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.scroll_view import ScrollView


class TableNavigation(ScrollView, can_focus=True):
    """A page of rows with a cursor; each row is known by its ``id_key`` value (a string)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "page(1)", "Next page", id="table.next-page",
                tooltip="The next page of rows"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="table.prev-page",
                tooltip="The previous page of rows"),
        Binding("enter", "select", "Open", id="table.select", show=False,
                tooltip="Open the highlighted row"),
        Binding("down", "cursor(1)", "Down", id="table.down", show=False,
                tooltip="The next row (past the last: the next page)"),
        Binding("up", "cursor(-1)", "Up", id="table.up", show=False,
                tooltip="The previous row (past the first: the previous page)"),
        Binding("pagedown", "screenful(1)", "Page down", id="table.screen-down", show=False,
                tooltip="A screenful of rows down"),
        Binding("pageup", "screenful(-1)", "Page up", id="table.screen-up", show=False,
                tooltip="A screenful of rows up"),
        Binding("home,ctrl+home", "edge(0)", "First row", id="table.first", show=False,
                tooltip="The page's first row"),
        Binding("end,ctrl+end", "edge(1)", "Last row", id="table.last", show=False,
                tooltip="The page's last row"),
        Binding("left", "scroll_left", "Scroll left", id="table.left", show=False,
                tooltip="Scroll sideways (when the columns are wider than the table)"),
        Binding("right", "scroll_right", "Scroll right", id="table.right", show=False,
                tooltip="Scroll sideways (when the columns are wider than the table)"),
    ]

    class RowHighlighted(Message, namespace="paged_table"):
        """The cursor is on another row (or the page changed under it)."""

        def __init__(self, table: TableNavigation, row_id: str,
                     row: Mapping[str, Any]) -> None:
            super().__init__()
            self.table, self.row_id, self.row = table, row_id, row

        @property
        def control(self) -> TableNavigation:
            return self.table

    class RowSelected(RowHighlighted, namespace="paged_table"):
        """Enter, or a click, on a row."""

    class PageRequested(Message, namespace="paged_table"):
        def __init__(self, table: TableNavigation, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

        @property
        def control(self) -> TableNavigation:
            return self.table

    class SortRequested(Message, namespace="paged_table"):
        def __init__(self, table: TableNavigation, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> TableNavigation:
            return self.table

    def __init__(self, *, id_key: str, page_size: int, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.id_key = id_key
        self.page_size = page_size
        self.row_offset = 0
        self.row_total = 0
        self.rows_shown: Sequence[Mapping[str, Any]] = []
        self.cursor_row = 0
        self._hover_row: int | None = None
        self._wanted_at_end: int | None = None

    # ------------------------------------------------------------------ pages

    @property
    def page(self) -> int:
        return self.row_offset // self.page_size + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.row_total // self.page_size))

    def row_id(self, row: Mapping[str, Any]) -> str:
        return str(row[self.id_key])

    def selected_row(self) -> Mapping[str, Any] | None:
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def select_id(self, row_id: str) -> bool:
        """Put the cursor on the row with this id, if it is on this page."""
        for index, row in enumerate(self.rows_shown):
            if self.row_id(row) == row_id:
                self.move_cursor(row=index)
                return True
        return False

    # ------------------------------------------------------------------ cursor

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on row ``row`` of the page (clamped), scroll it into view, and
        post :class:`RowHighlighted` if it moved."""
        rows = self.rows_shown
        row = max(0, min(row, len(rows) - 1))
        old, self.cursor_row = self.cursor_row, row
        if old != row:
            self.refresh_line(old + 1)
            self.refresh_line(row + 1)
        self._scroll_to_cursor()
        if rows and old != row:
            self.post_message(self.RowHighlighted(self, self.row_id(rows[row]), rows[row]))

    @property
    def rows_in_view(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        """Scroll so the cursor's row is in view (after the next layout too, as a page of
        another length changes how far the table can scroll)."""
        def scroll() -> None:
            top, row = round(self.scroll_y), self.cursor_row
            if row < top:
                self.scroll_to(y=row, animate=False)
            elif row >= top + self.rows_in_view:
                self.scroll_to(y=row - self.rows_in_view + 1, animate=False)

        scroll()
        self.call_after_refresh(scroll)

    def _request_page(self, offset: int, cursor_to_end: bool) -> None:
        """Ask the screen for the page at ``offset``. When that page arrives (see
        ``PagedTable.show_page``), the cursor goes to its last row if ``cursor_to_end``: the
        table remembers, so screens only fetch the page."""
        self._wanted_at_end = offset if cursor_to_end else None
        self.post_message(self.PageRequested(self, offset))

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return self.pages > 1  # the page keys appear only when there are pages
        return True

    def action_page(self, step: int) -> None:
        offset = self.row_offset + step * self.page_size
        if 0 <= offset < self.row_total:
            self._request_page(offset, cursor_to_end=False)

    def action_cursor(self, step: int) -> None:
        """One row down or up; past the page's last (first) row, the next (previous) page."""
        last = len(self.rows_shown) - 1
        if step > 0 and self.cursor_row >= last \
                and self.row_offset + len(self.rows_shown) < self.row_total:
            self._request_page(self.row_offset + self.page_size, cursor_to_end=False)
        elif step < 0 and self.cursor_row <= 0 and self.row_offset > 0:
            self._request_page(max(0, self.row_offset - self.page_size), cursor_to_end=True)
        else:
            self.move_cursor(row=self.cursor_row + step)

    def action_screenful(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step * self.rows_in_view)

    def action_edge(self, end: int) -> None:
        self.move_cursor(row=len(self.rows_shown) - 1 if end else 0)

    def action_select(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.post_message(self.RowSelected(self, self.row_id(row), row))

    # ------------------------------------------------------------------ mouse

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        index = None if offset is None or offset.y == 0 else round(self.scroll_y) + offset.y - 1
        self._set_hover(index if index is not None and index < len(self.rows_shown) else None)

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover_row:
            for old in (self._hover_row, index):
                if old is not None:
                    self.refresh_line(old + 1)
            self._hover_row = index
