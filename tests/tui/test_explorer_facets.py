"""The explorer's discipline facet: counts beside each country and by region, following filters."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList, Static

from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.screens.explorer import ExplorerScreen
from catalogue.tui.widgets.paged_table import PagedTable
from request_helpers import new_request, walk_to
from tui.helpers import SIZE, ready, settle, wait_for


def _facet_line(screen: ExplorerScreen) -> str:
    return str(screen.query_one("#facet-counts", Static).render())


def _row(screen: ExplorerScreen, code: str) -> dict[str, object]:
    table = screen.query_one("#countries", PagedTable)
    return next(r for r in table.rows_shown if r["code"] == code)


async def test_choosing_a_discipline_counts_beside_each_country_and_by_region(
        make_app: Callable[..., CatalogueApp], store: Store) -> None:
    walk_to(store, new_request(store, "KE", disciplines=["counter-terrorism"]), "delivered")
    new_request(store, "KE", disciplines=["counter-terrorism", "leadership"])
    new_request(store, "GH", disciplines=[], modules=["cmd-decision-logs"])
    new_request(store, "AL", disciplines=["counter-terrorism"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        await wait_for(pilot, lambda: screen.facets is not None)
        assert "every discipline" in _facet_line(screen) and "Africa 2/1/0" in _facet_line(screen)
        assert (_row(screen, "KE")["delivered"], _row(screen, "KE")["open"]) == (1, 1)
        assert _row(screen, "GH")["open"] == 1

        await pilot.press("d")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("counter-terrorism")
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: screen.facets is not None
                       and screen.facets.discipline == "counter-terrorism")
        await wait_for(pilot, lambda: _row(screen, "GH")["open"] == 0)
        assert (_row(screen, "KE")["delivered"], _row(screen, "KE")["open"]) == (1, 1)
        line = _facet_line(screen)
        assert "Counter-terrorism" in line and "Africa 1/1/0" in line and "Europe 0/0/0" not in line
        assert "Counter-terrorism" in str(screen.query_one("#countries").border_title)

        screen.flt.region = "Europe"  # any filter: the counts follow it
        screen._filters_changed()
        await settle(pilot)
        await wait_for(pilot, lambda: "Africa" not in _facet_line(screen))
        assert "Europe 1/0/0" in _facet_line(screen)

        await pilot.press("x")  # clearing the filters clears the discipline too
        await settle(pilot)
        await wait_for(pilot, lambda: screen.facets is not None
                       and screen.facets.discipline is None)
        assert screen.discipline is None


async def test_close_matches_are_counted_as_they_are_listed(
        make_app: Callable[..., CatalogueApp], store: Store) -> None:
    """Searching "Kenia" lists Kenya (a close match) and the counts above are Kenya's."""
    new_request(store, "KE", disciplines=["leadership"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        await pilot.press("slash")
        await pilot.press(*"Kenia")
        await wait_for(pilot, lambda: [r["code"] for r in screen.query_one(
            "#countries", PagedTable).rows_shown] == ["KE"], what="the close match")
        await wait_for(pilot, lambda: "Africa 1/0/0" in _facet_line(screen), what="counts")
        assert "none for these countries" not in _facet_line(screen)
        assert _row(screen, "KE")["open"] == 1
