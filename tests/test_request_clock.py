"""The board's clock: days in the current state (from the audit trail) against the target
days per state (local practice, data/workflow-targets.toml), with a fixed 'today'; and
``catalogue request list --overdue``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from catalogue.core.requests.clock import request_clock
from catalogue.core.requests.overview import request_overview
from catalogue.core.requests.register import (
    RequestFilter,
    count_requests,
    create_request,
    edit_request,
    list_requests,
)
from catalogue.core.requests.workflow import advance, reset, withdraw
from catalogue.core.rules.scope import build_scope
from catalogue.core.stats.flow import step_report
from catalogue.core.stats.targets import load_targets
from catalogue.core.store import Store

JAN_1 = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)


def _new(store: Store, at: datetime, country: str = "Kenya") -> int:
    return create_request(store, f"{country} Police", build_scope(store, country),
                          by="tester", now=at).id


def test_days_in_state_against_its_target_on_a_fixed_day(store: Store) -> None:
    request_id = _new(store, JAN_1)  # received: target 5 days (the shipped example)
    on_time = request_clock(store, request_id, "received", today=date(2026, 1, 6))
    assert on_time is not None
    assert (on_time.days_in_state, on_time.target_days, on_time.overdue, on_time.days_over) \
        == (5, 5, False, 0)
    late = request_clock(store, request_id, "received", today=date(2026, 1, 9))
    assert late is not None
    assert (late.days_in_state, late.overdue, late.days_over) == (8, True, 3)
    assert late.entered_at == "2026-01-01T10:00:00Z" and late.as_of == "2026-01-09"
    basis = load_targets(store).basis
    assert late.basis == basis and "local practice" in basis
    assert late.summary() == "8 days in this state: OVERDUE, target 5, 3 over"
    assert late.source() == f"Target days: {basis} (data/workflow-targets.toml)"
    assert on_time.summary() == "5 days in this state (target 5)"


def test_the_clock_restarts_on_a_change_of_state_only(store: Store) -> None:
    request_id = _new(store, JAN_1)
    edit_request(store, request_id, {"notes": "dates by phone"}, by="tester",
                 now=JAN_1 + timedelta(days=3))  # an edit leaves it in its state
    clock = request_clock(store, request_id, "received", today=date(2026, 1, 10))
    assert clock is not None and clock.entered_at.startswith("2026-01-01")
    advance(store, request_id, by="tester", now=JAN_1 + timedelta(days=4))  # to scoping
    clock = request_clock(store, request_id, "scoping", today=date(2026, 1, 10))
    assert clock is not None and clock.entered_at.startswith("2026-01-05")
    assert (clock.days_in_state, clock.target_days, clock.overdue) == (5, 30, False)
    reset(store, request_id, to="received", by="tester", reason="scope unclear",
          now=JAN_1 + timedelta(days=6))  # back: the clock starts again in "received"
    clock = request_clock(store, request_id, "received", today=date(2026, 1, 10))
    assert clock is not None and clock.entered_at.startswith("2026-01-07")
    assert (clock.days_in_state, clock.overdue) == (3, False)


def test_the_day_comes_from_the_audit_trail_not_the_requests_row(store: Store) -> None:
    request_id = _new(store, JAN_1)
    with store.write() as conn:  # a row changed behind the tool's back: the trail decides
        conn.execute("UPDATE requests SET state_changed_at = '2025-01-01T00:00:00Z' "
                     "WHERE id = ?", (request_id,))
    clock = request_clock(store, request_id, "received", today=date(2026, 1, 3))
    assert clock is not None and (clock.days_in_state, clock.overdue) == (2, False)


def test_finished_requests_have_no_target(store: Store) -> None:
    request_id = _new(store, JAN_1)
    withdraw(store, request_id, by="tester", reason="no longer needed", now=JAN_1)
    clock = request_clock(store, request_id, "withdrawn", today=date(2027, 1, 1))
    assert clock is not None and (clock.target_days, clock.overdue) == (None, False)
    assert clock.summary() == "365 days in this state (no target for this state)"


def test_overdue_listing_most_days_over_first(store: Store) -> None:
    now = JAN_1 + timedelta(days=30)
    a = _new(store, JAN_1, "Kenya")  # received 30 days: 25 over
    b = _new(store, JAN_1 + timedelta(days=20), "Ghana")  # 10 days: 5 over
    c = _new(store, JAN_1 + timedelta(days=28), "Nigeria")  # 2 days: on time
    d = _new(store, JAN_1 - timedelta(days=10), "France")
    advance(store, d, by="tester", now=JAN_1 + timedelta(days=10))  # scoping 20 of 30 days
    flt = RequestFilter(overdue_only=True)
    rows = list_requests(store, flt, sort="overdue", now=now)
    assert [r["id"] for r in rows] == [a, b]
    assert [r["clock"]["days_over"] for r in rows] == [25, 5]
    assert all(r["clock"]["overdue"] and "local practice" in r["clock"]["basis"] for r in rows)
    assert count_requests(store, flt, now=now) == 2
    # Sorted by the clock without the filter: overdue first, then the nearest their target
    # (c: 3 days left; d: 10 days left), oldest first among equals.
    everything = list_requests(store, RequestFilter(open_only=True), sort="overdue", now=now)
    assert [r["id"] for r in everything] == [a, b, c, d]
    assert list_requests(store, RequestFilter(overdue_only=True, states=["scoping"]),
                         sort="overdue", now=now) == []


def test_stats_and_the_board_agree_on_what_is_overdue(store: Store) -> None:
    late = _new(store, JAN_1)
    _new(store, JAN_1 + timedelta(days=9))
    report = step_report(store, now=JAN_1 + timedelta(days=10))
    assert [(o.request_id, o.days, o.target_days) for o in report.overdue] == [(late, 10, 5)]
    assert report.overdue_total == 1


def test_request_show_carries_the_clock_and_its_basis(store: Store) -> None:
    request_id = _new(store, JAN_1)
    clock = request_overview(store, request_id, today=date(2026, 1, 20))["clock"]
    assert clock["days_in_state"] == 19 and clock["overdue"] is True
    assert clock["summary"] == "19 days in this state: OVERDUE, target 5, 14 over"
    assert clock["source"].startswith("Target days: local practice")


# ------------------------------------------------------------------ CLI


def test_cli_lists_only_overdue_requests_most_overdue_first(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    today = datetime.now(UTC)
    nearly = _new(store, today - timedelta(days=8), "Ghana")  # 3 over
    furthest = _new(store, today - timedelta(days=40), "Kenya")  # 35 over
    on_time = _new(store, today - timedelta(days=1), "Nigeria")
    result = invoke("request", "list", "--overdue")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:8] == ["Id", "State", "Country", "Requesting", "body", "In",
                                    "state", "since"]
    ids = [int(line.split()[0]) for line in lines[2:4]]
    assert ids == [furthest, nearly] and f"\n{on_time} " not in result.output
    assert "Target days: local practice" in result.output
    assert "data/workflow-targets.toml" in result.output
    assert "Showing 1-2 of 2" in result.output
    data = json.loads(invoke("request", "list", "--overdue", "--json").output)
    assert [r["id"] for r in data] == [furthest, nearly]
    assert data[0]["clock"]["days_in_state"] == 40 and data[0]["clock"]["target_days"] == 5
    assert data[0]["clock"]["days_over"] == 35 and "local practice" in data[0]["clock"]["basis"]
    # combined with the other filters
    only = json.loads(invoke("request", "list", "--overdue", "--country", "Ghana",
                             "--json").output)
    assert [r["id"] for r in only] == [nearly]


def test_cli_says_when_nothing_is_overdue_and_refuses_a_bad_sort(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    _new(store, datetime.now(UTC))
    result = invoke("request", "list", "--overdue")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "No open request is past its state's target."
    assert "Target days: local practice" in result.output  # whose targets were applied
    assert json.loads(invoke("request", "list", "--overdue", "--json").output) == []
    bad = invoke("request", "list", "--overdue", "--sort", "lateness")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "'lateness' is not one of" in bad.output
