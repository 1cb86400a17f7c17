"""Pilot: IPAB, JIPH, OSJA and s.26 are spelled out on first use on the explorer's country
card, the board (its states list ends with a glossary; the request card) and the step
dialog."""

from __future__ import annotations

from typing import Any

from textual.widgets import Label, OptionList, Static

from catalogue.core.abbreviations import unexplained
from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.steps import AdvanceDialog
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


async def test_the_country_card_spells_them_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        body = app.screen.query_one("#detail-body", Static)
        await wait_for(pilot, lambda: "IPAB" in plain(body), what="the country card")
        text = plain(body)
        assert "International Police Assistance Board (IPAB) form to Joint International " \
               "Policing Hub (JIPH)" in text
        assert unexplained(text) == []


async def test_board_and_step_dialog_spell_them_out(make_app, store: Store) -> None:
    request = create_request(store, "Kenya Police", build_scope(
        store, "Kenya", disciplines=["leadership"], delivered_by=["serving-officers"]), by="t")
    advance(store, request.id, by="t")  # received -> scoping: next is the IPAB step
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, request.id)
        states = board.query_one("#states", OptionList)
        listed = "\n".join(str(states.get_option_at_index(i).prompt)
                           for i in range(states.option_count))
        # The state names are too narrow to spell out: a glossary closes the list.
        glossary = listed[listed.index("IPAB International Police Assistance Board"):]
        for line in ("JIPH Joint International Policing Hub",
                     "OSJA Overseas Security and Justice Assistance",
                     "s.26 section 26 of the Police Act 1996"):
            assert line in glossary
        assert states.get_option("glossary").disabled
        card = plain(board.query_one("#request-body", Static))
        assert unexplained(card) == [], card
        assert "Section 26 of the Police Act 1996 (s.26)" in card
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog")
        await settle(pilot)
        words = "\n".join(str(label.content) for label in app.screen.query(Label))
        assert "Scoping → International Police Assistance Board (IPAB) submitted to Joint " \
               "International Policing Hub (JIPH)" in words
        assert "IPAB reference (optional)" in words
        assert unexplained(words) == [], words


def _choices(select: Any) -> list[str]:
    """The choices of a Select, read from its drop-down list (public API only)."""
    options = select.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_decline_and_reset_choices_spell_them_out(make_app, store: Store) -> None:
    from textual.widgets import Select

    from catalogue.tui.dialogs.steps import ExitDialog, ResetDialog

    request = create_request(store, "Kenya Police", build_scope(
        store, "Kenya", disciplines=["leadership"]), by="t")
    for _ in range(3):  # received -> scoping -> ipab-submitted -> jiph-approved
        advance(store, request.id, by="t")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request.id)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ExitDialog), what="decline")
        labels = _choices(app.screen.query_one("#signal", Select))
        assert any("not approved by Joint International Policing Hub (JIPH)" in label
                   for label in labels), labels
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResetDialog), what="reset")
        labels = _choices(app.screen.query_one("#to", Select))
        assert all(unexplained(label) == [] for label in labels), labels
        assert any("International Police Assistance Board (IPAB)" in label for label in labels)
