"""Keys of a paged table: Home and End, and moving past the first or last row of a page."""

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


class PagingApp(App[None]):
    """Answers page requests the simplest way: the rows at the offset, nothing else."""

    def compose(self) -> ComposeResult:
        yield PagedTable([ColumnSpec("name", "Name", width=12)], id_key="id", page_size=20)

    def on_paged_table_page_requested(self, event: PagedTable.PageRequested) -> None:
        self.query_one(PagedTable).show_page(ROWS[event.offset:event.offset + 20],
                                             total=len(ROWS), offset=event.offset)


async def test_moving_past_the_edges_of_a_page_turns_it() -> None:
    app = PagingApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS[20:40], total=len(ROWS), offset=20)
        table.focus()
        await pilot.pause()
        await pilot.press("up")  # from the first row of page 2: the last row of page 1
        await pilot.pause()
        assert table.row_offset == 0 and table.selected_row() == ROWS[19]
        await pilot.press("down")  # and back: the first row of page 2
        await pilot.pause()
        assert table.row_offset == 20 and table.selected_row() == ROWS[20]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert table.row_offset == 40 and table.selected_row() == ROWS[40]


async def test_the_cursor_row_stays_in_view_when_the_table_shrinks() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 30)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        table.focus()
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.pause()
        top = round(table.scroll_y)
        assert top <= table.cursor_row < top + table.rows_in_view


async def test_a_click_on_a_row_selects_it_by_id() -> None:
    selected: list[str] = []

    class ClickApp(TableApp):
        def on_paged_table_row_selected(self, event: PagedTable.RowSelected) -> None:
            selected.append(event.row_id)

    app = ClickApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        await pilot.click(PagedTable, offset=(3, 3))  # line 0 is the header: the third row
        await pilot.pause()
        assert selected == ["3"] and table.selected_row() == ROWS[2]
