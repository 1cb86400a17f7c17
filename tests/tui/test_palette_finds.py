"""The command palette finds what the README says it does: misspelt countries and requests."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.widgets import OptionList

from catalogue.core.requests.register import create_request
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.screens.explorer import ExplorerScreen
from tui.helpers import SIZE, ready, settle, type_text, wait_for


def shown(app: Any) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(getattr(options.get_option_at_index(i).prompt, "plain",
                        options.get_option_at_index(i).prompt))
            for i in range(options.option_count)]


async def palette(pilot: Any, text: str) -> list[str]:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
    await type_text(pilot, text)
    await pilot.pause(0.5)
    await settle(pilot)
    return shown(pilot.app)


async def test_a_misspelt_country_is_found_and_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        hits = await palette(pilot, "kenia")
        assert any(hit.startswith("Kenya (KE)") for hit in hits), hits
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen)
                       and app.screen.detail_key == ("country", "KE"), what="Kenya")


async def test_requests_are_found_by_their_country(make_app, store: Store) -> None:
    request = create_request(store, "Royal Police", build_scope(store, "Saudi Arabia"),
                             by="tester")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        hits = await palette(pilot, "saudi")
        wanted = f"Request {request.id}: Royal Police"
        assert any(hit.startswith(wanted) for hit in hits), hits
        index = next(i for i, hit in enumerate(hits) if hit.startswith(wanted))
        assert index < 3, hits  # among the first hits shown, not below every module
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and app.screen.detail is not None
                       and app.screen.detail["request"]["id"] == request.id, what="request")
