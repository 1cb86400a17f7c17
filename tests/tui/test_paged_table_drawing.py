"""PagedTable's own cell drawing gives the same segments as DataTable's, cell by cell."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
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
]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedTable(COLUMNS, id_key="id")


def _simple(lines: list[list[Segment]]) -> list[list[Segment]]:
    return [list(Segment.simplify(line)) for line in lines]


async def test_cells_drawn_like_datatable() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        base = table.rich_style
        checked = 0
        for row in range(len(ROWS)):
            for column, spec in enumerate(table.ordered_columns):
                width = spec.get_render_width(table)
                for cursor in (False, True):
                    table._clear_caches()
                    ours = PagedTable._render_cell(table, row, column, base, width, cursor)
                    table._clear_caches()
                    theirs = DataTable._render_cell(table, row, column, base, width, cursor)
                    assert _simple(ours) == _simple(theirs), (row, column, cursor)
                    checked += 1
        assert checked == len(ROWS) * len(COLUMNS) * 2
