"""The board's state counts follow every reload of its list: with another session adding a
request, `t` (overdue first) or moving to another state updates the counts beside the list,
not only the refresh key."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from catalogue.core.requests.register import create_request
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.screens.board import BoardScreen
from tui.helpers import SIZE, ready, settle, wait_for


def _new(store: Store, body: str) -> int:
    return create_request(store, body, build_scope(store, "Kenya"), by="another session").id


def _received(app: Any) -> str:
    """The states pane's "Received" line, as shown."""
    options = app.screen.query_one("#states", OptionList)
    return str(options.get_option("received").prompt).strip()


async def test_overdue_first_and_another_state_refresh_the_counts(make_app,
                                                                   store: Store) -> None:
    _new(store, "Kenya Police Service")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and app.screen._counts != {}, what="board")
        assert _received(app) == "1 Received"

        _new(store, "Ghana Police Service")  # as another session on the database would
        await pilot.press("t")
        await wait_for(pilot, lambda: _received(app) == "2 Received", what="counts after t")
        assert app.screen.overdue_first

        _new(store, "Uganda Police Force")
        await pilot.press("s", "down")  # Open (all) -> Received: that state's list
        await wait_for(pilot, lambda: _received(app) == "3 Received",
                       what="counts after another state")
        await settle(pilot)
        assert app.screen.state == "received"
        assert app.screen.query_one("#states", OptionList).highlighted == 1
