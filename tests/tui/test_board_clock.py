"""The board's clock in the app: the "In state" column marks overdue requests with "!", the
detail says the days, the target and whose target it is, and `t` sorts overdue first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import Static

from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.widgets.paged_table import PagedTable
from catalogue.tui.widgets.tables import REQUEST_COLUMNS
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


def _new(store: Store, days_ago: int, country: str) -> int:
    return create_request(store, f"{country} Police", build_scope(store, country), by="tester",
                          now=datetime.now(UTC) - timedelta(days=days_ago)).id


def _clock_cell(row: dict[str, object]) -> str:
    spec = next(c for c in REQUEST_COLUMNS if c.key == "clock")
    return spec.cell(row).plain


async def test_overdue_marked_and_sorted_first_on_request(make_app, store: Store) -> None:
    ago = datetime.now(UTC)
    furthest = _new(store, 32, "Kenya")  # 32 days in "received" (target 5): 27 over
    moved_on = _new(store, 20, "Nigeria")
    advance(store, moved_on, by="tester", now=ago - timedelta(days=2))  # scoping: 2 of 30
    late = _new(store, 15, "Ghana")  # 15 days in "received": 10 over
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and len(app.screen.query_one("#requests", PagedTable).rows_shown) == 3,
                       what="board")
        screen = app.screen
        table = screen.query_one("#requests", PagedTable)
        assert [r["id"] for r in table.rows_shown] == [furthest, moved_on, late]
        cells = {r["id"]: _clock_cell(r) for r in table.rows_shown}
        assert cells == {furthest: "!32/5d", moved_on: "2/30d", late: "!15/5d"}
        assert "oldest first" in str(table.border_subtitle)
        assert "! past target" in str(table.border_subtitle)

        table.focus()
        await pilot.press("t")
        await wait_for(pilot, lambda: [r["id"] for r in table.rows_shown]
                       == [furthest, late, moved_on], what="overdue first")
        assert "overdue first" in str(table.border_subtitle)
        await pilot.press("t")
        await wait_for(pilot, lambda: [r["id"] for r in table.rows_shown]
                       == [furthest, moved_on, late], what="oldest first again")

        screen = await show_request(pilot, furthest)
        await settle(pilot)
        body = plain(screen.query_one("#request-body", Static))
        assert "! 32 days in this state: OVERDUE, target 5, 27 over" in body
        assert "Target days: local practice" in body
        assert "data/workflow-targets.toml" in body


async def test_the_sort_key_is_a_named_configurable_binding(make_app, store: Store) -> None:
    _new(store, 1, "Kenya")
    app = make_app(keymap={"board.overdue-first": "ctrl+t"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and bool(app.screen.query_one("#requests", PagedTable).rows_shown),
                       what="board")
        app.screen.query_one("#requests", PagedTable).focus()
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: app.screen.overdue_first, what="toggled")
