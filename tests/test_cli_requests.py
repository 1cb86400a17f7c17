"""``catalogue request``: every command, its JSON, and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from request_helpers import END, START


def _new(invoke: Any, *extra: str) -> dict[str, Any]:
    result = invoke("request", "new", "--body", "Kenya Police Service", "--country", "Kenya",
                    "--discipline", "leadership", "--start", START.isoformat(), "--end",
                    END.isoformat(), "--by", "alice", "--json", *extra)
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def _advance(invoke: Any, request_id: int, *extra: str) -> Any:
    return invoke("request", "advance", str(request_id), "--by", "bob", *extra)


def _record_osja(invoke: Any, request_id: int, level: str = "head-of-department",
                 *extra: str) -> Any:
    """Record an OSJA assessment version through the CLI, answering every prompt."""
    shown = json.loads(invoke("osja", "show", str(request_id), "--json").output)
    answers = [a for p in shown["prompts"] for a in ("--answer", f"{p['id']}=unclear")]
    return invoke("osja", "record", str(request_id), "--author", "A. Assessor",
                  "--stage1-ref", "BHC 2026/1", "--stage1-date", date.today().isoformat(),
                  "--serious-risk", "no", "--ihl", "does-not-apply", "--consulted",
                  f"BHC political section, {date.today().isoformat()}", "--level", level,
                  "--level-reason", "as assessed", "--by", "carol", *answers, *extra)


def test_new_show_and_list(invoke) -> None:  # type: ignore[no-untyped-def]
    created = _new(invoke, "--cohort", "20", "--audience", "inspector")
    assert (created["state"], created["created_by"], created["cohort"]) == ("received", "alice", 20)
    text = invoke("request", "new", "--body", "Punjab Police", "--country", "PK",
                  "--discipline", "counter-terrorism")
    assert text.exit_code == 0 and "Logged request 2" in text.output
    show = invoke("request", "show", str(created["id"]))
    assert show.exit_code == 0
    assert "Kenya Police Service" in show.output and "Approvals:" in show.output
    assert "Next step: scoping" in show.output
    data = json.loads(invoke("request", "show", "2", "--json").output)
    assert data["assessment"]["suggested_minimum"]["level"] == "minister"
    assert data["assessment"]["suggested_minimum"]["label"] == "local practice"
    assert data["required_approver"]["id"] == "minister"
    assert "suggested minimum (local practice)" in data["required_approver"]["from"]
    assert data["osja"]["state"] == "none"
    listed = invoke("request", "list")
    assert listed.exit_code == 0 and "Showing 1-2 of 2" in listed.output
    rows = json.loads(invoke("request", "list", "--country", "Pakistan", "--json").output)
    assert [r["id"] for r in rows] == [2]
    rows = json.loads(invoke("request", "list", "--region", "Africa", "--json").output)
    assert [r["id"] for r in rows] == [1]
    table = list(csv.DictReader(io.StringIO(invoke("request", "list", "--csv").output)))
    assert {r["id"] for r in table} == {"1", "2"}


def test_list_paging_and_filters(invoke) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        _new(invoke)
    page = invoke("request", "list", "--limit", "2")
    assert "Showing 1-2 of 3; next page: --offset 2" in page.output
    rest = json.loads(invoke("request", "list", "--limit", "2", "--offset", "2", "--json").output)
    assert len(rest) == 1
    assert json.loads(invoke("request", "list", "--older-than", "1", "--json").output) == []
    assert len(json.loads(invoke("request", "list", "--newer-than", "1", "--json").output)) == 3
    assert json.loads(invoke("request", "list", "--state", "scoping", "--json").output) == []
    empty = invoke("request", "list", "--state", "declined")
    assert empty.exit_code == 0 and "No requests match." in empty.output


def _course_started(db: Path, request_id: int) -> None:
    """Time passes: the course's dates move to yesterday and the week after (as stored)."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE requests SET start = ?, \"end\" = ? WHERE id = ?",
                      ((date.today() - timedelta(days=1)).isoformat(),
                       (date.today() + timedelta(days=6)).isoformat(), request_id))
    conn.close()


