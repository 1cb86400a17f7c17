"""The guarded workflow: every legal and illegal transition, the guards, races and atomicity."""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from catalogue.core.errors import DatabaseError, InvalidInputError, NotFoundError, RefusedError
from catalogue.core.requests import audit
from catalogue.core.requests.guards import StepInput
from catalogue.core.requests.register import edit_request, get_request
from catalogue.core.requests.states import EXITS, FORWARD, STATES, TERMINAL
from catalogue.core.requests.workflow import advance, decline, reset, withdraw
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import Store, open_store
from request_helpers import day_for, new_request, prepare, record_osja, step_for, walk_to

PAIRS = list(itertools.pairwise(FORWARD))
OPEN = [s for s in FORWARD if s not in TERMINAL]


def _events(store: Store, request_id: int) -> int:
    return audit.count_events(store, request_id)


def _snapshot(store: Store, request_id: int) -> tuple[object, int]:
    return get_request(store, request_id), _events(store, request_id)


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_each_forward_step_is_legal(store: Store, source: str, target: str) -> None:
    request = walk_to(store, new_request(store), source)
    prepare(store, request, target)
    before = _events(store, request.id)
    moved = advance(store, request.id, by="alice", to=target, step=step_for(target),
                    today=day_for(target, request))
    assert moved.state == target
    last = audit.history(store, request.id)[-1]
    assert (last["from_state"], last["to_state"], last["by"], last["action"]) == \
        (source, target, "alice", "advanced")
    assert last["at"].endswith("Z")
    assert _events(store, request.id) == before + 1


ILLEGAL = [(s, t) for s in OPEN for t in FORWARD if t != FORWARD[FORWARD.index(s) + 1]]


@pytest.mark.parametrize(("source", "target"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_skipping_or_going_back_is_refused_and_changes_nothing(store: Store, source: str,
                                                               target: str) -> None:
    request = walk_to(store, new_request(store), source)
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError, match=r"skipped|not forward"):
        advance(store, request.id, by="alice", to=target, step=step_for(target))
    assert _snapshot(store, request.id) == before


@pytest.mark.parametrize("source", OPEN)
@pytest.mark.parametrize("exit_state", EXITS)
def test_decline_and_withdraw_from_any_open_state(store: Store, source: str,
                                                  exit_state: str) -> None:
    request = walk_to(store, new_request(store), source)
    action = decline if exit_state == "declined" else withdraw
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError, match="a reason is needed"):
        action(store, request.id, by="alice", reason="  ")
    assert _snapshot(store, request.id) == before
    done = action(store, request.id, by="alice", reason="the force changed its mind")
    assert done.state == exit_state
    last = audit.history(store, request.id)[-1]
    assert (last["from_state"], last["to_state"], last["note"]) == \
        (source, exit_state, "the force changed its mind")


@pytest.mark.parametrize("terminal", sorted(TERMINAL))
def test_nothing_leaves_a_terminal_state(store: Store, terminal: str) -> None:
    request = new_request(store)
    if terminal == "delivered":
        request = walk_to(store, request, "delivered")
    elif terminal == "declined":
        request = decline(store, request.id, by="a", reason="no")
    else:
        request = withdraw(store, request.id, by="a", reason="no")
    before = _snapshot(store, request.id)
    attempts = [
        lambda: advance(store, request.id, by="a"),
        lambda: advance(store, request.id, by="a", to="scoping", expected_state=terminal),
        lambda: decline(store, request.id, by="a", reason="again"),
        lambda: withdraw(store, request.id, by="a", reason="again"),
        lambda: reset(store, request.id, to="scoping", by="a", reason="again"),
        lambda: edit_request(store, request.id, {"cohort": 5}, by="a"),
    ]
    for attempt in attempts:
        with pytest.raises(RefusedError):
            attempt()
    assert _snapshot(store, request.id) == before


def test_bad_ids_and_unknown_states_are_clear_errors(store: Store) -> None:
    request = new_request(store)
    before = _snapshot(store, request.id)
    with pytest.raises(NotFoundError, match="no request 999"):
        advance(store, 999, by="a")
    with pytest.raises(InvalidInputError, match="unknown state 'banana'"):
        advance(store, request.id, by="a", to="banana")
    with pytest.raises(InvalidInputError, match="decline"):
        advance(store, request.id, by="a", to="declined")
    with pytest.raises(InvalidInputError, match="say who") as no_one:
        advance(store, request.id, by=" ")
    assert no_one.value.fields == ("by",)  # the CLI says --by, the app its By field
    assert _snapshot(store, request.id) == before


def test_ipab_needs_the_training_requested(store: Store) -> None:
    request = walk_to(store, new_request(store, disciplines=[]), "scoping")
    with pytest.raises(RefusedError, match="no discipline or module is recorded"):
        advance(store, request.id, by="a")


