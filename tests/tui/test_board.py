"""Pilot tests for the requests board: grouping by state, guarded steps, decline with a reason."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select, Static

from catalogue.core.requests.audit import history
from catalogue.core.requests.register import create_request, get_request
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.steps import AdvanceDialog, ExitDialog
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.widgets.paged_table import PagedTable
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


def _new(store: Store, body: str, country: str = "Kenya", **scope: Any) -> int:
    return create_request(store, body, build_scope(store, country, **scope), by="tester").id


async def test_requests_grouped_by_state_with_age(make_app, store: Store) -> None:
    first = _new(store, "Kenya Police Service", disciplines=["leadership"])
    second = _new(store, "Ghana Police [bold]Service[/]", "Ghana", disciplines=["command"])
    advance(store, second, by="tester")  # to scoping
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and app.screen._counts != {}, what="board")
        screen = app.screen
        table = screen.query_one("#requests", PagedTable)
        assert [r["id"] for r in table.rows_shown] == [first, second]  # open, oldest first
        assert all("age_days" in r for r in table.rows_shown)
        assert screen._counts["received"] == 1 and screen._counts["scoping"] == 1
        screen.query_one("#states").highlighted = 2  # Open, Received, Scoping
        await settle(pilot)
        assert [r["id"] for r in table.rows_shown] == [second]
        assert "Ghana Police [bold]Service[/]" in plain(screen.query_one("#request-body",
                                                                          Static))


async def test_advance_shows_the_guards_refusal_then_succeeds(make_app, store: Store) -> None:
    request_id = _new(store, "National Police")  # no discipline or module recorded yet
    advance(store, request_id, by="tester")  # received -> scoping
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await show_request(pilot, request_id)
        assert "(IPAB) submitted" in plain(screen.query_one("#request-body", Static))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog")
        dialog = app.screen
        dialog.query_one("#reference", Input).value = "IPAB-2027-001"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = plain(dialog.query_one("#dialog-error", Static))
        assert error.startswith(f"Refused: cannot move request {request_id} to ipab-submitted:")
        assert "no discipline or module is recorded" in error
        assert get_request(store, request_id).state == "scoping"
        await pilot.press("escape")
        await settle(pilot)

        # Record the training requested, and the same step goes through.
        from catalogue.core.requests.register import edit_request

        edit_request(store, request_id, {"disciplines": ["leadership"]}, by="tester")
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog 2")
        app.screen.query_one("#reference", Input).value = "IPAB-2027-001"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and (app.screen.detail or {}).get("request", {}).get("state") == "ipab-submitted",
                       what="advanced")
        stored = get_request(store, request_id)
        assert stored.state == "ipab-submitted" and stored.ipab_reference == "IPAB-2027-001"


async def test_decline_needs_a_reason_and_is_recorded(make_app, store: Store) -> None:
    request_id = _new(store, "Ministry of Interior", "Jordan", disciplines=["command"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ExitDialog), what="dialog")
        dialog = app.screen
        await pilot.press("ctrl+s")  # no reason yet
        await settle(pilot)
        assert "Give a reason" in plain(dialog.query_one("#dialog-error", Static))
        assert get_request(store, request_id).state == "received"
        dialog.query_one("#reason", Input).value = "No trainers free [until] 2028"
        dialog.query_one("#signal", Select).value = "decline-no-skills"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and (app.screen.detail or {}).get("request", {}).get("state") == "declined",
                       what="declined")
        events = history(store, request_id)
        assert events[-1]["action"] == "declined"
        assert events[-1]["note"] == "No trainers free [until] 2028"
        body = plain(app.screen.query_one("#request-body", Static))
        assert "No trainers free [until] 2028" in body
        assert app.screen._counts["declined"] == 1
        assert app.screen.check_action("advance", ()) is None  # finished: steps disabled


async def test_the_list_follows_a_request_advanced_out_of_it(make_app, store: Store) -> None:
    """Listed by its state, a request advanced (still open) is shown in its new state's list,
    highlighted, instead of leaving an empty list behind."""
    from catalogue.tui.widgets.paged_table import PagedTable

    request_id = _new(store, "National Police")
    from catalogue.core.requests.register import edit_request

    edit_request(store, request_id, {"disciplines": ["leadership"]}, by="tester")
    advance(store, request_id, by="tester")  # received -> scoping
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await show_request(pilot, request_id)
        assert screen.state == "scoping"
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog")
        app.screen.query_one("#reference", Input).value = "IPAB-2027-002"
        await pilot.press("ctrl+s")
        table = screen.query_one("#requests", PagedTable)
        await wait_for(pilot, lambda: app.screen is screen and bool(table.rows_shown)
                       and screen.state == "ipab-submitted", what="the list of its new state")
        row = table.selected_row()
        assert row is not None and row["id"] == request_id


async def test_a_finished_request_leaves_the_cursor_on_its_neighbour(make_app,
                                                                      store: Store) -> None:
    """Withdrawing the highlighted last row of "Open (all)": the cursor goes to the row
    before it (by id), its detail is shown, and Up/Down keep working."""
    first = _new(store, "First Police", disciplines=["leadership"])
    second = _new(store, "Second Police", "Ghana", disciplines=["command"])
    last = _new(store, "Last Police", "Jordan", disciplines=["command"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await show_request(pilot, last)
        table = screen.query_one("#requests", PagedTable)
        table.focus()
        await wait_for(pilot, lambda: table.cursor_row == 2, what="the last row highlighted")
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ExitDialog), what="dialog")
        app.screen.query_one("#reason", Input).value = "No longer needed"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and len(table.rows_shown) == 2
                       and (screen.detail or {}).get("request", {}).get("id") == second,
                       what="the neighbour shown")
        assert table.cursor_row == 1 and table.row_id(table.rows_shown[1]) == str(second)
        assert app.focused is table
        await pilot.press("up")
        await wait_for(pilot, lambda: (screen.detail or {}).get("request", {}).get("id")
                       == first, what="Up moves on")
        assert table.cursor_row == 0


async def test_the_osja_steps_instruction_is_shown_whole(make_app, store: Store) -> None:
    """The advance dialog's OSJA line wraps: its instruction is not cut at the dialog's edge,
    at 140 or at 80 columns."""
    from textual.widgets import Label

    from request_helpers import step_for

    request_id = _new(store, "Kenya Police Service", disciplines=["leadership"])
    for target in ("scoping", "ipab-submitted", "jiph-approved"):
        advance(store, request_id, by="tester", step=step_for(target))
    for size in (SIZE, (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await show_request(pilot, request_id)
            await pilot.press("a")
            await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog),  # noqa: B023
                           what="dialog")
            label = app.screen.query_one(".field-label.wrapping", Label)
            assert "catalogue osja record)" in plain(label)  # type: ignore[arg-type]
            assert label.size.height >= 2, size
            assert label.size.width <= app.screen.query_one(".dialog").size.width
            screen = " ".join(app.export_screenshot().replace("&#160;", " ").split())
            assert "osja" in screen and "record)" in screen, size


async def test_a_finished_request_offers_no_disabled_key(make_app, store: Store) -> None:
    """Withdrawn: the card does not offer o (off for a finished request) but says why no
    version can be recorded; an open request's card still offers it."""
    from catalogue.core.requests.workflow import withdraw

    gone = _new(store, "Withdrawn Police", disciplines=["leadership"])
    withdraw(store, gone, by="tester", reason="no longer needed")
    still = _new(store, "Open Police", "Ghana", disciplines=["command"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await show_request(pilot, gone)
        body = plain(screen.query_one("#request-body", Static))
        assert screen.check_action("assess", ()) is None
        assert "o records" not in body
        assert "OSJA assessment  finished: no new version can be recorded" in body
        screen = await show_request(pilot, still)
        body = plain(screen.query_one("#request-body", Static))
        assert screen.check_action("assess", ()) is True
        assert "OSJA assessment  o records a new version" in body
