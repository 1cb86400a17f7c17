"""Who did what, in the app: the board's request card says who received a request (the OS
login or signed-in user, with the name typed then as "on behalf of"), and the roster's
trainer card lists the latest changes the same way."""

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


async def test_a_trainer_added_in_the_app_is_on_the_trail_under_the_login(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    """The app's "by" (the settings' user) is who the change was made on behalf of; the
    trail records the OS login, and the roster card's Changes shows both."""
    from catalogue.core.trainers.audit import trainer_history
    from catalogue.tui.dialogs.trainer_forms import NewTrainerDialog
    from catalogue.tui.screens.roster import RosterScreen
    from tui.helpers import settle, type_text, wait_for

    app = make_app(user="A. Jones")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, RosterScreen), what="roster")
        await settle(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewTrainerDialog), what="dialog")
        await type_text(pilot, "C. Mensah")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RosterScreen)
                       and app.screen.detail is not None, what="new trainer")
        card = str(app.screen.query_one("#trainer-body", Static).render())
        ident = app.screen.detail.trainer.id
    [event] = trainer_history(store, ident)
    assert (event.login, event.by) == (os_login(), "A. Jones")
    changes = card.split("Changes", 1)[1]
    assert f"{os_login()} on behalf of A. Jones added" in changes
