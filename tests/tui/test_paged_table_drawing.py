"""What a paged table draws, line by line: text as written, cut to its column, in its styles."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip

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


def _cells(table: PagedTable, strip: Strip) -> list[str]:
    """A drawn line cut at the columns' edges, each cell without its padding."""
    text, cells, x = strip.text, [], 0
    for spec in table.shown_columns:
        width = table.column_width(spec.key)
        cells.append(text[x:x + width])
        x += width
    assert all(cell.startswith(" ") and cell.endswith(" ") for cell in cells), cells
    return [cell[1:-1] for cell in cells]


def _style_of(strip: Strip, text: str) -> Style:
    for segment in strip:
        if text in segment.text:
            return segment.style or Style()
    raise AssertionError(f"{text!r} is not drawn")


async def test_cells_are_drawn_as_written_and_cut_to_their_columns() -> None:
    app = TableApp()
    async with app.run_test(size=(50, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        width = table.scrollable_content_region.width
        lines = [table.render_line(y) for y in range(len(ROWS) + 2)]
        assert all(line.cell_length == width for line in lines)
        assert [c.strip() for c in _cells(table, lines[0])] == ["A", "B", "C"]
        c_width = table.widths["c"]
        rows = [_cells(table, line) for line in lines[1:-1]]
        assert rows[0] == ["plain".ljust(8), "dim italic".ljust(12), "[bold]x[/]".ljust(c_width)]
        assert rows[1][0] == "red and…"  # "red and b", one too many
        assert rows[1][1] == "right".rjust(12)
        assert rows[1][2] == "far too long for its column"[:c_width - 1] + "…"
        assert rows[2][0] == "two".ljust(8) and rows[2][1].startswith("tab ")
        assert rows[3][2].startswith("ünïcödé 漢字")
        assert rows[4][0] == "truncat…"
        assert rows[4][2] == "cropped, not ellipsised, far too long"[:c_width]
        assert lines[-1].text.strip() == ""  # past the last row: blank


async def test_cells_keep_their_styles_and_the_cursor_row_stands_out() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        table.focus()
        await pilot.pause()
        table.move_cursor(row=1)
        await pilot.pause()
        fourth = table.render_line(4)
        assert _style_of(fourth, "● 2022").bold and _style_of(fourth, "● 2022").color.name == "red"
        assert _style_of(fourth, "✓").color.name == "green"
        second = table.render_line(2)  # the cursor's row: the cursor's colours win
        cursor = table.get_component_rich_style("paged-table--cursor")
        assert _style_of(second, "red").bgcolor == cursor.bgcolor
        assert _style_of(table.render_line(1), "plain").bgcolor != cursor.bgcolor
        assert _style_of(table.render_line(0), "A").bold  # the header
