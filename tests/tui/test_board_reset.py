"""Pilot tests for the board's reset: back to an earlier state, with a reason, audited."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, OptionList, Select, Static

from catalogue.core.abbreviations import spell_out
from catalogue.core.requests.audit import history
from catalogue.core.requests.register import create_request, get_request
from catalogue.core.requests.states import FORWARD, LABELS
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.steps import ResetDialog
from catalogue.tui.screens.board import BoardScreen
from request_helpers import record_osja
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


def _walked(store: Store) -> int:
    """A request walked forward to JIPH approved with the core's own steps."""
    request = create_request(store, "Kenya Police Service",
                             build_scope(store, "Kenya", disciplines=["leadership"]), by="tester")
    for _ in range(3):  # received -> scoping -> ipab-submitted -> jiph-approved
        advance(store, request.id, by="tester")
    assert get_request(store, request.id).state == "jiph-approved"
    record_osja(store, request.id)  # so that the OSJA step can be taken meanwhile
    return request.id


async def _reset_dialog(pilot: Any, request_id: int) -> ResetDialog:
    app = pilot.app
    await show_request(pilot, request_id)
    assert app.screen.check_action("reset", ()) is True
    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(app.screen, ResetDialog), what="dialog")
    return app.screen


async def test_reset_goes_back_with_a_reason_and_is_audited(make_app, store: Store) -> None:
    request_id = _walked(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _reset_dialog(pilot, request_id)
        to = dialog.query_one("#to", Select)
        offered = [str(option.prompt) for option in to.query_one(OptionList).options]
        # each choice spells out IPAB, JIPH and OSJA (it is read on its own)
        assert offered == [spell_out(LABELS[s])
                           for s in FORWARD[:FORWARD.index("jiph-approved")]]
        assert to.value == "ipab-submitted"  # the state just before, by default
        to.value = "scoping"
        dialog.query_one("#reason", Input).value = "IPAB form [sent] to the wrong desk"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and (app.screen.detail or {}).get("request", {}).get("state") == "scoping",
                       what="reset")
        assert get_request(store, request_id).state == "scoping"
        event = history(store, request_id)[-1]
        assert event["action"] == "reset"
        assert (event["from_state"], event["to_state"]) == ("jiph-approved", "scoping")
        assert event["note"] == "IPAB form [sent] to the wrong desk"
        assert event["by"]
        assert app.screen._counts["scoping"] == 1 and app.screen._counts["jiph-approved"] == 0


async def test_reset_needs_a_reason_and_changes_nothing(make_app, store: Store) -> None:
    request_id = _walked(store)
    before = history(store, request_id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _reset_dialog(pilot, request_id)
        dialog.query_one("#reason", Input).value = "   "
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "Give a reason" in plain(dialog.query_one("#dialog-error", Static))
        assert get_request(store, request_id).state == "jiph-approved"
        assert history(store, request_id) == before
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert get_request(store, request_id).state == "jiph-approved"


async def test_reset_refusal_is_shown_word_for_word(make_app, store: Store) -> None:
    request_id = _walked(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _reset_dialog(pilot, request_id)
        advance(store, request_id, by="someone else")  # the request moves on meanwhile
        dialog.query_one("#reason", Input).value = "re-assess"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        error = plain(dialog.query_one("#dialog-error", Static))
        assert error == (f"Refused: request {request_id} changed state meanwhile "
                         "(now 'osja-assessed'); nothing was saved")
        assert get_request(store, request_id).state == "osja-assessed"


async def test_reset_is_unavailable_for_a_new_request(make_app, store: Store) -> None:
    request_id = create_request(store, "Ghana Police Service",
                                build_scope(store, "Ghana", disciplines=["command"]),
                                by="tester").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        assert app.screen.check_action("reset", ()) is None  # nothing earlier than received
