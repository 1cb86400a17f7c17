"""Keys of a paged table: Home and End go to the page's first and last row."""

from __future__ import annotations

from textual.app import App, ComposeResult

from catalogue.tui.widgets.paged_table import ColumnSpec, PagedTable

ROWS = [{"id": n, "name": f"row {n}"} for n in range(1, 61)]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedTable([ColumnSpec("name", "Name", width=12)], id_key="id", page_size=60)


async def test_home_and_end_move_the_row_cursor() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        table.focus()
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == len(ROWS) - 1
        assert table.selected_row() == ROWS[-1]
        assert table.scroll_y > 0  # the last row is in view
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
