"""Pilot tests for logging a request and linking it to a programme from the board."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from catalogue.core.programmes.changes import create_programme
from catalogue.core.requests.register import get_request, list_requests
from catalogue.core.store import Store
from catalogue.tui.dialogs.new_request import LinkProgrammeDialog, NewRequestDialog
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.widgets.paged_table import PagedTable
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


async def _open_dialog(pilot: Any) -> NewRequestDialog:
    app = pilot.app
    await pilot.press("f4")
    await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                   and app.screen._counts != {}, what="board")
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, NewRequestDialog), what="dialog")
    return app.screen


def _fill(dialog: NewRequestDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.query_one(f"#{key}", Input).value = value


async def test_new_request_is_logged_and_listed(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _open_dialog(pilot)
        _fill(dialog, body="Kenya Police [bold]Service[/]", country="Kenya",
              disciplines="leadership", cohort="20", start="2027-03-01", end="2027-03-12",
              delivered_by="staff", notes="follow-up")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        board = app.screen
        await wait_for(pilot, lambda: board.detail is not None
                       and board.detail["request"]["requesting_body"]
                       == "Kenya Police [bold]Service[/]", what="the new request")
        table = board.query_one("#requests", PagedTable)
        assert any(r["requesting_body"] == "Kenya Police [bold]Service[/]"
                   for r in table.rows_shown)
        # markup in the body is shown literally
        assert "Kenya Police [bold]Service[/]" in plain(board.query_one("#request-body",
                                                                         Static))
    [row] = list_requests(store)
    created = get_request(store, int(row["id"]))
    assert created.country == "KE" and created.state == "received"
    assert created.cohort == 20 and str(created.start) == "2027-03-01"
    assert created.disciplines == ["leadership"] and created.delivered_by == ["staff"]


async def test_bad_input_shows_the_core_message(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _open_dialog(pilot)
        _fill(dialog, body="Somewhere Police", country="Atlantisxq")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NewRequestDialog)  # stays open to correct it
        error = plain(dialog.query_one("#dialog-error", Static))
        assert "Atlantisxq" in error and "\n" not in error.strip()
        _fill(dialog, country="Kenya", cohort="twenty")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "cohort must be a whole number" in plain(dialog.query_one("#dialog-error",
                                                                          Static))
    assert list_requests(store) == []


async def test_link_programme_keeps_both_sides_in_step(make_app, store: Store) -> None:
    from catalogue.core.requests.register import create_request
    from catalogue.core.rules.scope import build_scope

    request_id = create_request(store, "Kenya Police Service", build_scope(store, "Kenya"),
                                by="tester").id
    programme_id = create_programme(store, {"title": "Leadership for KPS", "country": "Kenya",
                                            "delivery_mode": "in-country"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        board = app.screen

        def programme_key_disabled() -> bool:
            """What the footer shows for the programme key (it greys out disabled keys)."""
            [enabled] = [enabled for _node, binding, enabled, _tip
                         in board.active_bindings.values() if binding.action == "open_programme"]
            return not enabled

        assert programme_key_disabled()  # no programme linked yet: the footer greys it out
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, LinkProgrammeDialog), what="dlg")
        app.screen.query_one("#programme", Input).value = str(programme_id)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and (board.detail or {}).get("programme") is not None, what="link")
        assert int(board.detail["programme"]["id"]) == programme_id
        await wait_for(pilot, lambda: not programme_key_disabled(), what="footer key")
    assert get_request(store, request_id).programme_id == programme_id


async def test_every_field_of_the_form_is_whole(make_app) -> None:
    """No screen's style reaches into the dialog (the explorer's #disciplines once squashed
    the disciplines field), and the start and end dates share their row inside the dialog."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _open_dialog(pilot)
        await settle(pilot)
        form = dialog.query_one(".dialog").region
        for field in dialog.query(Input):
            assert field.region.height == 3, (field.id, field.region)
            assert form.x <= field.region.x and field.region.right <= form.right, field.id
