"""Pilot tests: a programme field's refused text gives way to the stored value (nothing was
stored), the line under the form says what was refused (the latest refusal only); other
fields' edits still land, in order, and keys typed meanwhile are kept."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, record_notices, settle, type_text, wait_for


async def _open(pilot: Any, programme_id: int) -> BuilderScreen:
    app = pilot.app
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None, what="outline")
    screen = app.screen
    assert isinstance(screen, BuilderScreen)
    return screen


def _refusal(screen: BuilderScreen) -> str:
    line = screen.query_one("#form-refusal", Static)
    visual = line.visual
    return str(getattr(visual, "plain", visual)) if line.has_class("-shown") else ""


async def test_a_refused_date_gives_way_to_the_stored_one(make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Dates", "country": "Kenya",
                                            "start_date": "2027-03-01"})
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _open(pilot, programme_id)
        start = screen.query_one("#start_date", Input)
        start.focus()
        start.value = ""
        await type_text(pilot, "2027-02-30")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "not a real date" in _refusal(screen), what="refusal")
        assert any("not a real date" in n for n in notices)
        assert start.value == "2027-03-01"  # the stored value is back: nothing was stored
        assert "'2027-02-30'" in _refusal(screen) and "Starts" in _refusal(screen)
        assert app.focused is start
        assert get_programme(store, programme_id).start_date == "2027-03-01"

        # A later refusal in another field replaces the line (the latest only).
        cohort = screen.query_one("#cohort_size", Input)
        cohort.focus()
        await type_text(pilot, "0")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Cohort" in _refusal(screen), what="the cohort refusal")
        assert "not a real date" not in _refusal(screen)
        assert cohort.value == ""

        # Saving the refused field clears the line.
        cohort.value = "12"
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.outline is not None and
                       screen.outline["programme"]["cohort_size"] == 12, what="saved")
        await settle(pilot)
        assert _refusal(screen) == "" and cohort.value == "12"


async def test_edits_queued_after_a_refusal_land_and_undo_is_untouched(make_app,
                                                                       store: Store) -> None:
    programme_id = create_programme(store, {"title": "Queue", "country": "Kenya"})
    add_modules(store, programme_id, ["cmd-decision-logs"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _open(pilot, programme_id)
        await pilot.press("a")  # an outline edit Ctrl+Z can undo
        await settle(pilot)
        app.screen.focused.value = "national decision"
        await pilot.pause(0.2)
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 2, what="added")

        start = screen.query_one("#start_date", Input)
        cohort = screen.query_one("#cohort_size", Input)
        start.focus()
        await type_text(pilot, "next week")
        # Tab offers the text; the next Tab (past the audience) and the cohort typed are
        # keys the user sends while the date is being checked.
        await pilot.press("tab", "tab")
        await type_text(pilot, "12")
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        programme = get_programme(store, programme_id)
        assert programme.cohort_size == 12 and programme.start_date is None
        assert start.value == ""  # refused: the stored (empty) value is back
        assert cohort.value == "12"  # typed while the date was checked: landed
        assert app.focused is cohort
        assert "'next week'" in _refusal(screen)

        screen.query_one("#modules").focus()
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 1, what="undone")
        assert start.value == "" and cohort.value == "12"
        assert get_programme(store, programme_id).cohort_size == 12
