"""Pilot tests for the programme builder: create, add and arrange modules, live summary, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Markdown, Select, Static

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.export import ExportDialog
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from catalogue.tui.dialogs.new_programme import NewProgrammeDialog
from catalogue.tui.screens.builder import BuilderScreen
from catalogue.tui.widgets.paged_table import PagedTable
from tui.helpers import SIZE, ready, settle, type_text, wait_for


def _side(app: Any) -> str:
    visual = app.screen.query_one("#side-body", Static).visual
    return str(getattr(visual, "plain", visual))


def _builder(app: Any) -> BuilderScreen:
    screen = app.screen
    assert isinstance(screen, BuilderScreen)
    return screen


async def _open(pilot: Any, programme_id: int) -> BuilderScreen:
    app = pilot.app
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None
                   and app.screen.outline["programme"]["id"] == programme_id, what="outline")
    return _builder(app)


async def test_create_a_programme_and_watch_totals_and_flags_change(make_app,
                                                                     store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewProgrammeDialog), what="dialog")
        app.focused.value = "Interviewing [bold] skills[/] [link=x]"
        await pilot.press("enter")  # to the country field
        await type_text(pilot, "Kenia")
        await pilot.press("enter")  # create
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None, what="new programme")
        screen = _builder(app)
        outline = screen.outline
        assert outline is not None
        assert outline["programme"]["title"] == "Interviewing [bold] skills[/] [link=x]"
        assert outline["programme"]["country"]["code"] == "KE"
        assert screen.query_one("#title", Input).value == "Interviewing [bold] skills[/] [link=x]"
        assert "0 h in 0 modules" in _side(app)
        assert "Check the FCDO travel advice for Kenya" in _side(app)

        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ModulePickerDialog), what="picker")
        app.focused.value = "interview"
        await pilot.pause(0.2)
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(screen.outline and screen.outline["modules"]),
                       what="module added")
        module = screen.outline["modules"][0]
        assert "nterview" in module["title"]
        assert f"{module['hours']:g} h in 1 module\n" in _side(app)
        assert "Costing" in _side(app) and "set the number of trainers" in _side(app)

        # Delivery in the UK: the travel-advice check goes away.
        screen.query_one("#delivery_mode", Select).value = "uk"
        await wait_for(pilot, lambda: screen.outline["programme"]["delivery_mode"] == "uk",
                       what="delivery saved")
        assert "Check the FCDO travel advice for Kenya" not in _side(app)

        # Trainers: a cost estimate appears.
        trainers = screen.query_one("#trainers", Input)
        trainers.focus()
        await type_text(pilot, "2")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.outline["costing"] is not None, what="costing")
        assert "Trainer fees" in _side(app) and "Total" in _side(app)
        markdown = screen.query_one("#preview", Markdown)
        assert "Interviewing" in markdown.source and "skills" in markdown.source
        programme = get_programme(store, outline["programme"]["id"])
        assert programme.trainers == 2 and programme.delivery_mode == "uk"


async def test_reorder_remove_and_override_hours(make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Command course", "country": "Jordan"})
    add_modules(store, programme_id, ["cmd-national-decision-model", "cmd-decision-logs"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _open(pilot, programme_id)
        table = screen.query_one("#modules", PagedTable)
        assert app.focused is table
        assert [m["id"] for m in screen.outline["modules"]] == [
            "cmd-national-decision-model", "cmd-decision-logs"]

        await pilot.press("shift+down")
        await wait_for(pilot, lambda: screen.outline["modules"][1]["id"] ==
                       "cmd-national-decision-model", what="moved")
        assert table.cursor_row == 1

        before = screen.outline["totals"]["hours"]
        await pilot.press("h")
        await settle(pilot)
        await type_text(pilot, "30")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.outline["totals"]["hours"] != before, what="hours")
        overridden = screen.outline["modules"][1]
        assert overridden["hours"] == 30 and overridden["hours_overridden"]

        await pilot.press("d")
        await wait_for(pilot, lambda: len(screen.outline["modules"]) == 1, what="removed")
        assert [e.module_id for e in get_programme(store, programme_id).modules] == [
            "cmd-decision-logs"]


async def test_export_from_the_app_says_where_the_file_went(make_app, store: Store,
                                                            tmp_path: Path) -> None:
    programme_id = create_programme(store, {"title": "Export [/] me", "country": "Kenya",
                                            "trainers": 2})
    add_modules(store, programme_id, ["cmd-national-decision-model"])
    target = tmp_path / "public.md"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _open(pilot, programme_id)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), what="export")
        dialog = app.screen
        dialog.query_one("#redact", Checkbox).value = True
        await settle(pilot)
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        done = dialog.query_one("#export-done", Static).visual
        assert str(target) in str(getattr(done, "plain", done))
        text = target.read_text(encoding="utf-8")
        assert text.split("\n")[2] == "# Training programme for Kenya"  # the public title
        assert text.startswith("**OFFICIAL - PUBLIC VERSION (REDACTED)**\n")
        assert "Trainer fees" not in text  # the public version withholds costs
        await pilot.press("ctrl+s")  # Close
        await settle(pilot)
        assert isinstance(app.screen, BuilderScreen)

        # Exporting again to the same file is refused unless overwrite is ticked.
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), what="export 2")
        dialog = app.screen
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = dialog.query_one("#dialog-error", Static).visual
        assert "already exists" in str(getattr(error, "plain", error))


async def test_a_refused_hours_value_keeps_the_dialog_open(make_app, store: Store) -> None:
    """abc, 0, -5, 1e9, nan: the hours dialog stays open with the reason and what was typed;
    a good value then saves."""
    from textual.widgets import Input, Static

    from catalogue.tui.dialogs.prompt import PromptDialog

    programme_id = create_programme(store, {"title": "Hours", "country": "Jordan"})
    add_modules(store, programme_id, ["cmd-decision-logs"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _open(pilot, programme_id)
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog), what="dialog")
        dialog = app.screen
        field = dialog.query_one("#prompt-input", Input)
        for bad, reason in (("abc", "not a number"), ("0", "out of range"),
                            ("-5", "out of range"), ("1e9", "out of range"),
                            ("nan", "not a number")):
            field.value = ""
            await type_text(pilot, bad)
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is dialog, bad
            assert field.value == bad  # what was typed is kept, to be corrected
            error = dialog.query_one("#dialog-error", Static)
            assert error.display and reason in str(error.visual), bad
        assert not screen.outline["modules"][0]["hours_overridden"]
        field.value = ""
        await type_text(pilot, "7.5")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.outline["modules"][0]["hours_overridden"],
                       what="saved")
        assert screen.outline["modules"][0]["hours"] == 7.5
