"""Pilot tests for undo / redo of every outline edit and for the warnings' fixes."""

from __future__ import annotations

from typing import Any

from catalogue.core.module_search import ModuleQuery, find_modules
from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from catalogue.tui.dialogs.prompt import PromptDialog
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, record_notices, settle, wait_for
from tui.test_builder_picker import burst


def state(store: Store, programme_id: int) -> list[tuple[str, float | None]]:
    return [(e.module_id, e.hours) for e in get_programme(store, programme_id).modules]


async def open_programme(pilot: Any, programme_id: int) -> BuilderScreen:
    app = pilot.app
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None
                   and app.screen.outline["programme"]["id"] == programme_id, what="outline")
    return app.screen


async def quiet(pilot: Any) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.keys_pending == 0 and not app.screen.workers,
                   timeout=20, what="quiet")
    await settle(pilot)


async def test_undo_and_redo_every_kind_of_edit(make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Undo", "country": "Kenya"})
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_programme(pilot, programme_id)
        states = [state(store, programme_id)]
        await pilot.press("a", *"jesip", "enter")  # add
        await quiet(pilot)
        await pilot.press("a", *"prevent", "enter")
        await quiet(pilot)
        states.append(state(store, programme_id))
        await pilot.press("shift+up")  # move
        await quiet(pilot)
        states.append(state(store, programme_id))
        await pilot.press("h")  # hours
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog), what="prompt")
        await pilot.press("4", "enter")
        await quiet(pilot)
        states.append(state(store, programme_id))
        await pilot.press("d")  # remove
        await quiet(pilot)
        states.append(state(store, programme_id))
        assert [len(s) for s in states] == [0, 2, 2, 2, 1]
        assert states[3] == [("ct-prevent", 4.0), ("cmd-multi-agency-jesip", None)]
        # Undo back to the empty programme, typed ahead in one burst.
        burst(app, ["ctrl+z"] * 5)
        await quiet(pilot)
        assert state(store, programme_id) == []
        assert notices[-1].startswith("Undone: added")
        burst(app, ["ctrl+y"] * 5)
        await quiet(pilot)
        assert state(store, programme_id) == states[-1]
        assert screen.outline is not None and len(screen.outline["modules"]) == 1
        assert notices[-1].startswith("Redone: removed")


async def test_history_is_kept_per_programme(make_app, store: Store) -> None:
    first = create_programme(store, {"title": "First", "country": "Kenya"})
    second = create_programme(store, {"title": "Second", "country": "Ghana"})
    add_modules(store, second, ["ct-prevent"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_programme(pilot, first)
        await pilot.press("a", *"jesip", "enter")
        await quiet(pilot)
        await open_programme(pilot, second)
        assert screen.check_action("undo", ()) is None  # shown, but nothing to undo here
        await pilot.press("ctrl+z")
        await quiet(pilot)
        assert state(store, second) == [("ct-prevent", None)]
        await open_programme(pilot, first)
        await pilot.press("ctrl+z")
        await quiet(pilot)
        assert state(store, first) == []


async def test_f_fixes_a_missing_prerequisite_and_an_order_and_says_what(make_app,
                                                                        store: Store) -> None:
    programme_id = create_programme(store, {"title": "Fixes", "country": "Kenya"})
    add_modules(store, programme_id, ["cmd-decision-logs", "cmd-public-order-command",
                                      "cmd-gold-silver-bronze"])
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_programme(pilot, programme_id)
        kinds = {w["kind"] for w in screen.outline["warnings"]}
        assert {"prerequisite-missing", "prerequisite-order"} <= kinds
        side = str(screen.query_one("#side-body").visual)
        assert "→ fix: add The National Decision Model before" in side
        await pilot.press("f")  # the highlighted (first) module's: add its prerequisite
        await quiet(pilot)
        assert [m for m, _ in state(store, programme_id)][:2] == [
            "cmd-national-decision-model", "cmd-decision-logs"]
        assert notices[-1].startswith("Add The National Decision Model before Decision logs")
        # Gold, Silver and Bronze (position 4) comes after Public-order command, which
        # builds on it: highlight Public-order command and fix.
        await pilot.press("down", "down", "f")
        await quiet(pilot)
        assert [m for m, _ in state(store, programme_id)] == [
            "cmd-national-decision-model", "cmd-decision-logs", "cmd-gold-silver-bronze",
            "cmd-public-order-command"]
        assert notices[-1].startswith("Move Gold, Silver and Bronze command to just before")
        assert not [w for w in screen.outline["warnings"] if w["kind"].startswith("prereq")]
        await pilot.press("ctrl+z")  # a fix is undone like any edit
        await quiet(pilot)
        assert [m for m, _ in state(store, programme_id)][2:] == [
            "cmd-public-order-command", "cmd-gold-silver-bronze"]


async def test_an_uncovered_principle_offers_the_modules_that_cover_it(make_app,
                                                                       store: Store) -> None:
    programme_id = create_programme(store, {"title": "Principles", "country": "Kenya",
                                            "audience_level": "sergeant"})
    add_modules(store, programme_id, ["cyb-legal-frameworks"])  # no gender equality
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_programme(pilot, programme_id)
        assert any(w["kind"] == "principle-missing" for w in screen.outline["warnings"])
        # The only module has no fix of its own, so f takes the first warning's.
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ModulePickerDialog), what="picker")
        picker = app.screen
        offered = [m.id for m in find_modules(store, ModuleQuery(
            level="sergeant", principle="gender-equality")) if m.id != "cyb-legal-frameworks"]
        await wait_for(pilot, lambda: [i for i in picker.shown if i not in picker.already]
                       == offered, what="suggestions")
        assert "gender equality" in str(picker.query_one(".dialog-title").visual).lower()
        await pilot.press("down", "space", "space", "enter")
        await quiet(pilot)
        assert [m for m, _ in state(store, programme_id)] == ["cyb-legal-frameworks",
                                                              *offered[:2]]


async def test_undo_redo_and_mark_keys_can_be_remapped(make_app, store: Store) -> None:
    """Keys by binding id from config.toml's [keymap]: undo on F5, redo on F6, mark on m."""
    programme_id = create_programme(store, {"title": "Keys", "country": "Kenya"})
    app = make_app(keymap={"builder.undo": "f5", "builder.redo": "f6", "picker.mark": "m"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_programme(pilot, programme_id)
        await pilot.press("a", *"terror", "down", "m", "m", "enter")
        await quiet(pilot)
        assert [m for m, _ in state(store, programme_id)] == ["ct-contest-four-ps",
                                                              "ct-terrorism-law"]
        await pilot.press("f5")
        await quiet(pilot)
        assert state(store, programme_id) == []
        await pilot.press("f6")
        await quiet(pilot)
        assert len(state(store, programme_id)) == 2
