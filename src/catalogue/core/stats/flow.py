"""How requests move: how many are in each state over time, how long each step takes, and
which open requests have been in their state longer than the local-practice target.

All from the append-only audit trail (``request_events``): every event with a ``to_state``
is a change of state, so the count in a state at the end of a month is the changes into it
minus the changes out of it, up to that month.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime

from catalogue.core.requests.audit import STATE_CHANGE_SQL
from catalogue.core.requests.states import FORWARD, LABELS, STATES, TERMINAL, next_state
from catalogue.core.stats.targets import load_targets
from catalogue.core.store import Store

OVERDUE_LIMIT = 50


@dataclass(frozen=True)
class StateSeries:
    months: list[str]  # "YYYY-MM", oldest first, every month in the range
    counts: dict[str, list[int]]  # state -> requests in it at the end of each month


@dataclass(frozen=True)
class StepTime:
    state: str
    label: str
    median_days: float | None  # None when no request has left the state yet
    requests: int  # how many moves on from this state were measured
    target_days: int | None  # local practice (Targets.basis), None when no target is set


@dataclass(frozen=True)
class Overdue:
    request_id: int
    country: str
    country_name: str
    state: str
    days: int  # in the state so far
    target_days: int


@dataclass(frozen=True)
class StepReport:
    steps: list[StepTime]
    overdue: list[Overdue]  # the longest past target first, at most OVERDUE_LIMIT
    overdue_total: int
    basis: str  # whose practice the targets are
    as_of: str  # the day "days so far" is counted to


def states_over_time(store: Store, months: int = 24, *, today: date | None = None
                     ) -> StateSeries:
    """Requests in each state at the end of each of the last ``months`` months."""
    rows = store.query("SELECT substr(at, 1, 7) AS month, from_state, to_state, count(*) AS n "
                       "FROM request_events WHERE to_state IS NOT NULL GROUP BY 1, 2, 3")
    deltas: dict[str, dict[str, int]] = {}
    for row in rows:
        change = deltas.setdefault(row["month"], {})
        change[row["to_state"]] = change.get(row["to_state"], 0) + row["n"]
        if row["from_state"]:
            change[row["from_state"]] = change.get(row["from_state"], 0) - row["n"]
    day = today or date.today()
    last = day.strftime("%Y-%m")
    back = day.year * 12 + day.month - 1 - (months - 1)
    first = f"{back // 12:04d}-{back % 12 + 1:02d}"
    every = _month_range(min(min(deltas, default=first), first), max(max(deltas, default=last),
                                                                     last))
    running = dict.fromkeys(STATES, 0)
    counts: dict[str, list[int]] = {state: [] for state in STATES}
    for month in every:
        for state, delta in deltas.get(month, {}).items():
            running[state] = running.get(state, 0) + delta
        for state in STATES:
            counts[state].append(running[state])
    keep = every[-months:]
    return StateSeries(keep, {state: values[-len(keep):] for state, values in counts.items()})


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def step_report(store: Store, *, now: datetime | None = None) -> StepReport:
    """The median days from entering each state to moving on to the next step, and the open
    requests past their state's target (local practice, data/workflow-targets.toml)."""
    targets = load_targets(store)
    spans = _step_spans(store)
    steps = [StepTime(state, LABELS[state],
                      round(statistics.median(spans[state]), 1) if state in spans else None,
                      len(spans.get(state, [])), targets.days.get(state))
             for state in FORWARD if state not in TERMINAL]
    moment = now or datetime.now(UTC)
    overdue, total = _overdue(store, moment)
    return StepReport(steps, overdue, total, targets.basis, moment.date().isoformat())


def _step_spans(store: Store) -> dict[str, list[float]]:
    """Days spent in each state by every request that moved on to the next step.

    One pass over the state changes in the order they were recorded (the table's own order:
    no sort, no per-request lookups), remembering when each request entered its state.
    """
    following = {state: next_state(state) for state in FORWARD}
    entered: dict[int, str] = {}
    spans: dict[str, list[float]] = {}
    parse = datetime.fromisoformat
    cursor = store.conn.execute("SELECT request_id, at, from_state, to_state FROM "
                                f"request_events e WHERE {STATE_CHANGE_SQL} ORDER BY id")
    cursor.row_factory = None
    for request_id, at, from_state, to_state in cursor:
        before = entered.get(request_id)
        entered[request_id] = at
        if before is not None and from_state and following.get(from_state) == to_state:
            days = (parse(at) - parse(before)).total_seconds() / 86400
            spans.setdefault(from_state, []).append(days)
    return spans


def _overdue(store: Store, moment: datetime) -> tuple[list[Overdue], int]:
    """The open requests past their state's target: the board's clock
    (:mod:`catalogue.core.requests.clock`), most days over first."""
    from catalogue.core.requests.register import RequestFilter, count_requests, list_requests

    flt = RequestFilter(overdue_only=True)
    rows = list_requests(store, flt, limit=OVERDUE_LIMIT, sort="overdue", now=moment)
    return [Overdue(r["id"], r["country"], r["country_name"] or r["country"], r["state"],
                    clock["days_in_state"], clock["target_days"])
            for r in rows if (clock := r["clock"])], count_requests(store, flt, now=moment)
