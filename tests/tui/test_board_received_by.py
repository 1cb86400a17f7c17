"""The board's request card says who received a request: the OS login (or signed-in user),
with the name typed when it was logged as "on behalf of"."""

from __future__ import annotations

from textual.widgets import Static

from catalogue.core.identity import os_login
from catalogue.core.store import Store
from request_helpers import new_request
from tui.helpers import SIZE, ready, show_request


async def test_the_card_shows_the_login_on_behalf_of_the_typed_name(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    made = new_request(store)  # typed "tester"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, made.id)
        card = str(board.query_one("#request-body", Static).render())
    line = next(x for x in card.splitlines() if x.startswith("Received"))
    assert line.endswith(f" by {os_login()} on behalf of tester"), line
