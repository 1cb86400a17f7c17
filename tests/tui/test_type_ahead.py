"""Keys typed at full speed, with no pauses, land where the user will see them, in order.

``burst`` queues every key at once, as a terminal does when keys come faster than the app
reacts (a paste, a fast typist, a slow machine): nothing waits between keys.
"""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.widgets import Input

from catalogue.core.module_search import ModuleQuery, find_modules
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, wait_for

WORDS = ["contest", "golden", "peace", "jesip", "gold", "prevent", "laundering", "mentoring",
         "disclosure", "harm", "exhibits", "span", "firearms", "mapping", "asset", "inclusive",
         "presenting", "lifetime", "hostile", "decision"]


def burst(app: Any, keys: list[str]) -> None:
    """Queue every key at once, with no pause between them."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


def first_shown(store: Store, word: str, already: list[str]) -> str:
    """The module the picker highlights for ``word``: its first not yet in the programme."""
    return next(m.id for m in find_modules(store, ModuleQuery(word)) if m.id not in already)


def module_ids(store: Store, programme_id: int) -> list[str]:
    return [m.module_id for m in get_programme(store, programme_id).modules]


async def open_in_builder(pilot: Any, programme_id: int) -> BuilderScreen:
    app = pilot.app
    await ready(pilot)
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None, what="outline")
    screen = app.screen
    assert isinstance(screen, BuilderScreen)
    return screen


async def until(pilot: Any, condition: Any, timeout: float, what: str) -> None:
    """Wait for ``condition`` (a loaded machine can take long over many keys)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def quiet_on(app: Any, screen: Any, modules: int) -> bool:
    return bool(app.keys_pending == 0 and app.screen is screen and screen.outline is not None
                and len(screen.outline["modules"]) == modules)


async def test_twenty_searches_typed_at_full_speed_add_exactly_what_was_shown(
        make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Fast hands", "country": "Kenya"})
    expected: list[str] = []
    for word in WORDS:
        expected.append(first_shown(store, word, expected))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_in_builder(pilot, programme_id)
        keys: list[str] = []
        for word in WORDS:
            keys += ["a", *word, "enter"]  # add, search, Enter: twenty times, no pause
        burst(app, keys)
        await until(pilot, lambda: quiet_on(app, screen, len(WORDS)), timeout=300,
                    what="every key handled")
    assert module_ids(store, programme_id) == expected


async def test_down_and_enter_typed_ahead_choose_from_the_list_for_the_search(
        make_app, store: Store) -> None:
    """↓ ↓ Enter right after a search picks the second row of the filtered list."""
    programme_id = create_programme(store, {"title": "Fast hands", "country": "Kenya"})
    second = [m.id for m in find_modules(store, ModuleQuery("decision"))][1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_in_builder(pilot, programme_id)
        burst(app, ["a", *"decision", "down", "down", "enter"])
        await until(pilot, lambda: quiet_on(app, screen, 1), timeout=60, what="one module")
    assert module_ids(store, programme_id) == [second]


async def test_letters_typed_while_the_picker_opens_go_to_its_search_box(
        make_app, store: Store) -> None:
    """``d`` removes a module in the builder: typed as part of a search it must not."""
    programme_id = create_programme(store, {"title": "Fast hands", "country": "Kenya"})
    add_modules(store, programme_id, ["ct-prevent", "inv-golden-hour"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_in_builder(pilot, programme_id)
        burst(app, ["a", *"dhdJK"])
        await wait_for(pilot, lambda: app.keys_pending == 0
                       and isinstance(app.screen, ModulePickerDialog), what="picker")
        assert app.screen.query_one("#module-search", Input).value == "dhdJK"
    assert module_ids(store, programme_id) == ["ct-prevent", "inv-golden-hour"]


async def test_a_removed_module_comes_back_with_ctrl_z(make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Undo", "country": "Kenya"})
    add_modules(store, programme_id, ["ct-prevent", "inv-golden-hour", "cmd-span-of-command"])
    from catalogue.core.programmes.changes import set_module

    set_module(store, programme_id, "inv-golden-hour", hours="5", notes="keep me")
    before = get_programme(store, programme_id).modules
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_in_builder(pilot, programme_id)
        burst(app, ["down", "d", "d"])  # the second and then the (new) second row
        await wait_for(pilot, lambda: quiet_on(app, screen, 1), what="two removed")
        assert module_ids(store, programme_id) == ["ct-prevent"]
        burst(app, ["ctrl+z", "ctrl+z"])
        await wait_for(pilot, lambda: quiet_on(app, screen, 3), what="both back")
    assert get_programme(store, programme_id).modules == before


async def test_a_form_typed_ahead_fills_each_field_in_turn(make_app, store: Store) -> None:
    """Enter moves to the next field through a message its dialog handles: the letters typed
    right after it go to that next field, not the end of the one left."""
    from catalogue.tui.dialogs.new_programme import NewProgrammeDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen), what="builder")
        burst(app, ["ctrl+n", *"Fast hands", "enter", *"keny", "tab"])
        await until(pilot, lambda: app.keys_pending == 0
                    and isinstance(app.screen, NewProgrammeDialog), 60, "every key")
        dialog = app.screen
        assert dialog.query_one("#title", Input).value == "Fast hands"
        assert dialog.query_one("#country", Input).value == "Kenya"