@pytest.mark.parametrize(("scope", "signal"), [
    ({"ethics_concerns": ["unit accused of torture"]}, "inconsistent with the Code of Ethics"),
    ({"disciplines": ["forensic-accounting"]}, "no skills to deliver forensic-accounting"),
])
def test_decline_signals_stop_every_step_after_scoping(store: Store, scope: dict[str, object],
                                                       signal: str) -> None:
    request = walk_to(store, new_request(store, **scope), "scoping")
    with pytest.raises(RefusedError, match=signal):
        advance(store, request.id, by="a")
    assert decline(store, request.id, by="a", reason="ethics", signal="ethics").decline_signal \
        == "decline-ethics"


def test_staff_risk_signal_from_travel_advice(store: Store) -> None:
    request = walk_to(store, new_request(store, "SO", location="in-country"), "scoping")
    set_advice(store, "SO", "against-all", date.today(), by="a")
    with pytest.raises(RefusedError, match="unnecessary risk to staff"):
        advance(store, request.id, by="a")


def test_the_osja_step_needs_a_recorded_assessment_version(store: Store) -> None:
    request = walk_to(store, new_request(store, "PK", disciplines=["counter-terrorism"]),
                      "jiph-approved")
    with pytest.raises(RefusedError, match=r"no OSJA assessment is recorded: record one with "
                                           rf"catalogue osja record {request.id}"):
        advance(store, request.id, by="a")
    version = record_osja(store, request.id, level="minister")
    done = advance(store, request.id, by="a")
    assert (done.state, done.osja_version) == ("osja-assessed", version["version"])
    assert audit.history(store, request.id)[-1]["details"] == {"osja_version": 1}


def test_osja_must_be_in_place_before_the_course_starts(store: Store) -> None:
    request = walk_to(store, new_request(store, start=date.today(),
                                         end=date.today() + timedelta(days=3)), "jiph-approved")
    with pytest.raises(RefusedError, match="before the course starts"):
        advance(store, request.id, by="a")


def test_authorising_needs_the_level_the_assessment_decided(store: Store) -> None:
    request = walk_to(store, new_request(store, "PK", disciplines=["counter-terrorism"]),
                      "embassy-consulted")
    assert request.mission == "British High Commission"
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError) as refused:
        advance(store, request.id, by="a", step=StepInput(authoriser="H. Dept",
                                                          authoriser_level="head-of-department"))
    assert str(refused.value) == (
        f"cannot authorise request {request.id}: the OSJA assessment (version 1) decided "
        "Minister; recorded authoriser is Head of department (H. Dept)")
    with pytest.raises(RefusedError, match="no authoriser is recorded"):
        advance(store, request.id, by="a")
    with pytest.raises(RefusedError, match="unknown authoriser level 'king'"):
        advance(store, request.id, by="a", step=StepInput(authoriser="K", authoriser_level="king"))
    assert _snapshot(store, request.id) == before
    done = advance(store, request.id, by="a", step=StepInput(authoriser="Rt Hon M",
                                                             authoriser_level="minister"))
    assert (done.state, done.authoriser, done.authoriser_level) == \
        ("authorised", "Rt Hon M", "minister")


def test_a_minister_may_authorise_what_a_head_of_department_could(store: Store) -> None:
    request = walk_to(store, new_request(store), "jiph-approved")
    record_osja(store, request.id, level="head-of-department")
    request = walk_to(store, request, "embassy-consulted")
    done = advance(store, request.id, by="a", step=StepInput(authoriser="M",
                                                             authoriser_level="minister"))
    assert done.state == "authorised"


def test_serving_officers_need_section_26_before_authorisation(store: Store) -> None:
    request = walk_to(store, new_request(store, delivered_by=["serving-officers"]),
                      "embassy-consulted")
    with pytest.raises(RefusedError, match=r"s\.26 approval and Home Office consent"):
        advance(store, request.id, by="a", step=step_for("authorised", s26=None))
    done = advance(store, request.id, by="a", step=step_for("authorised", s26="PCC/7"))
    assert done.s26_reference == "PCC/7"


def test_scheduling_rechecks_the_suggested_minimum_against_the_policy(store: Store) -> None:
    request = walk_to(store, new_request(store, "KE"), "jiph-approved")
    record_osja(store, request.id, level="head-of-department")
    request = walk_to(store, request, "embassy-consulted")
    request = advance(store, request.id, by="a", step=StepInput(
        authoriser="H. Dept", authoriser_level="head-of-department"))
    raw = json.loads(store.scalar("SELECT value FROM policy WHERE key = 'approval'"))
    raw["osja"]["default_level"] = "minister"  # local practice now: Minister for everything
    with store.write() as conn:
        conn.execute("UPDATE policy SET value = ? WHERE key = 'approval'", (json.dumps(raw),))
    with pytest.raises(RefusedError) as refused:
        advance(store, request.id, by="a")
    assert str(refused.value).startswith(
        f"cannot schedule request {request.id}: re-assessment needed (OSJA assessment version "
        "1): Suggested minimum (local practice): head-of-department -> minister")


