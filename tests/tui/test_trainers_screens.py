"""Pilot tests for the Trainers (roster) and Calendar screens, and the country card's
delivery history in the explorer."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select, Static

from catalogue.core.store import Store
from catalogue.core.trainers import roster
from catalogue.core.trainers.assignments import assign
from catalogue.core.trainers.audit import trainer_history
from catalogue.core.trainers.cohorts import parse_group, record_cohort
from catalogue.tui.dialogs.trainer_forms import AssignDialog, NewTrainerDialog
from catalogue.tui.screens.calendar import CalendarScreen
from catalogue.tui.screens.roster import RosterScreen
from catalogue.tui.widgets.paged_table import PagedTable
from trainer_helpers import programme, trainer
from tui.helpers import SIZE, plain, ready, settle, type_text, wait_for


def _clash(store: Store) -> tuple[int, int, int]:
    ident = trainer(store, "A. [bold]Okafor[/]")
    first = programme(store, "2027-03-01", mode="uk", title="Command course")
    second = programme(store, "2027-03-02", country="Ghana", mode="uk", title="Second")
    assign(store, ident, first, by="t")
    assign(store, ident, second, by="t")
    return ident, first, second


async def _roster(pilot, app):  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("f9")
    await wait_for(pilot, lambda: isinstance(app.screen, RosterScreen)
                   and app.screen.detail is not None, what="roster")
    return app.screen


async def test_roster_shows_the_trainer_and_warnings(make_app, store: Store) -> None:
    ident, _first, second = _clash(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _roster(pilot, app)
        table = screen.query_one("#trainers", PagedTable)
        assert [r["id"] for r in table.rows_shown] == [ident]
        body = plain(screen.query_one("#trainer-body", Static))
        assert "A. [bold]Okafor[/]" in body  # stored text shown literally
        assert "double-booking" in body and f"programme {second}" in body
        assert "accreditation-missing" in body


async def test_add_a_trainer_bad_input_keeps_the_dialog(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, RosterScreen), what="roster")
        await settle(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewTrainerDialog), what="dialog")
        dialog = app.screen
        await type_text(pilot, "C. Mensah")
        dialog.query_one("#kind", Select).value = "serving-officer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "needs their force" in plain(dialog.query_one("#dialog-error", Static))
        assert store.scalar("SELECT count(*) FROM trainers") == 0
        dialog.query_one("#force", Input).value = "Kent Police"
        dialog.query_one("#disciplines", Input).value = "command"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RosterScreen)
                       and app.screen.detail is not None, what="new trainer")
        person = app.screen.detail.trainer
        assert (person.name, person.force) == ("C. Mensah", "Kent Police")
        assert [e.action for e in trainer_history(store, person.id)] == ["added"]


async def test_assign_from_the_roster(make_app, store: Store) -> None:
    ident = trainer(store)
    pid = programme(store, "2027-03-01", mode="uk")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _roster(pilot, app)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, AssignDialog), what="dialog")
        dialog = app.screen
        await type_text(pilot, "999")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no programme 999" in plain(dialog.query_one("#dialog-error", Static))
        dialog.query_one("#programme", Input).value = str(pid)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen and screen.detail is not None
                       and bool(screen.detail.deliveries), what="assignment")
        assert screen.detail.deliveries[0].delivery.programme_id == pid
        assert store.scalar("SELECT count(*) FROM trainer_assignments WHERE trainer_id = ?",
                            (ident,)) == 1


async def test_calendar_month_clashes_grouping_and_programme(make_app, store: Store) -> None:
    ident, first, second = _clash(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, CalendarScreen)
                       and app.screen.calendar is not None, what="calendar")
        screen = app.screen
        screen.month = "2027-02"
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.calendar is not None
                       and screen.calendar.month == "2027-03", what="March")
        title = plain(screen.query_one("#month-title", Static))
        assert "March 2027" in title and "2 with clashes" in title
        grid = plain(screen.query_one("#month-grid", Static))
        assert " 2   2!" in grid  # both deliveries run on the 2nd: the clash day
        table = screen.query_one("#deliveries", PagedTable)
        assert [r["programme_id"] for r in table.rows_shown] == [first, second]
        await pilot.press("g", "g")
        assert screen.grouping == "trainer"
        assert [r["key"] for r in table.rows_shown] == [f"{ident}:{first}", f"{ident}:{second}"]
        await pilot.press("p")
        await wait_for(pilot, lambda: screen.calendar is not None
                       and screen.calendar.month == "2027-02", what="February")
        assert table.rows_shown == []
        await pilot.press("n")
        await wait_for(pilot, lambda: bool(screen.rows), what="March again")
        table.focus()
        await pilot.press("down", "enter")
        from catalogue.tui.screens.builder import BuilderScreen

        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen), what="builder")


async def test_country_card_shows_delivery_history(make_app, store: Store) -> None:
    pid = programme(store, "2026-10-05", cohort=30, title="Past course")
    record_cohort(store, pid, [parse_group("inspector:6:14:18")], by="t", attendance=90,
                  today=date(2026, 12, 1))
    roster.add_trainer(store, "Z", "staff", by="t")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.show_in_explorer("country", "KE")
        await settle(pilot)
        texts = " ".join(plain(s) for s in app.screen.query(Static))
        assert "Deliveries and results (1)" in texts
        # one wording in both faces (core.card_view)
        assert "trained 20 (6 women, 14 men), 18 completed; attendance 90%" in texts
