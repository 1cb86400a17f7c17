"""Pilot tests for editing a request from the board: only what changed, resets recorded."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.widgets import Input, Select, Static

from catalogue.core.requests.audit import history
from catalogue.core.requests.register import create_request, get_request
from catalogue.core.requests.workflow import advance, withdraw
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.edit_request import EditRequestDialog
from catalogue.tui.screens.board import BoardScreen
from tui.helpers import SIZE, plain, ready, record_notices, settle, show_request, wait_for

START = date.today() + timedelta(days=120)


def _walked(store: Store) -> int:
    """A request for Kenya with dates and a cohort, walked to JIPH approved."""
    request = create_request(store, "Kenya Police Service",
                             build_scope(store, "Kenya", disciplines=["leadership"],
                                         audience=["inspector"], cohort=20, start=START,
                                         end=START + timedelta(days=4)),
                             by="tester", notes="first visit")
    for _ in range(3):  # received -> scoping -> ipab-submitted -> jiph-approved
        advance(store, request.id, by="tester", step=None)
    assert get_request(store, request.id).state == "jiph-approved"
    return request.id


async def _edit_dialog(pilot: Any, request_id: int) -> EditRequestDialog:
    app = pilot.app
    await show_request(pilot, request_id)
    assert app.screen.check_action("edit_request", ()) is True
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, EditRequestDialog), what="dialog")
    return app.screen


def _value(dialog: EditRequestDialog, field: str) -> str:
    return dialog.query_one(f"#{field}", Input).value


async def test_form_starts_from_the_request(make_app, store: Store) -> None:
    request_id = _walked(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _edit_dialog(pilot, request_id)
        assert (_value(dialog, "body"), _value(dialog, "country"), _value(dialog, "disciplines"),
                _value(dialog, "audience"), _value(dialog, "cohort"), _value(dialog, "start"),
                _value(dialog, "notes")) == (
            "Kenya Police Service", "Kenya", "leadership", "inspector", "20",
            START.isoformat(), "first visit")
        assert dialog.query_one("#location", Select).value == "uk"
        await pilot.press("ctrl+s")  # nothing changed: nothing saved, nothing reset
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        await settle(pilot)
    assert [e["action"] for e in history(store, request_id)][-1] == "advanced"
    assert get_request(store, request_id).state == "jiph-approved"


async def test_scope_change_after_approvals_resets_them_and_is_audited(make_app,
                                                                       store: Store) -> None:
    request_id = _walked(store)
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _edit_dialog(pilot, request_id)
        dialog.query_one("#location", Select).value = "in-country"
        dialog.query_one("#cohort", Input).value = "24"
        dialog.query_one("#why", Input).value = "the force asked for [b]Nairobi[/b]"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and (app.screen.detail or {}).get("request", {}).get("state")
                       == "scoping", what="the reset request")
        assert any("changed location, cohort" in n and "Back to Scoping" in n
                   and "IPAB" in n for n in notices), notices
    request = get_request(store, request_id)
    assert (request.state, request.location, request.cohort) == ("scoping", "in-country", 24)
    assert request.ipab_reference is None  # the approvals after scoping are undone
    edited, reset = history(store, request_id)[-2:]
    assert edited["action"] == "edited" and edited["note"] == "the force asked for [b]Nairobi[/b]"
    assert set(edited["details"]["changed"]) == {"location", "cohort"}
    assert (reset["action"], reset["from_state"], reset["to_state"]) == \
        ("reset", "jiph-approved", "scoping")


async def test_a_bad_field_is_shown_and_nothing_is_saved(make_app, store: Store) -> None:
    request_id = _walked(store)
    before = history(store, request_id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _edit_dialog(pilot, request_id)
        dialog.query_one("#country", Input).value = "Atlantis"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditRequestDialog)
        assert "Atlantis" in plain(dialog.query_one("#dialog-error", Static))
        dialog.query_one("#country", Input).value = "Kenya"
        dialog.query_one("#start", Input).value = "next week"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "start must be a date as YYYY-MM-DD" in plain(
            dialog.query_one("#dialog-error", Static))
        await pilot.press("escape")
        await settle(pilot)
    assert history(store, request_id) == before


async def test_a_finished_request_cannot_be_edited(make_app, store: Store) -> None:
    request_id = _walked(store)
    withdraw(store, request_id, by="tester", reason="the force withdrew")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        assert app.screen.check_action("edit_request", ()) is None  # shown greyed out
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
