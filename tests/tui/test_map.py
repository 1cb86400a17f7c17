"""The map screen: drawn from a worker, follows the explorer, selects on Enter, redraws on resize."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from catalogue.tui.app import CatalogueApp
from catalogue.tui.screens.explorer import ExplorerScreen
from catalogue.tui.screens.map import MapScreen
from catalogue.tui.widgets.world_map import WorldMap
from tui.helpers import SIZE, ready, settle, wait_for


async def _open_map(pilot: Any) -> MapScreen:
    await ready(pilot)
    await pilot.press("f6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    await wait_for(pilot, lambda: screen.picture is not None)
    return screen


async def test_the_map_fills_its_widget_and_follows_the_explorer(
        make_app: Callable[..., CatalogueApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        await wait_for(pilot, lambda: explorer.current_country() is not None)
        selected = explorer.current_country()
        assert selected is not None
        screen = await _open_map(pilot)
        world = screen.query_one(WorldMap)
        assert screen.picture is not None
        assert (screen.picture.width, screen.picture.height) == (world.size.width,
                                                                 world.size.height)
        assert world.highlight == selected["code"]  # the explorer's selection
        assert selected["name"] in str(screen.query_one("#map-country").render())
        assert "Countries assisted" in str(screen.query_one("#map-legend").render())


async def test_arrows_move_the_highlight_and_enter_selects_in_the_explorer(
        make_app: Callable[..., CatalogueApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_map(pilot)
        world = screen.query_one(WorldMap)
        before = world.highlight
        await pilot.press("right")
        moved = world.highlight
        assert moved not in (None, before)
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        await wait_for(pilot, lambda: explorer.detail_key == ("country", moved))
        await pilot.press("down")  # the explorer's next country ...
        await settle(pilot)
        await wait_for(pilot, lambda: explorer.detail_key not in (None, ("country", moved)))
        chosen = explorer.detail_key
        assert chosen is not None
        await pilot.press("f6")  # ... is the one highlighted back on the map
        await settle(pilot)
        assert app.screen is screen and world.highlight == chosen[1]


async def test_a_click_selects_the_country_under_the_pointer(
        make_app: Callable[..., CatalogueApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_map(pilot)
        picture = screen.picture
        assert picture is not None
        x, y = picture.centres["BR"]
        await pilot.click(WorldMap, offset=(round(x), round(y)))
        await settle(pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        await wait_for(pilot, lambda: explorer.detail_key == ("country", "BR"))


async def test_shade_and_zoom_redraw_and_resizing_asks_for_a_fitting_picture(
        make_app: Callable[..., CatalogueApp]) -> None:
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_map(pilot)
        await pilot.press("s")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        options.highlighted = 1  # UN M49 region
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: screen.picture is not None
                       and screen.picture.shading.shade == "region")
        await pilot.press("r")
        await settle(pilot)
        dialog_options = app.screen.query_one(OptionList)
        ids = [dialog_options.get_option_at_index(i).id
               for i in range(dialog_options.option_count)]
        dialog_options.highlighted = ids.index("Africa")
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: screen.picture is not None
                       and screen.picture.region.name == "Africa")
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        await settle(pilot)
        world = screen.query_one(WorldMap)
        await wait_for(pilot, lambda: screen.picture is not None
                       and screen.picture.width == world.size.width == 80)
        assert screen.picture.height == world.size.height >= 8
        assert screen.picture.region.name == "Africa"


async def test_discipline_and_period_narrow_what_is_counted(
        make_app: Callable[..., CatalogueApp]) -> None:
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_map(pilot)
        await pilot.press("d")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("counter-terrorism")
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: screen.picture is not None
                       and "Counter-terrorism" in screen.picture.shading.title)
        assert screen.picture.shading.shade == "delivered"  # a count, so the delivered shade
        await pilot.press("y")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("3")
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: screen.picture is not None
                       and " since " in screen.picture.shading.title)
        assert "Programmes delivered in Counter-terrorism since" in str(
            screen.query_one("#map-legend").render())
