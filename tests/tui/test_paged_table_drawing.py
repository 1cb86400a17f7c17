"""PagedTable's own row drawing gives the same segments as DataTable's, row by row."""

from __future__ import annotations

from itertools import chain
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from catalogue.tui.widgets.paged_table import ColumnSpec, PagedTable


def _cell(key: str) -> Any:
    return lambda row: row[key]


COLUMNS = [ColumnSpec("a", "A", _cell("a"), width=8), ColumnSpec("b", "B", _cell("b"), width=12),
           ColumnSpec("c", "C", _cell("c"), width=10, flex=1)]

ROWS = [
    {"id": 1, "a": Text("plain"), "b": Text("dim italic", style="dim italic"),
     "c": Text("[bold]x[/]")},
    {"id": 2, "a": Text.assemble(("red", "red"), " and ", ("b", "bold")),
     "b": Text("right", justify="right"), "c": Text("far too long for its column")},
    {"id": 3, "a": Text("two\nlines"), "b": Text("tab\there"), "c": Text("")},
    {"id": 4, "a": Text("✓", style="green"), "b": Text("● 2022", style="bold red"),
     "c": Text("ünïcödé 漢字")},
    {"id": 5, "a": Text("truncated ünïcödé 漢字 text", overflow="ellipsis"),
     "b": Text("styled and far too long", style="bold", overflow="ellipsis"),
     "c": Text("cropped, not ellipsised, far too long", overflow="crop")},
]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedTable(COLUMNS, id_key="id")


def _line(cells: list[list[Segment]]) -> list[Segment]:
    return list(Segment.simplify(chain.from_iterable(cells)))


async def test_rows_drawn_like_datatable() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        base = table.rich_style
        checked = 0
        cases = [(row, cursor, hover, shown, priority) for row in range(len(ROWS))
                 for cursor, hover in ((row, 0), (0, row), ((row + 1) % len(ROWS), -1))
                 for shown in (False, True) for priority in ("css", "renderable")]
        for row, cursor_row, hover_row, hover_shown, priority in cases:
            key = table._row_locations.get_key(row)
            table._show_hover_cursor = hover_shown
            table.cursor_foreground_priority = priority
            table.cursor_background_priority = priority
            where = (Coordinate(cursor_row, 0), Coordinate(hover_row, 0))
            table._clear_caches()
            ours = PagedTable._render_line_in_row(table, key, 0, base, *where)
            table._clear_caches()
            theirs = DataTable._render_line_in_row(table, key, 0, base, *where)
            assert ours[0] == theirs[0] == []
            assert _line(ours[1]) == _line(theirs[1]), (row, cursor_row, hover_row, priority)
            checked += 1
        assert checked == len(ROWS) * 12


async def test_lines_drawn_like_datatable() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        base = table.rich_style
        width = table.size.width
        for cursor_row in (0, 2):
            table.move_cursor(row=cursor_row)
            for y in range(len(ROWS) + 2):  # the header, every row, and a line past the end
                table._clear_caches()
                ours = PagedTable._render_line(table, y, 0, width, base)
                table._clear_caches()
                theirs = DataTable._render_line(table, y, 0, width, base)
                assert list(ours) == list(theirs.simplify()), (cursor_row, y)
                assert ours.cell_length == theirs.cell_length == width
