"""Pilot: the explorer's cards label sensitivity as the organisation's local scheme, with the
Government Security Classifications marking and where the level (and the liaison area) come
from."""

from __future__ import annotations

from textual.widgets import Static

from tui.helpers import SIZE, plain, ready, settle, wait_for


async def test_country_and_module_cards(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        body = app.screen.query_one("#detail-body", Static)
        await wait_for(pilot, lambda: "Area basis" in plain(body), what="the country card")
        card = plain(body)
        assert "The organisation's own grouping, a local assumption" in card
        assert "Counter-terrorism  [confidential → OFFICIAL-SENSITIVE]" in card
        assert "not Government Security Classifications" in card
        app.show_in_explorer("module", "pss-security-coordination-link")
        await wait_for(pilot, lambda: "Search within security coordination" in plain(
            app.screen.query_one("#detail-body", Static)), what="the module card")
        await settle(pilot)
        card = plain(app.screen.query_one("#detail-body", Static))
        assert "confidential (the organisation's local scheme)" in card
        assert "OFFICIAL-SENSITIVE (Government Security Classifications)" in card
        assert "draws on counter-terrorism protective-security planning" in card
