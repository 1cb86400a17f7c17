"""The OSJA assessment record: versions never overwritten, what each holds, what is refused,
and re-assessment when a fact it relied on changes."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from catalogue.core.errors import InvalidInputError, RefusedError
from catalogue.core.osja.record import AssessmentInput, latest, record_assessment, versions
from catalogue.core.osja.registers import clear_conflict, record_incident, set_conflict
from catalogue.core.osja.view import needing_reassessment, osja_overview
from catalogue.core.requests import audit
from catalogue.core.requests.guards import StepInput
from catalogue.core.requests.register import edit_request, get_request
from catalogue.core.requests.workflow import advance, decline
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import Store, open_store
from request_helpers import new_request, record_osja, step_for, walk_to

TODAY = date.today()


def _input(store: Store, request_id: int, **changes: Any) -> AssessmentInput:
    prompts = osja_overview(store, request_id)["prompts"]
    fields: dict[str, Any] = {
        "author": "J. Smith", "assessed_on": TODAY, "stage1_reference": "BHC Nairobi 2026/3",
        "stage1_date": TODAY - timedelta(days=40), "serious_risk": "no",
        "ihl": "does-not-apply", "decided_level": "head-of-department",
        "decided_reason": "leadership course in the UK",
        "answers": {p["id"]: "no" for p in prompts}, "notes": {"serious-risk": "see annex"},
        "mitigations": "human rights module", "consulted": [("BHC political section", TODAY)]}
    fields.update(changes)
    return AssessmentInput(**fields)


def test_a_version_holds_everything_and_is_never_overwritten(store: Store) -> None:
    request = new_request(store)
    first = record_assessment(store, request.id, _input(store, request.id), by="alice")
    assert first["version"] == 1 and first["edition"] == "osja-2017"
    assert "2017-01-26" in first["edition_title"]
    assert (first["stage1_reference"], first["serious_risk"], first["ihl"]) == \
        ("BHC Nairobi 2026/3", "no", "does-not-apply")
    assert first["consulted"] == [{"who": "BHC political section", "on": TODAY.isoformat()}]
    assert first["review_on"] == (TODAY + timedelta(days=365)).isoformat()  # policy default
    assert first["suggested_level"] == "head-of-department"
    assert {a["question_id"] for a in first["answers"]} >= {"serious-risk", "stage1-situation"}
    assert first["facts"]["death_penalty"]["value"] == "abolitionist-in-practice"
    assert "Kenya" in first["facts"]["death_penalty"]["shown"]
    second = record_assessment(store, request.id, _input(
        store, request.id, decided_level="minister", decided_reason="second view"), by="bob")
    assert [v["version"] for v in versions(store, request.id)] == [1, 2]
    assert versions(store, request.id)[0]["decided_level"] == "head-of-department"
    assert latest(store, request.id) == second
    with pytest.raises(sqlite3.IntegrityError, match="never changed"), store.write() as conn:
        conn.execute("UPDATE osja_assessments SET decided_level = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"), store.write() as conn:
        conn.execute("DELETE FROM osja_answers")
    events = [e for e in audit.history(store, request.id) if e["action"] == "osja-recorded"]
    assert [(e["by"], e["details"]["version"]) for e in events] == [("alice", 1), ("bob", 2)]


@pytest.mark.parametrize(("change", "message"), [
    ({"answers": {}}, "answer every prompt: missing serious-risk"),
    ({"answers": {"nonsense": "yes"}}, "no prompt 'nonsense' applies"),
    ({"consulted": []}, "say who was consulted"),
    ({"decided_level": "king"}, "unknown approval level 'king'"),
    ({"serious_risk": "maybe"}, "serious risk 'maybe' is not one of"),
    ({"ihl": "perhaps"}, "IHL 'perhaps' is not one of"),
    ({"assessed_on": TODAY + timedelta(days=2)}, "is in the future"),
    ({"review_on": TODAY}, "must be after the assessment date"),
    ({"stage1_reference": " "}, "Stage 1 reference must not be empty"),
    ({"decided_reason": ""}, "reason for the level decided must not be empty"),
])
def test_bad_records_are_refused_and_save_nothing(store: Store, change: dict[str, Any],
                                                  message: str) -> None:
    request = new_request(store)
    with pytest.raises(InvalidInputError, match=message):
        record_assessment(store, request.id, _input(store, request.id, **change), by="a")
    assert versions(store, request.id) == []
    assert audit.count_events(store, request.id) == 1


def test_a_level_below_the_suggested_minimum_needs_its_reason(store: Store) -> None:
    request = new_request(store, "EG", disciplines=["organised-crime"])
    with pytest.raises(RefusedError, match=r"below the suggested minimum Minister \(local "
                                           r"practice: Egypt: retains the death penalty"):
        record_assessment(store, request.id, _input(store, request.id), by="a")
    done = record_assessment(store, request.id, _input(
        store, request.id, below_reason="assurances obtained from the prosecutor"), by="a")
    assert (done["decided_level"], done["suggested_level"], done["below_reason"]) == \
        ("head-of-department", "minister", "assurances obtained from the prosecutor")


def test_a_recorded_serious_risk_raises_the_suggestion_to_ministers(store: Store) -> None:
    request = new_request(store)
    with pytest.raises(RefusedError, match="Ministers oversee every project with serious risk"):
        record_assessment(store, request.id, _input(store, request.id, serious_risk="yes"),
                          by="a")
    done = record_assessment(store, request.id, _input(
        store, request.id, serious_risk="yes", decided_level="minister"), by="a")
    assert done["suggested_level"] == "minister"


def _stale_after(store: Store, request_id: int) -> dict[str, Any]:
    return osja_overview(store, request_id)["status"]


@pytest.mark.parametrize("fact", ["travel_advice", "conflict", "incidents", "sanctions",
                                  "death_penalty", "hr_priority", "scope", "review"])
def test_a_change_to_a_fact_relied_on_needs_reassessment(store: Store, fact: str) -> None:
    request = walk_to(store, new_request(store), "embassy-consulted")
    assert _stale_after(store, request.id)["state"] == "current"
    if fact == "travel_advice":
        set_advice(store, "KE", "against-all-but-essential", TODAY, by="a", part="the north")
    elif fact == "conflict":
        set_conflict(store, "KE", TODAY, by="a", part="the north-east")
    elif fact == "incidents":
        record_incident(store, "KE", TODAY, "deaths in custody reported", by="a")
    elif fact == "scope":
        edit_request(store, request.id, {"audience": ["public-order"]}, by="a")
    else:  # the dated lists are reference data: a new edition of the data file
        with store.write() as conn:
            conn.execute({
                "sanctions": "INSERT INTO sanctions_regimes (code, regime, kind, source, as_of, "
                             "line) VALUES ('KE', 'Kenya (Sanctions) Regulations', 'country', "
                             "'test', '2026-11-01', 99)",
                "death_penalty": "UPDATE death_penalty SET status = 'retentionist' WHERE "
                                 "code = 'KE'",
                "hr_priority": "INSERT INTO hr_priority_entries (year, name, code) VALUES "
                               "(2022, 'Kenya', 'KE')",
                "review": "SELECT 1",
            }[fact])
    day = TODAY + timedelta(days=400) if fact == "review" else None
    status = osja_overview(store, request.id, day)["status"]
    assert status["state"] == "reassess", status
    labels = [c["fact"] for c in status["changes"]]
    assert fact in labels, status
    change = next(c for c in status["changes"] if c["fact"] == fact)
    assert change["old"] != change["new"]
    if fact in ("travel_advice", "conflict", "incidents"):
        assert TODAY.isoformat() in change["new"]  # the new fact shows its date
    if get_request(store, request.id).state == "embassy-consulted":
        with pytest.raises(RefusedError, match=r"re-assessment needed \(OSJA assessment version "
                                               r"1\)"):
            advance(store, request.id, by="a", step=step_for("authorised"), today=day)
    record_osja(store, request.id, level="minister", today=day)
    assert osja_overview(store, request.id, day)["status"]["state"] == "current"


def test_a_cleared_conflict_entry_is_a_change_too(store: Store) -> None:
    set_conflict(store, "KE", TODAY, by="a")
    request = walk_to(store, new_request(store), "osja-assessed")
    clear_conflict(store, "KE")
    changes = _stale_after(store, request.id)["changes"]
    assert [c["fact"] for c in changes] == ["conflict"]
    assert changes[0]["new"].startswith("nothing recorded for Kenya")


def test_delivered_respects_decline_signals_and_a_stale_assessment(store: Store) -> None:
    request = walk_to(store, new_request(store), "scheduled")
    record_incident(store, "KE", TODAY, "attack on a police station", by="a")
    with pytest.raises(RefusedError, match="re-assessment needed"):
        advance(store, request.id, by="a", today=request.start)
    record_osja(store, request.id, today=request.start)
    edit_request(store, request.id, {"ethics_concerns": ["trainees implicated in abuse"]}, by="a")
    with pytest.raises(RefusedError, match="decline signal: Decline: inconsistent with the Code"):
        advance(store, request.id, by="a", today=request.start)
    edit_request(store, request.id, {"ethics_concerns": []}, by="a")
    assert advance(store, request.id, by="a", today=request.start).state == "delivered"


def test_in_country_work_needs_recent_travel_advice_to_be_authorised(store: Store) -> None:
    request = walk_to(store, new_request(store, location="in-country"), "embassy-consulted")
    with pytest.raises(RefusedError, match=r"needs the FCDO travel advice for Kenya recorded "
                                           r"within the last 30 days"):
        advance(store, request.id, by="a", step=step_for("authorised"))
    set_advice(store, "KE", "none", TODAY - timedelta(days=45), by="a")
    record_osja(store, request.id)  # the advice is a fact the assessment relies on
    with pytest.raises(RefusedError, match=r"is as of .*more than 30 days ago \(local practice\)"):
        advance(store, request.id, by="a", step=step_for("authorised"))
    set_advice(store, "KE", "none", TODAY - timedelta(days=2), by="a")
    record_osja(store, request.id)
    assert advance(store, request.id, by="a", step=step_for("authorised")).state == "authorised"


def test_eu_work_in_country_names_its_host_and_uses_its_facts(store: Store) -> None:
    request = new_request(store, "EU", disciplines=["investigation"], location="in-country")
    overview = osja_overview(store, request.id)
    assert overview["risk_facts"]["code"] == "EU"
    request = walk_to(store, request, "embassy-consulted")
    with pytest.raises(RefusedError, match="needs its host country"):
        advance(store, request.id, by="a", step=step_for("authorised"))
    edited = edit_request(store, request.id, {"host_country": "BE"}, by="a")
    assert edited.reset_to == "scoping"  # a new host is a new place: approvals start again
    overview = osja_overview(store, request.id)
    assert (overview["risk_facts"]["code"], overview["risk_facts"]["host_of"]) == \
        ("BE", "European Union")
    assert "Belgium" in overview["risk_facts"]["lines"][0]["text"]
    set_advice(store, "BE", "none", TODAY, by="a")  # the host's advice, not the EU's
    record_osja(store, request.id)  # the earlier version was about no place in particular
    request = walk_to(store, get_request(store, request.id), "embassy-consulted")
    assert json.loads(store.scalar("SELECT facts FROM osja_assessments WHERE request_id = ? "
                                   "ORDER BY version DESC", (request.id,)))["facts_country"][
        "value"] == "BE"
    assert advance(store, request.id, by="a", step=step_for("authorised")).state == "authorised"


def test_the_board_list_of_states_needing_reassessment(store: Store) -> None:
    fresh = new_request(store)
    assessed = walk_to(store, new_request(store), "osja-assessed")
    stale = walk_to(store, new_request(store, "UG"), "osja-assessed")
    record_incident(store, "UG", TODAY, "protest deaths", by="a")
    assert needing_reassessment(store, [fresh.id, assessed.id, stale.id]) == {
        fresh.id: "none", assessed.id: "current", stale.id: "reassess"}


def test_a_decline_still_works_when_reassessment_is_needed(store: Store) -> None:
    request = walk_to(store, new_request(store), "osja-assessed")
    record_incident(store, "KE", TODAY, "x", by="a")
    assert decline(store, request.id, by="a", reason="situation changed").state == "declined"
    with pytest.raises(RefusedError, match="can no longer change"):
        record_osja(store, request.id)


def test_an_existing_database_keeps_its_requests_and_labels_the_old_grade(
        db_path: Path) -> None:
    """A database from before assessment records: the migration adds the tables and columns;
    requests stay, and the old grade stays in the history as a legacy local-practice grade."""
    with open_store(db_path) as store:
        request = walk_to(store, new_request(store), "jiph-approved")
    conn = sqlite3.connect(db_path)  # make it look like the old schema, with an old grade
    for table in ("osja_answers", "osja_assessments", "osja_incidents", "conflict_register"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE requests DROP COLUMN host_country")
    conn.execute("ALTER TABLE requests DROP COLUMN osja_version")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm_osja_001_records'")
    conn.execute("UPDATE requests SET state = 'osja-assessed', osja_grade = 'high', "
                 "osja_computed_grade = 'medium' WHERE id = ?", (request.id,))
    conn.execute("DROP TRIGGER request_events_append_only_update")  # only to forge old rows
    conn.execute("INSERT INTO request_events (request_id, at, \"by\", action, from_state, "
                 "to_state, details) VALUES (?, '2026-01-01T00:00:00Z', 'old', 'advanced', "
                 "'jiph-approved', 'osja-assessed', ?)",
                 (request.id, json.dumps({"osja_grade": "high", "osja_computed_grade": "medium"})))
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        migrated = get_request(store, request.id)
        assert (migrated.state, migrated.osja_grade, migrated.osja_version) == \
            ("osja-assessed", "high", None)
        status = osja_overview(store, request.id)["status"]
        assert status["state"] == "legacy" and status["legacy_grade"] == "high"
        assert advance(store, request.id, by="a").state == "embassy-consulted"
        with pytest.raises(RefusedError, match=r"legacy local-practice grade high is in the "
                                               r"history, but no assessment record"):
            advance(store, request.id, by="a", step=step_for("authorised"))
        record_osja(store, request.id)
        assert advance(store, request.id, by="a", step=step_for("authorised")).state == \
            "authorised"
    from click.testing import CliRunner

    from catalogue.cli.main import cli

    shown = CliRunner().invoke(cli, ["--db", str(db_path), "request", "history",
                                     str(request.id)])
    assert "legacy local-practice grade: high" in " ".join(shown.output.split())  # wrapped note
    from catalogue.cli.request_render import history_rows

    with open_store(db_path) as store:
        notes = [r["note"] for r in history_rows(audit.history(store, request.id))]
    assert "legacy local-practice grade: high; legacy points-score grade: medium" in notes


def test_the_step_dialog_input_has_no_grade() -> None:
    assert "grade" not in StepInput.__dataclass_fields__
