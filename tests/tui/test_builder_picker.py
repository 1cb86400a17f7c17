"""Pilot tests for adding many modules at once: marks, filters, standard modules, and the
keystrokes a 12-module programme takes."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Select

from catalogue.core.module_search import ModuleQuery, find_modules, standard_modules
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, record_notices, settle, wait_for

#: The 12-module counter-terrorism and public-order programme, in order.
PROGRAMME = ["cmd-national-decision-model", "cmd-decision-logs", "cmd-multi-agency-jesip",
             "cmd-gold-silver-bronze", "cmd-public-order-command", "ct-contest-four-ps",
             "ct-terrorism-law", "ct-prevent", "ct-secco-planning-threat",
             "ct-secco-hostile-vehicle", "ct-secco-crowded-places", "ct-secco-interfaces-exam"]
#: The keys that build it from the empty programme open in the builder (the report's "after").
KEYS = ["a", *"command", "down", "space", "space", "space", "space", "down", "space",
        "slash", *"terror", "down", "space", "space", "space", "down", "space", "space",
        "space", "space", "enter"]


def burst(app: Any, keys: list[str]) -> None:
    """Queue every key at once, with no pause between them."""
    for key in keys:
        character = {"space": " ", "slash": "/"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


def ids(store: Store, programme_id: int) -> list[str]:
    return [e.module_id for e in get_programme(store, programme_id).modules]


async def open_empty(pilot: Any, store: Store, **fields: str) -> tuple[int, BuilderScreen]:
    programme_id = create_programme(store, {"title": "CT and public order", "country": "Kenya",
                                            **fields})
    app = pilot.app
    await ready(pilot)
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None, what="outline")
    return programme_id, app.screen


async def open_picker(pilot: Any) -> ModulePickerDialog:
    """Press ``a`` in the builder and wait for the module picker."""
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ModulePickerDialog),
                   what="picker")
    picker: ModulePickerDialog = pilot.app.screen
    return picker


async def test_twelve_modules_typed_at_full_speed_in_33_keys(make_app, store: Store) -> None:
    """The sequence counted in the report (33 keys with the Enter that opens the programme;
    the one-at-a-time picker took 110), typed with no pause: marks land on the rows shown."""
    assert len(KEYS) + 1 <= 110 // 2
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        programme_id, screen = await open_empty(pilot, store)
        burst(app, KEYS)
        await wait_for(pilot, lambda: app.keys_pending == 0 and screen.outline is not None
                       and len(screen.outline["modules"]) == 12, timeout=60, what="12 added")
        assert app.screen is screen
    assert ids(store, programme_id) == PROGRAMME


async def test_marks_survive_a_new_search_and_enter_without_marks_adds_the_highlighted(
        make_app, store: Store) -> None:
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        programme_id, screen = await open_empty(pilot, store)
        picker = await open_picker(pilot)
        await pilot.press(*"prevent", "down", "space")
        await wait_for(pilot, lambda: list(picker.marked) == ["ct-prevent"], what="marked")
        await pilot.press("space")  # the next row: marked too; again on it: unmarked
        await pilot.press("up", "space")
        await settle(pilot)
        assert list(picker.marked) == ["ct-prevent"]
        await pilot.press("slash", *"jesip", "down", "space", "enter")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 2, what="two added")
        assert ids(store, programme_id) == ["ct-prevent", "cmd-multi-agency-jesip"]
        assert any(n.startswith("Added 2 modules") for n in notices)
        # No mark: Enter adds the highlighted one; modules already in are ticked, not offered.
        await open_picker(pilot)
        await pilot.press(*"prevent")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.screen.shown and "ct-prevent" in app.screen.already
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 3, what="third added")
        assert ids(store, programme_id)[2] != "ct-prevent"


async def test_filters_and_standard_modules(make_app, store: Store) -> None:
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        programme_id, screen = await open_empty(pilot, store)
        picker = await open_picker(pilot)
        picker.query_one("#picker-discipline", Select).value = "leadership"
        picker.query_one("#picker-level", Select).value = "sergeant"
        expected = [m.id for m in find_modules(
            store, ModuleQuery(discipline="leadership", level="sergeant"))]
        await wait_for(pilot, lambda: list(picker.shown) == expected, what="filtered")
        assert expected and all(i.startswith("ldr-") for i in expected)
        await pilot.press("down", "ctrl+s")
        standard = [m.id for m in standard_modules(store, "leadership")]
        await wait_for(pilot, lambda: list(picker.marked) == standard, what="standard marked")
        assert any("standard modules of Leadership" in n and "Local practice" in n
                   for n in notices)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == len(standard),
                       what="standard added")
    assert ids(store, programme_id) == standard


async def test_standard_modules_skip_those_already_in(make_app, store: Store) -> None:
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        programme_id, screen = await open_empty(pilot, store)
        add_modules(store, programme_id, ["ct-prevent"])
        screen.change(None)
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 1, what="reloaded")
        await open_picker(pilot)
        await pilot.press(*"terror", "down", "ctrl+s", "enter")  # the highlighted row's
        standard = [m.id for m in standard_modules(store, "counter-terrorism")]
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == len(standard),
                       what="added")
        assert any("(1 in the programme or marked already)" in n for n in notices)
    assert sorted(ids(store, programme_id)) == sorted(standard)


async def test_nothing_to_add_says_so_and_keeps_the_dialog(make_app, store: Store) -> None:
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        programme_id, _ = await open_empty(pilot, store)
        await open_picker(pilot)
        await pilot.press(*"zzqx", "enter")
        await wait_for(pilot, lambda: any("No module to add" in n for n in notices),
                       what="notice")
        assert isinstance(app.screen, ModulePickerDialog)
        await pilot.press("escape")
        await settle(pilot)
    assert ids(store, programme_id) == []


async def test_at_80x24_every_line_of_the_full_library_fits_beside_the_scrollbar(
        make_app, store: Store) -> None:
    """The unfiltered list scrolls: its lines were fitted before the scrollbar appeared, so
    the hours lost their " h" at 80 columns. Every line fits the list's width."""
    from textual.widgets import OptionList

    programme_id = create_programme(store, {"title": "Fit", "country": "Kenya"})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.open_builder(programme_id=programme_id)
        await wait_for(pilot, lambda: getattr(app.screen, "outline", None) is not None,
                       what="outline")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ModulePickerDialog)
                       and app.screen.query_one("#module-options", OptionList).option_count
                       > 20, what="the library")
        await settle(pilot)
        options = app.screen.query_one("#module-options", OptionList)
        assert options.show_vertical_scrollbar  # the whole library does not fit
        room = options.scrollable_content_region.width
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        assert all(str(getattr(p, "plain", p)).endswith(" h") for p in prompts)
        assert max(getattr(p, "cell_len", 0) for p in prompts) <= room
