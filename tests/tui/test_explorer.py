"""Pilot tests for the explorer: filters, search, sorting, paging, the detail pane."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input, OptionList, Static

from catalogue.core.countries import CountryFilter, count_countries
from catalogue.core.store import Store
from catalogue.tui.dialogs.choose import ChooseDialog
from catalogue.tui.screens.explorer import ExplorerScreen
from catalogue.tui.widgets.chips import ChipButton
from catalogue.tui.widgets.discipline_tree import DisciplineTree, TreeItem
from catalogue.tui.widgets.paged_table import PagedTable
from tui.helpers import SIZE, ready, settle, type_text, wait_for


def _explorer(app: Any) -> ExplorerScreen:
    assert isinstance(app.screen, ExplorerScreen)
    return app.screen


def _table(app: Any) -> PagedTable:
    return app.screen.query_one("#countries", PagedTable)


def _names(app: Any) -> list[str]:
    return [r["name"] for r in _table(app).rows_shown]


def _detail(app: Any) -> str:
    body = app.screen.query_one("#detail-body", Static)
    visual = body.visual
    return str(getattr(visual, "plain", visual))


def _chips(app: Any) -> list[str]:
    return [b.label.plain if isinstance(b.label, Text) else str(b.label)
            for b in app.screen.query(ChipButton)]


async def test_home_screen_lists_assisted_countries_with_a_card(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.ready_seconds is not None
        table = _table(app)
        assert table.row_total == count_countries(store, CountryFilter()) == len(_names(app))
        assert _names(app)[0] == "Afghanistan"
        assert "Islamic Republic of Afghanistan" in _detail(app)
        assert "IPAB" in _detail(app)
        assert app.screen.query_one(DisciplineTree).root.children


async def test_filter_by_region_with_counts_then_remove_the_chip(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseDialog)
        options = dialog.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt)
                  for i in range(options.option_count)]
        africa = count_countries(store, CountryFilter(region="Africa"))
        assert any("Africa" in label and str(africa) in label for label in labels)
        index = next(i for i, label in enumerate(labels) if "Africa" in label)
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert len(_names(app)) == africa
        assert {r["region"] for r in _table(app).rows_shown} == {"Africa"}
        assert any("Region" in chip and "Africa" in chip for chip in _chips(app))

        region_chip = next(b for b in app.screen.query(ChipButton) if b.chip.key == "region")
        await pilot.click(region_chip)
        await settle(pilot)
        assert len(_names(app)) == count_countries(store, CountryFilter())
        assert not any("Region" in chip for chip in _chips(app))


async def test_filters_combine(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = _explorer(app)
        screen.flt.region = "Asia"
        screen.flt.area = "Middle East and North Africa"
        screen._filters_changed()
        await settle(pilot)
        expected = count_countries(store, CountryFilter(region="Asia",
                                                        area="Middle East and North Africa"))
        assert 0 < len(_names(app)) == expected
        await pilot.press("a")  # all countries, not only those assisted
        await settle(pilot)
        wider = count_countries(store, CountryFilter(region="Asia", assisted_only=False,
                                                     area="Middle East and North Africa"))
        assert len(_names(app)) == wider > expected
        await pilot.press("x")
        await settle(pilot)
        assert _table(app).row_total == count_countries(store, CountryFilter(assisted_only=False))


async def test_search_as_you_type_with_alias_code_and_misspelling(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "UAE")
        await wait_for(pilot, lambda: _names(app) == ["United Arab Emirates"], what="UAE")
        app.focused.value = ""
        await type_text(pilot, "Kenia")
        await wait_for(pilot, lambda: _names(app) == ["Kenya"], what="Kenia")
        assert "closest" in str(_table(app).border_title)
        assert any(chip.endswith("Kenia ✕") for chip in _chips(app))
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is _table(app)
        assert "Republic of Kenya" in _detail(app)


async def test_markup_typed_in_search_is_shown_literally(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await type_text(pilot, "[b]")
        await pilot.pause(0.2)
        await settle(pilot)
        assert any(chip == "Search: [b] ✕" for chip in _chips(app)), _chips(app)
        for text in ("[bold]", "[/]", "[link=x]zz"):
            app.focused.value = text
            await pilot.pause(0.2)
            await settle(pilot)
            assert any(chip == f"Search: {text} ✕" for chip in _chips(app)), _chips(app)
        assert app.is_running


async def test_unknown_country_search_shows_nothing_and_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await type_text(pilot, "qqqxzv")
        await wait_for(pilot, lambda: _names(app) == [], what="empty table")
        assert "No country matches" in _detail(app)


async def test_sort_by_header_click_and_reverse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = _table(app)
        # Click the "ISO" heading (the second column) with the mouse.
        first = table.column_width(table.shown_columns[0].key)
        await pilot.click(table, offset=(1 + first + 2, 1))  # inside the border
        await settle(pilot)
        codes = [r["code"] for r in table.rows_shown]
        assert codes == sorted(codes)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog)
        await pilot.press("enter")  # the current column again: reverse
        await settle(pilot)
        codes = [r["code"] for r in _table(app).rows_shown]
        assert codes == sorted(codes, reverse=True)
        assert "▼" in str(_table(app).border_subtitle)


async def test_pages_never_hold_more_than_one_page(make_app, store: Store) -> None:
    app = make_app(page_size=50)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")  # every country: 251 rows, 6 pages
        await settle(pilot)
        table = _table(app)
        total = count_countries(store, CountryFilter(assisted_only=False))
        assert table.row_total == total and len(table.rows_shown) == 50
        first_page = _names(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert table.row_offset == 50 and len(table.rows_shown) == 50
        assert not set(first_page) & set(_names(app))
        assert "page 2/" in str(table.border_subtitle)
        await pilot.press("up")  # past the first row: back to the previous page, at its end
        await settle(pilot)
        assert table.row_offset == 0 and table.cursor_row == 49


async def test_disciplines_expand_to_modules_and_show_them(make_app, store: Store) -> None:
    from catalogue.core.programmes.changes import add_modules, create_programme

    programme_id = create_programme(store, {"title": "Gold command", "country": "Ghana"})
    add_modules(store, programme_id, ["cmd-gold-silver-bronze"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = _explorer(app)
        tree = screen.query_one(DisciplineTree)
        discipline = tree.root.children[1]
        assert discipline.data is not None and discipline.children
        module = discipline.children[0]
        assert module.data is not None
        screen.show_item("module", module.data.id)
        await settle(pilot)
        assert screen.detail_key == ("module", module.data.id)
        assert "Outcomes" in _detail(app)
        screen.show_item("discipline", discipline.data.id)
        await settle(pilot)
        assert tree.cursor_node is not None and tree.cursor_node.data == \
            TreeItem("discipline", discipline.data.id)
        assert "Modules" in _detail(app)
        assert "Ghana" not in _detail(app)  # investigation: no programme or request yet

        screen.show_item("discipline", "command")
        await settle(pilot)
        assert "Countries with programmes or requests in it" in _detail(app)
        assert "Ghana" in _detail(app) and "GH · 1 programme · 0 requests" in _detail(app)


async def test_the_european_union_is_reached_through_the_region_filter(make_app,
                                                                       store: Store) -> None:
    """Entries in no UN region (the EU) have their own choice in the region filter."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseDialog)
        options = dialog.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt)
                  for i in range(options.option_count)]
        index = next(i for i, label in enumerate(labels) if "(no UN region)" in label)
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert "European Union" in _names(app)
        assert {r["region"] for r in _table(app).rows_shown} == {None}
        assert len(_names(app)) == count_countries(store, CountryFilter(region="(no UN region)"))


