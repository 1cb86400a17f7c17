"""Pilot tests: a programme field's refused text stays where it was typed, marked, with the
message, until a valid value is saved; other fields' edits still land, in order."""

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


async def test_a_refused_date_stays_typed_until_a_valid_one_is_saved(make_app,
                                                                     store: Store) -> None:
    programme_id = create_programme(store, {"title": "Dates", "country": "Kenya"})
    app = make_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _open(pilot, programme_id)
        start = screen.query_one("#start_date", Input)
        start.focus()
        await type_text(pilot, "2026-02-30")
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert any("not a real date" in n for n in notices)
        assert start.value == "2026-02-30"  # what was typed is still there
        assert start.has_class("-refused")
        assert "not a real date" in _refusal(screen)
        assert app.focused is start
        assert get_programme(store, programme_id).start_date is None

        # Leaving the field with the same text does not ask again, nor lose it.
        await pilot.press("tab")
        await settle(pilot)
        assert start.value == "2026-02-30" and start.has_class("-refused")

        start.focus()
        await settle(pilot)
        await pilot.press("end", *["backspace"] * 2)
        await type_text(pilot, "28")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.outline is not None and
                       screen.outline["programme"]["start_date"] == "2026-02-28", what="saved")
        await settle(pilot)
        assert start.value == "2026-02-28"
        assert not start.has_class("-refused") and _refusal(screen) == ""
        assert get_programme(store, programme_id).start_date == "2026-02-28"


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
        assert start.value == "next week" and start.has_class("-refused")
        assert cohort.value == "12" and not cohort.has_class("-refused")
        assert app.focused is cohort
        assert _refusal(screen)

        screen.query_one("#modules").focus()
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 1, what="undone")
        assert start.value == "next week"  # the reload after undo keeps the refused text
        assert get_programme(store, programme_id).cohort_size == 12