def test_full_walk_through_the_workflow(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke, "--delivered-by", "serving-officers")["id"]
    assert _advance(invoke, rid).exit_code == 0
    assert "now ipab-submitted" in _advance(invoke, rid, "--ref", "IPAB-1").output
    assert _advance(invoke, rid, "--to", "jiph-approved", "--ref", "JIPH-2").exit_code == 0
    assert _advance(invoke, rid).exit_code == 5  # no OSJA assessment recorded
    assert _record_osja(invoke, rid).exit_code == 0
    assert _advance(invoke, rid).exit_code == 0
    assert _advance(invoke, rid).exit_code == 0
    refused = _advance(invoke, rid, "--authoriser", "H. Dept", "--level", "head-of-department")
    assert refused.exit_code == 5
    assert "s.26 approval and Home Office consent" in refused.output
    moved = _advance(invoke, rid, "--authoriser", "H. Dept", "--level", "head-of-department",
                     "--s26-ref", "PCC/1", "--json")
    assert json.loads(moved.output)["state"] == "authorised"
    assert _advance(invoke, rid).exit_code == 0  # scheduled
    early = _advance(invoke, rid)
    assert early.exit_code == 5
    assert f"the course has not started: it starts on {START.isoformat()}" in early.output
    _course_started(db_path, rid)
    assert _advance(invoke, rid).exit_code == 0
    show = invoke("request", "show", str(rid))
    assert "Finished: delivered" in show.output and "[x] Authorised  (by H. Dept" in show.output
    history = json.loads(invoke("request", "history", str(rid), "--json").output)
    assert [e["to_state"] for e in history] == [
        "received", "scoping", "ipab-submitted", "jiph-approved", "jiph-approved",
        "osja-assessed", "embassy-consulted", "authorised", "scheduled", "delivered"]
    assert history[4]["action"] == "osja-recorded" and history[4]["details"]["version"] == 1
    assert history[0]["by"] == "alice" and history[-1]["by"] == "bob"
    assert history[2]["details"] == {"ipab_reference": "IPAB-1"}
    finished = invoke("request", "decline", str(rid), "--reason", "late")
    assert finished.exit_code == 5 and "finished request cannot change" in finished.output


