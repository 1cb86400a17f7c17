"""On a narrow terminal a paged table leaves out the columns marked to drop, highest first."""

from __future__ import annotations

from textual.app import App, ComposeResult

from catalogue.tui.widgets.paged_table import ColumnSpec, PagedTable

COLUMNS = [ColumnSpec("id", "No.", width=4), ColumnSpec("name", "Name", width=12, flex=2),
           ColumnSpec("notes", "Notes", width=12, flex=1, drop=1),
           ColumnSpec("where", "Where", width=10, drop=2),
           ColumnSpec("age", "Age", width=5)]
ROWS = [{"id": n, "name": f"row {n}", "notes": f"note {n}", "where": "uk", "age": f"{n} d"}
        for n in range(1, 6)]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PagedTable(COLUMNS, id_key="id")


def _shown(table: PagedTable) -> list[str]:
    return [spec.key for spec in table.shown_columns]


async def test_columns_are_dropped_highest_first_and_come_back() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        assert _shown(table) == ["id", "name", "notes", "where", "age"]
        await pilot.resize_terminal(50, 10)  # all need 4+12+12+10+5 + 2×5 + 2 = 55
        await pilot.pause()
        assert _shown(table) == ["id", "name", "notes", "age"]  # "where" (drop 2) first
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert _shown(table) == ["id", "name", "age"]  # never the unmarked ones
        row = table.row_cells(2)
        assert [str(cell) for cell in row] == ["3", "row 3", "3 d"]  # cells follow the columns
        await pilot.resize_terminal(100, 10)
        await pilot.pause()
        assert _shown(table) == ["id", "name", "notes", "where", "age"]
        assert [str(cell) for cell in table.row_cells(2)] == ["3", "row 3", "note 3", "uk",
                                                                "3 d"]


async def test_a_new_page_on_a_narrow_table_keeps_to_the_columns_shown() -> None:
    app = TableApp()
    async with app.run_test(size=(30, 10)) as pilot:
        table = app.query_one(PagedTable)
        table.show_page(ROWS, total=len(ROWS), offset=0)
        await pilot.pause()
        table.show_page(ROWS[2:], total=len(ROWS), offset=0)
        await pilot.pause()
        assert _shown(table) == ["id", "name", "age"]
        assert [str(cell) for cell in table.row_cells(0)] == ["3", "row 3", "3 d"]
        assert table.selected_row() == ROWS[2]


def test_flexible_columns_never_take_more_than_the_table_has() -> None:
    """A wide flexible column's share leaves the columns after it their least width: the
    board's request columns at 140 columns (108 inside the table) fit without scrolling."""
    from catalogue.tui.widgets.table_layout import PADDING, SCROLLBAR, fit_widths
    from catalogue.tui.widgets.tables import REQUEST_COLUMNS

    row = {"id": 1, "state_label": "Scoping", "country_name": "Kenya",
           "requesting_body": "Kenya Police Service", "disciplines": ["leadership"],
           "location": "uk", "start": None, "age_days": 27,
           "clock": {"days_in_state": 27, "target_days": 30, "overdue": False}}
    from catalogue.tui.widgets.table_cells import cell_width

    def natural(spec: object) -> int:
        return max(len(spec.label) + 2, cell_width(spec, row))  # type: ignore[attr-defined]

    for width in (108, 100, 120):
        widths = fit_widths(REQUEST_COLUMNS, width, natural)
        drawn = sum(w + 2 * PADDING for w in widths.values()) + SCROLLBAR
        assert drawn <= width, (width, widths)
        assert widths["clock"] == 8 and "requesting_body" in widths
