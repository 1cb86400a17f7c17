"""The board on a busy register: after a step, the request just changed stays on show."""

from __future__ import annotations

from textual.widgets import Input

from catalogue.core.requests.register import get_request
from catalogue.core.store import Store
from catalogue.tui.dialogs.steps import AdvanceDialog
from catalogue.tui.screens.board import BoardScreen
from request_helpers import new_request
from tui.helpers import SIZE, ready, show_request, wait_for


async def test_the_advanced_request_stays_on_show_when_it_leaves_a_list_of_several(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    first, mine, last = (new_request(store).id for _ in range(3))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, mine)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog")
        assert app.screen.query_one("#by", Input).value
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and board.detail["request"]["state"] == "scoping", what="scoping")
        assert board.detail["request"]["id"] == mine  # not the list's first row
        # The next step acts on the same request, not on a neighbour left in the list.
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AdvanceDialog), what="dialog 2")
        assert app.screen.request["id"] == mine
    assert get_request(store, mine).state == "scoping"
    assert {get_request(store, rid).state for rid in (first, last)} == {"received"}