def test_refusal_message_names_what_is_missing(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = json.loads(invoke("request", "new", "--body", "Punjab Police", "--country", "PK",
                            "--discipline", "counter-terrorism", "--start", START.isoformat(),
                            "--end", END.isoformat(), "--json").output)["id"]
    for _ in range(3):
        assert _advance(invoke, rid).exit_code == 0
    below = _record_osja(invoke, rid, "head-of-department")
    assert below.exit_code == 5
    assert "below the suggested minimum Minister (local practice" in below.output
    assert "record why (--below-reason)" in below.output
    assert _record_osja(invoke, rid, "minister").exit_code == 0
    for _ in range(2):
        assert _advance(invoke, rid).exit_code == 0
    result = _advance(invoke, rid, "--authoriser", "H. Dept", "--level", "head-of-department")
    assert result.exit_code == 5
    assert (f"cannot authorise request {rid}: the OSJA assessment (version 1) decided Minister;"
            " recorded authoriser is Head of department (H. Dept)") in result.output
    history = json.loads(invoke("request", "history", str(rid), "--json").output)
    assert history[-1]["to_state"] == "embassy-consulted"


def test_skipping_a_step_is_refused(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke)["id"]
    result = _advance(invoke, rid, "--to", "scheduled")
    assert result.exit_code == 5 and "steps cannot be skipped" in result.output
    stale = _advance(invoke, rid, "--from", "scoping")
    assert stale.exit_code == 5 and "changed state meanwhile (now 'received')" in stale.output


def test_edit_after_approvals_reports_the_reset(invoke) -> None:  # type: ignore[no-untyped-def]
    rid = _new(invoke)["id"]
    for _ in range(3):
        assert _advance(invoke, rid).exit_code == 0
    assert _record_osja(invoke, rid).exit_code == 0
    assert _advance(invoke, rid).exit_code == 0
    result = invoke("request", "edit", str(rid), "--country", "Uganda", "--note", "moved")
    assert result.exit_code == 0, result.output
    assert "back to scoping" in result.output and "JIPH approved" in result.output
    data = json.loads(invoke("request", "edit", str(rid), "--cohort", "12", "--json").output)
    assert data["reset_to"] is None and data["changed"] == {"cohort": [None, 12]}
    cleared = json.loads(invoke("request", "edit", str(rid), "--clear", "cohort", "--json").output)
    assert cleared["request"]["cohort"] is None
    history = invoke("request", "history", str(rid))
    assert "moved; country: KE -> UG" in history.output and "reset" in history.output
    nothing = invoke("request", "edit", str(rid))
    assert nothing.exit_code == 2 and "nothing to change" in nothing.output


def test_decline_withdraw_and_reset(invoke) -> None:  # type: ignore[no-untyped-def]
    first, second, third = (_new(invoke)["id"] for _ in range(3))
    no_reason = invoke("request", "decline", str(first))
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    declined = invoke("request", "decline", str(first), "--reason", "JIPH said no", "--signal",
                      "jiph-refused", "--json")
    assert declined.exit_code == 0
    assert json.loads(declined.output)["decline_signal"] == "decline-jiph-refused"
    bad_signal = invoke("request", "decline", str(second), "--reason", "x", "--signal", "moon")
    assert bad_signal.exit_code == 2 and "'moon' is not one of: jiph-refused" in bad_signal.output
    assert invoke("request", "withdraw", str(second), "--reason", "no funds").exit_code == 0
    for _ in range(3):
        _advance(invoke, third)
    back = invoke("request", "reset", str(third), "--to", "scoping", "--reason", "redo IPAB")
    assert back.exit_code == 0 and "now scoping" in back.output
    forward = invoke("request", "reset", str(third), "--to", "authorised", "--reason", "x")
    assert forward.exit_code == 5


@pytest.mark.parametrize(("args", "code", "message"), [
    (["request", "show", "999"], 1, "no request 999"),
    (["request", "show", "abc"], 2, "is not a valid integer"),
    (["request", "advance", "999"], 1, "no request 999"),
    (["request", "advance", "1", "--to", "banana"], 2, "Invalid value for '--to'"),
    (["request", "list", "--state", "approved"], 2, "Invalid value for '--state'"),
    (["request", "list", "--region", "Atlantis"], 2, "unknown region"),
    (["request", "new", "--country", "Kenya"], 2, "Missing option '--body'"),
    (["request", "new", "--body", "X"], 2, "--country is required"),
    (["request", "new", "--body", "X", "--country", "Kenya", "--end", "2027-02-29"], 2,
     "not a real date"),
    (["request", "history"], 2, "give a request id, or --all"),
    (["request", "history", "999"], 1, "no request 999"),
])
def test_errors_and_exit_codes(invoke, args: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    _new(invoke)
    before = invoke("request", "history", "--all", "--csv").output
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert invoke("request", "history", "--all", "--csv").output == before


def test_history_export_all_as_csv_and_json(invoke) -> None:  # type: ignore[no-untyped-def]
    first, second = _new(invoke)["id"], _new(invoke)["id"]
    _advance(invoke, first)
    rows = list(csv.DictReader(io.StringIO(invoke("request", "history", "--all").output)))
    assert [(int(r["request_id"]), r["to_state"]) for r in rows] == \
        [(first, "received"), (second, "received"), (first, "scoping")]
    assert json.loads(rows[0]["details"])["disciplines"] == ["leadership"]
    events = json.loads(invoke("request", "history", "--all", "--json").output)
    assert [e["id"] for e in events] == [int(r["id"]) for r in rows]
    one = list(csv.DictReader(io.StringIO(invoke("request", "history", str(first),
                                                 "--csv").output)))
    assert [r["to_state"] for r in one] == ["received", "scoping"]


def test_user_text_is_shown_literally(invoke) -> None:  # type: ignore[no-untyped-def]
    created = invoke("request", "new", "--body", "Evil \x1b[31mred\x1b[0m Force", "--country",
                     "Kenya", "--notes", "[bold]not bold[/bold]")
    assert created.exit_code == 0
    shown = invoke("request", "show", "1")
    assert "\x1b" not in shown.output and "\\x1b[31mred" in shown.output
    assert "[bold]not bold[/bold]" in shown.output
    assert "\x1b" not in invoke("request", "list").output


def test_by_defaults_to_the_login_name(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "liaison.officer")
    created = invoke("request", "new", "--body", "B", "--country", "Kenya", "--json")
    assert json.loads(created.output)["created_by"] == "liaison.officer"

    def no_user() -> str:
        raise OSError("no passwd entry")

    monkeypatch.setattr(getpass, "getuser", no_user)
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.delenv("USERNAME", raising=False)
    second = invoke("request", "new", "--body", "B", "--country", "Kenya", "--json")
    assert json.loads(second.output)["created_by"] == "unknown"


def test_history_shows_a_long_note_whole_wrapped_in_its_column(invoke, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")  # the terminal's width
    rid = _new(invoke)["id"]
    note = ("Call with the force's training lead: newly promoted inspectors in Nairobi and "
            "Mombasa, a follow-up visit after six months, interpreters not needed. END-OF-NOTE")
    assert _advance(invoke, rid, "--to", "scoping", "--note", note).exit_code == 0
    out = invoke("request", "history", str(rid)).stdout
    lines = out.splitlines()
    column = lines[0].index("Note")
    shown = " ".join(line[column:].strip() for line in lines[3:] if line[column:].strip())
    assert shown == note  # every word, in order, nothing cut
    assert "…" not in out and all(len(line) <= 120 for line in lines)