def test_scheduling_needs_future_dates(store: Store) -> None:
    request = walk_to(store, new_request(store, start=None, end=None), "authorised")
    with pytest.raises(RefusedError, match="start and end dates are needed"):
        advance(store, request.id, by="a")


def test_a_changed_fact_blocks_until_a_new_version_is_recorded(store: Store) -> None:
    request = walk_to(store, new_request(store), "embassy-consulted")
    set_advice(store, "KE", "against-all-but-essential", date.today(), by="a",
               part="the north-east")
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError) as refused:
        advance(store, request.id, by="a", step=step_for("authorised"))
    message = str(refused.value)
    assert "re-assessment needed (OSJA assessment version 1): FCDO travel advice: none " \
           "recorded for Kenya (catalogue advice set ...) -> advise against all but essential " \
           "travel (the north-east), as of" in message
    assert f"record a new version with catalogue osja record {request.id}" in message
    assert _snapshot(store, request.id) == before
    record_osja(store, request.id)
    assert advance(store, request.id, by="a", step=step_for("authorised")).state == "authorised"


def test_reset_goes_back_and_clears_later_approvals(store: Store) -> None:
    request = walk_to(store, new_request(store), "authorised")
    with pytest.raises(RefusedError, match="goes back to an earlier state"):
        reset(store, request.id, to="scheduled", by="a", reason="x")
    with pytest.raises(InvalidInputError):
        reset(store, request.id, to="scoping", by="a", reason=" ")
    back = reset(store, request.id, to="ipab-submitted", by="a", reason="JIPH asked again")
    assert back.state == "ipab-submitted"
    assert back.ipab_reference == "REF-ipab-submitted"
    assert (back.jiph_reference, back.osja_version, back.mission, back.authoriser) == \
        (None, None, None, None)
    last = audit.history(store, request.id)[-1]
    assert (last["action"], last["from_state"], last["to_state"]) == \
        ("reset", "authorised", "ipab-submitted")
    assert last["details"]["undone"] == ["JIPH approved", "OSJA assessed", "Embassy consulted",
                                         "Authorised"]


def test_a_stale_expected_state_is_refused_with_the_current_state(store: Store) -> None:
    request = walk_to(store, new_request(store), "scoping")
    advance(store, request.id, by="a")
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError) as refused:
        advance(store, request.id, by="b", expected_state="scoping")
    assert str(refused.value) == (f"request {request.id} changed state meanwhile "
                                  "(now 'ipab-submitted'); nothing was saved")
    assert _snapshot(store, request.id) == before


def test_two_processes_cannot_both_advance_from_the_same_state(db_path: Path) -> None:
    setup = open_store(db_path)
    request = walk_to(setup, new_request(setup), "scoping")
    setup.close()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(who: str) -> None:
        store = open_store(db_path)
        try:
            barrier.wait()
            advance(store, request.id, by=who, expected_state="scoping")
            outcomes.append("ok")
        except RefusedError as exc:
            outcomes.append(str(exc))
        finally:
            store.close()

    threads = [threading.Thread(target=attempt, args=(w,)) for w in ("p1", "p2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1, outcomes
    (lost,) = [o for o in outcomes if o != "ok"]
    assert "changed state meanwhile (now 'ipab-submitted'); nothing was saved" in lost
    check = open_store(db_path)
    assert get_request(check, request.id).state == "ipab-submitted"
    moves = [e for e in audit.history(check, request.id) if e["to_state"] == "ipab-submitted"]
    assert len(moves) == 1
    check.close()


def test_transition_and_audit_row_commit_together(store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    request = walk_to(store, new_request(store), "scoping")
    before = _snapshot(store, request.id)

    def broken(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(DatabaseError, match="disk I/O error"):  # store.write() explains it
        advance(store, request.id, by="a")
    monkeypatch.undo()
    assert _snapshot(store, request.id) == before
    assert not store.conn.in_transaction


def test_the_audit_trail_is_append_only(store: Store) -> None:
    request = new_request(store)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE request_events SET note = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM request_events")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        store.conn.execute("DELETE FROM requests WHERE id = ?", (request.id,))
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE requests SET state = 'approved-ish' WHERE id = ?",
                           (request.id,))
    assert _events(store, request.id) == 1


def test_states_are_documented_in_order() -> None:
    assert STATES[:3] == ("received", "scoping", "ipab-submitted")
    assert STATES[-2:] == ("declined", "withdrawn")


def test_delivered_only_once_the_course_has_started(store: Store) -> None:
    request = walk_to(store, new_request(store), "scheduled")
    assert request.start is not None
    before = _snapshot(store, request.id)
    with pytest.raises(RefusedError, match="the course has not started: it starts on "
                                           f"{request.start.isoformat()}"):
        advance(store, request.id, by="alice", today=request.start - timedelta(days=1))
    assert _snapshot(store, request.id) == before
    done = advance(store, request.id, by="alice", today=request.start)
    assert done.state == "delivered"
