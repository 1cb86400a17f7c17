"""The board's clock: how long each request has been in its state, against the target days
for that state (local practice, ``data/workflow-targets.toml``, loaded by
:mod:`catalogue.core.stats.targets`).

The day a request entered its state comes from the audit trail
(:data:`catalogue.core.requests.audit.STATE_ENTERED_SQL`). Days are whole calendar days
(UTC) from that day to ``today``; a request is overdue once it has spent more days in its
state than the target. States without a target (and delivered, declined, withdrawn) are
never overdue. Every clock carries the targets' ``basis``, so whoever shows it can say whose
practice the target is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from catalogue.core.counting import plural
from catalogue.core.dates import utc_now
from catalogue.core.requests.audit import STATE_ENTERED_SQL, state_entered
from catalogue.core.stats.targets import TARGETS_FILE, Targets, load_targets
from catalogue.core.store import Store

#: Days past the state's target for the request ``r`` (NULL: no target for its state), on
#: the day given as the one parameter (``YYYY-MM-DD``).
DAYS_OVER_SQL = (f"(CAST(julianday(?) - julianday(substr({STATE_ENTERED_SQL}, 1, 10)) AS INTEGER)"
                 " - (SELECT t.days FROM workflow_targets t WHERE t.state = r.state))")


@dataclass(frozen=True)
class Clock:
    request_id: int
    state: str
    entered_at: str  # when it entered its state (UTC, from the audit trail)
    days_in_state: int  # whole days from that day to ``as_of``
    target_days: int | None  # None: no target for this state
    overdue: bool
    days_over: int  # days past the target (0 unless overdue)
    basis: str  # whose practice the targets are (the file's ``basis``)
    as_of: str  # the day counted to (YYYY-MM-DD)

    def summary(self) -> str:
        """One line: "12 days in this state (target 10, 2 over)"."""
        text = f"{plural(self.days_in_state, 'day')} in this state"
        if self.target_days is None:
            return f"{text} (no target for this state)"
        if self.overdue:
            return f"{text}: OVERDUE, target {self.target_days}, {self.days_over} over"
        return f"{text} (target {self.target_days})"

    def source(self) -> str:
        """Where the target comes from, for showing beside it."""
        return _source(self.basis)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the two lines any face shows (``summary`` and ``source``)."""
        return {**asdict(self), "summary": self.summary(), "source": self.source()}


def _source(basis: str) -> str:
    return f"Target days: {basis} (data/{TARGETS_FILE})"


def targets_source(store: Store) -> str:
    """Whose targets the clock applies and where they are kept, for a listing's footer."""
    return _source(load_targets(store).basis)


def clock_for(request_id: int, state: str, entered_at: str, targets: Targets,
              today: date) -> Clock:
    """The clock of one request that entered ``state`` at ``entered_at``, on ``today``."""
    days = max(0, (today - date.fromisoformat(entered_at[:10])).days)
    target = targets.days.get(state)
    over = days - target if target is not None else 0
    return Clock(request_id, state, entered_at, days, target, over > 0, max(0, over),
                 targets.basis, today.isoformat())


def clocks(store: Store, requests: list[tuple[int, str]], *, today: date | None = None
           ) -> dict[int, Clock]:
    """The clocks of ``(request id, state)`` pairs (a page of a listing), on ``today``."""
    day = today or utc_now().date()
    targets = load_targets(store)
    entered = state_entered(store, [rid for rid, _state in requests])
    return {rid: clock_for(rid, state, entered[rid], targets, day)
            for rid, state in requests if rid in entered}


def request_clock(store: Store, request_id: int, state: str, *,
                  today: date | None = None) -> Clock | None:
    """One request's clock (None only for a request with no audit trail)."""
    return clocks(store, [(request_id, state)], today=today).get(request_id)
