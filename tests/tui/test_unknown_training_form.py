"""Pilot: an unknown discipline typed into the new-request or edit form is refused in the form
with the nearest names, and nothing is saved."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from catalogue.core.requests.register import create_request, get_request, list_requests
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.edit_request import EditRequestDialog
from catalogue.tui.dialogs.new_request import NewRequestDialog
from catalogue.tui.screens.board import BoardScreen
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


async def _new_dialog(pilot: Any) -> NewRequestDialog:
    app = pilot.app
    await pilot.press("f4")
    await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                   and app.screen._counts != {}, what="board")
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, NewRequestDialog), what="dialog")
    return app.screen


async def test_new_request_form_refuses_an_unknown_discipline(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _new_dialog(pilot)
        for key, value in {"body": "Kenya Police", "country": "Kenya",
                           "disciplines": "leadership, cyber forensics"}.items():
            dialog.query_one(f"#{key}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NewRequestDialog)  # stays open to correct it
        error = plain(dialog.query_one("#dialog-error", Static))
        assert error.strip() == ("no discipline 'cyber forensics' in the catalogue; did you mean: "
                                 "discipline digital-and-cyber-crime (Digital and cyber crime)?")
        dialog.query_one("#disciplines", Input).value = "leadership, digital-and-cyber-crime"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
    [row] = list_requests(store)
    assert get_request(store, int(row["id"])).disciplines == ["leadership",
                                                              "digital-and-cyber-crime"]


async def test_edit_form_refuses_an_unknown_discipline(make_app, store: Store) -> None:
    request = create_request(store, "Kenya Police",
                             build_scope(store, "Kenya", disciplines=["leadership"]), by="t")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request.id)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EditRequestDialog), what="dialog")
        dialog = app.screen
        dialog.query_one("#disciplines", Input).value = "basket weaving"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditRequestDialog)
        error = plain(dialog.query_one("#dialog-error", Static))
        assert "no discipline 'basket weaving' in the catalogue; known disciplines:" in error
    assert get_request(store, request.id).disciplines == ["leadership"]
