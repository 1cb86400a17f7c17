"""Dialog fields do what their labels say: Tab completes a country, Enter on a dropdown opens it."""

from __future__ import annotations

from textual.widgets import Input, Select

from catalogue.core.store import Store
from catalogue.tui.dialogs.new_programme import NewProgrammeDialog
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, settle, type_text, wait_for


async def _new_programme_dialog(pilot) -> NewProgrammeDialog:  # type: ignore[no-untyped-def]
    app = pilot.app
    await ready(pilot)
    await pilot.press("f3")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: isinstance(app.screen, NewProgrammeDialog), what="dialog")
    screen = app.screen
    assert isinstance(screen, NewProgrammeDialog)
    return screen


async def test_tab_completes_the_country_then_moves_on(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_programme_dialog(pilot)
        await type_text(pilot, "Tab test")
        await pilot.press("enter")  # to the country field
        await type_text(pilot, "keny")
        await pilot.press("tab")
        await settle(pilot)
        country = dialog.query_one("#country", Input)
        assert country.value == "Kenya"
        assert app.focused is country
        await pilot.press("tab")  # nothing more to complete: on to the next field
        await settle(pilot)
        assert app.focused is dialog.query_one("#mode", Select)


async def test_enter_on_a_dropdown_opens_it_and_does_not_create(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_programme_dialog(pilot)
        await type_text(pilot, "Dropdown test")
        await pilot.press("enter")
        await type_text(pilot, "Kenya")
        await pilot.press("tab")  # nothing to complete: on to the dropdown
        await settle(pilot)
        mode = dialog.query_one("#mode", Select)
        assert app.focused is mode
        await pilot.press("enter")  # opens the dropdown
        await settle(pilot)
        assert mode.expanded
        await pilot.press("down", "enter")  # chooses in it
        await settle(pilot)
        assert app.screen is dialog and not mode.expanded
        assert mode.value != "in-country"
        assert store.scalar("SELECT count(*) FROM programmes WHERE title = 'Dropdown test'") == 0
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None, what="created")
    assert store.scalar("SELECT delivery_mode FROM programmes WHERE title = 'Dropdown test'") \
        == mode.value


async def test_the_new_request_forms_own_examples_are_accepted(make_app, store: Store) -> None:
    """Every field whose placeholder gives an example ("e.g. …") accepts that example."""
    from catalogue.core.requests.register import list_requests
    from catalogue.tui.dialogs.new_request import NewRequestDialog
    from catalogue.tui.screens.board import BoardScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        await settle(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewRequestDialog), what="dialog")
        dialog = app.screen
        examples = {}
        for field in dialog.query(Input):
            placeholder = str(field.placeholder)
            # (the host country applies to European Union requests only, as its label says)
            if placeholder.startswith("e.g. ") and field.id and field.id != "host":
                examples[field.id] = placeholder.removeprefix("e.g. ")
                field.value = examples[field.id]
        assert {"audience", "disciplines", "delivered_by"} <= examples.keys()
        dialog.query_one("#country", Input).value = "Kenya"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="logged")
    [row] = list_requests(store)
    assert row["requesting_body"] == examples["body"]


async def test_enter_on_a_step_dialogs_dropdown_chooses_and_does_not_take_the_step(
        make_app, store: Store) -> None:
    from catalogue.core.requests.register import create_request, get_request
    from catalogue.core.rules.scope import build_scope
    from catalogue.tui.dialogs.steps import ExitDialog
    from tui.helpers import show_request

    request = create_request(store, "Ministry of Interior",
                             build_scope(store, "Jordan", disciplines=["command"]), by="tester")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request.id)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ExitDialog), what="dialog")
        dialog = app.screen
        await type_text(pilot, "No trainers free")
        signal = dialog.query_one("#signal", Select)
        signal.focus()
        await settle(pilot)
        await pilot.press("enter")  # opens the dropdown
        await settle(pilot)
        assert signal.expanded and app.screen is dialog
        await pilot.press("down", "enter")  # chooses in it
        await settle(pilot)
        assert app.screen is dialog and not signal.expanded
        assert signal.value is not Select.NULL
        assert get_request(store, request.id).state == "received"
        await pilot.press("enter")  # on the dropdown again: opens it, still no step
        await settle(pilot)
        assert app.screen is dialog and get_request(store, request.id).state == "received"


async def test_enter_on_the_reset_dialogs_dropdown_opens_it(make_app, store: Store) -> None:
    from catalogue.core.requests.register import get_request
    from catalogue.tui.dialogs.steps import ResetDialog
    from request_helpers import new_request, walk_to
    from tui.helpers import show_request

    request = walk_to(store, new_request(store), "ipab-submitted")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request.id)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResetDialog), what="dialog")
        dialog = app.screen
        await type_text(pilot, "dates changed")
        to = dialog.query_one("#to", Select)
        to.focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert to.expanded and app.screen is dialog
        await pilot.press("escape")  # closes the dropdown only
        await settle(pilot)
        assert app.screen is dialog and not to.expanded
        assert get_request(store, request.id).state == "ipab-submitted"


async def test_a_new_programme_can_start_from_a_template_as_in_the_cli(make_app,
                                                                       store: Store) -> None:
    from catalogue.core.programmes.queries import get_programme
    from catalogue.core.programmes.templates import template_modules

    _found, entries = template_modules(store, "command")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _new_programme_dialog(pilot)
        template = dialog.query_one("#template", Select)
        template.value = "investigation"  # offered (a value not offered raises)
        await pilot.press("enter")  # an empty title: the template gives one
        await type_text(pilot, "Kenya")
        template.value = "command"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None
                       and bool(app.screen.outline["modules"]), what="created")
        programme_id = app.screen.programme_id
    created = get_programme(store, programme_id)
    assert [m.module_id for m in created.modules] == [e.module_id for e in entries]
    assert created.title == "Command programme" and created.country == "KE"