async def test_the_not_public_marker_is_explained_where_it_is_shown(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(DisciplineTree)
        marked = [str(node.label) for node in tree.root.children if "◆" in str(node.label)]
        assert marked  # some disciplines are restricted or confidential
        pane = app.screen.query_one("#disciplines-pane")
        assert "◆ not public" in str(pane.border_subtitle)
        # and the legend is on screen, not cut away, at 80 columns
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "◆ not public" in screen


async def test_the_app_and_the_cli_list_countries_in_the_same_order(make_app, invoke) -> None:
    """One core sort: the explorer's first list and ``catalogue countries`` agree, row for row,
    for the countries assisted and for every country."""
    import json

    app = make_app(page_size=500)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        shown_assisted = [r["code"] for r in _table(app).rows_shown]
        await pilot.press("a")  # every country and territory
        await settle(pilot)
        shown_all = [r["code"] for r in _table(app).rows_shown]
    cli_assisted = [r["code"] for r in json.loads(invoke("countries", "--json").stdout)]
    cli_all = [r["code"] for r in json.loads(invoke("countries", "--all", "--json").stdout)]
    assert shown_assisted == cli_assisted
    assert len(shown_all) > len(shown_assisted)
    assert shown_all == cli_all


async def test_at_80x24_the_keyboard_reaches_the_card_and_z_zooms_it_to_read_its_lower_sections(
        make_app) -> None:
    """At 80x24 the detail pane shows a few lines of a long card: Tab from the table reaches it,
    `z` fills the screen with it (Textual's scroll containers refuse to be maximized, so `z`
    used to do nothing there), End reaches the card's last section, Esc restores the layout."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: "Listed as" in _detail(app))
        detail = app.screen.query_one("#detail")
        assert app.focused is _table(app)
        await pilot.press("tab")
        assert app.focused is detail
        small = detail.size.height
        assert detail.max_scroll_y > 0  # the card does not fit
        await pilot.press("z")
        await settle(pilot)
        assert app.screen.maximized is detail
        assert detail.size.height > 2 * small
        await pilot.press("end")
        await settle(pilot)
        assert detail.scroll_y == detail.max_scroll_y
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None


async def test_every_filter_chip_and_its_cross_is_on_screen(make_app) -> None:
    """Three region levels, the assisted filter and a search: at 140 and at 80 columns the
    chips flow onto more lines, each whole (its ✕ inside the screen)."""
    from catalogue.tui.widgets.chips import FilterChips

    for size in (SIZE, (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            screen = app.screen
            screen.flt.region = "Africa"  # type: ignore[attr-defined]
            screen.flt.subregion = "Sub-Saharan Africa"  # type: ignore[attr-defined]
            screen.flt.intermediate = "Eastern Africa"  # type: ignore[attr-defined]
            screen._filters_changed()  # type: ignore[attr-defined]
            await settle(pilot)
            await wait_for(pilot, lambda: len(_chips(app)) == 4, what="four chips")  # noqa: B023
            await settle(pilot)
            line = screen.query_one(FilterChips).region
            assert line.height >= 2, size  # flowed onto a second line
            shot = " ".join(app.export_screenshot().replace("&#160;", " ").split())
            for button in screen.query(ChipButton):
                region = button.region
                assert region.width > 0 and region.right <= min(line.right, size[0]), size
                assert region.bottom <= line.bottom
            for chip in _chips(app):
                assert chip.endswith(" ✕")
                assert chip.split(": ")[1].replace(" ✕", "") in shot, (size, chip)
