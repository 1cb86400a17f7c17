"""The board and OSJA: the request card shows the prompts (why, source), the suggested
minimum labelled local practice and re-assessment needed; key o opens the assessment dialog,
which records a version or shows a refusal word for word; the list marks requests to re-assess."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Input, Select, Static

from catalogue.core.osja.record import versions
from catalogue.core.osja.registers import record_incident
from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.assessment import AssessmentDialog
from catalogue.tui.widgets.paged_table import PagedTable
from request_helpers import record_osja
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for

TODAY = date.today().isoformat()


def _egypt(store: Store) -> int:
    request = create_request(store, "Egyptian National Police",
                             build_scope(store, "Egypt", disciplines=["organised-crime"]),
                             by="tester")
    for _ in range(3):
        advance(store, request.id, by="tester")
    return request.id


async def _dialog(pilot: Any, request_id: int) -> AssessmentDialog:
    app = pilot.app
    await show_request(pilot, request_id)
    assert app.screen.check_action("assess", ()) is True
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(app.screen, AssessmentDialog), what="dialog")
    dialog = app.screen
    assert isinstance(dialog, AssessmentDialog)
    return dialog


async def test_the_card_shows_prompts_facts_and_the_local_practice_suggestion(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    request_id = _egypt(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, request_id)
        card = plain(board.query_one("#request-body", Static))
        assert "no OSJA assessment recorded" in card
        assert "Suggested minimum (local practice, not OSJA policy): Minister" in card
        assert "Egypt retains the death penalty (source: Amnesty International" in card
        assert "[death-penalty] Could this assistance contribute to a death sentence" in card
        assert "why: Egypt: retains the death penalty" in card
        assert "source: OSJA guidance as quoted in written answers HL9827" in card
        assert "organisation's own wording" in card


async def test_the_dialog_records_a_version_and_shows_a_refusal(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    request_id = _egypt(store)
    app = make_app(user="j.smith")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await _dialog(pilot, request_id)
        summary = plain(dialog.query_one(".assessment-summary", Static))
        assert "Suggested minimum (local practice, not OSJA policy): Minister" in summary
        assert "Egypt retains the death penalty" in summary
        prompts = [p["id"] for p in dialog.prompts]
        assert "death-penalty" in prompts
        dialog.query_one("#stage1_ref", Input).value = "BE Cairo OSJA 2026/4"
        dialog.query_one("#stage1_date", Input).value = "2026-10-01"
        dialog.query_one("#consulted", Input).value = f"BE Cairo political section, {TODAY}"
        dialog.query_one("#level_reason", Input).value = "assurances obtained"
        dialog.query_one("#level", Select).value = "head-of-department"
        for prompt in prompts[:-1]:  # one left unanswered
            dialog.query_one(f"#answer-{prompt}", Select).value = "no"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        error = plain(dialog.query_one("#dialog-error", Static))
        assert error == f"answer every prompt: missing {prompts[-1]} " \
                        "(choose an answer for each prompt)"
        assert "--" not in error  # the app's words, not the command line's
        dialog.query_one(f"#answer-{prompts[-1]}", Select).value = "unclear"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = plain(dialog.query_one("#dialog-error", Static))
        assert error.startswith("Refused: the decided level Head of department is below the "
                                "suggested minimum Minister (local practice")
        assert versions(store, request_id) == []  # nothing saved
        dialog.query_one("#below_reason", Input).value = "written assurances of 3 May"
        dialog.query_one("#note-death-penalty", Input).value = "assurances obtained"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, AssessmentDialog),
                       what="dialog closed")
        (version,) = versions(store, request_id)
        assert (version["author"], version["decided_level"], version["below_reason"]) == \
            ("j.smith", "head-of-department", "written assurances of 3 May")
        notes = {a["question_id"]: a["note"] for a in version["answers"]}
        assert notes["death-penalty"] == "assurances obtained"
        board = app.screen
        await wait_for(pilot, lambda: "current" in plain(board.query_one("#request-body",
                                                                          Static)),
                       what="card updated")


async def test_the_board_marks_a_request_needing_reassessment(
        make_app, store: Store) -> None:  # type: ignore[no-untyped-def]
    request = create_request(store, "Kenya Police Service",
                             build_scope(store, "Kenya", disciplines=["leadership"]), by="t")
    for _ in range(3):
        advance(store, request.id, by="t")
    record_osja(store, request.id, level="head-of-department")
    advance(store, request.id, by="t")
    record_incident(store, "KE", date.today(), "protest deaths reported", by="t")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, request.id)
        table = board.query_one("#requests", PagedTable)
        await wait_for(pilot, lambda: bool(table.rows_shown), what="rows")
        (row,) = [r for r in table.rows_shown if r["id"] == request.id]
        assert row["state_label"].startswith("re-assess · ")
        card = plain(board.query_one("#request-body", Static))
        assert "re-assessment needed" in card
        assert "Serious incidents: none recorded → " in card and "protest deaths" in card
        assert "Embassy consulted" in card  # the next step, refused when authorising


def test_the_request_forms_take_a_host_country_for_eu_work(store: Store) -> None:
    from catalogue.core.errors import InvalidInputError
    from catalogue.tui.dialogs.edit_request import edit_from_form
    from catalogue.tui.dialogs.new_request import create_from_form

    form = {"body": "Europol", "country": "European Union", "disciplines": "investigation",
            "location": "in-country", "audience": "", "cohort": "", "start": "", "end": "",
            "delivered_by": "", "notes": "", "host": "Belgium"}
    request = create_from_form(store, form, by="t")
    assert (request.country, request.host_country) == ("EU", "BE")
    result = edit_from_form(store, request.id, {**form, "host": "Netherlands"}, by="t")
    assert result.request.host_country == "NL" and "host_country" in result.changed
    try:
        create_from_form(store, {**form, "country": "Kenya"}, by="t")
    except InvalidInputError as error:
        assert "a host country names the country" in str(error)
    else:
        raise AssertionError("a host for a country is refused")
