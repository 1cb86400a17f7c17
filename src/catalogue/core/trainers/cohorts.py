"""What a delivery achieved: its cohort (participants by rank and unit, women and men,
completion), attendance, and evaluation at the four Kirkpatrick levels.

Results can be recorded once the delivery has started. The cohort is replaced whole on each
recording (one audit row says what it was replaced with); evaluations are kept per level.
"""

from __future__ import annotations

import math
from datetime import date

from catalogue.core.dates import stamp
from catalogue.core.errors import InvalidInputError, RefusedError
from catalogue.core.store import Store
from catalogue.core.trainers import audit
from catalogue.core.trainers.deliveries import Delivery, get_delivery
from catalogue.core.trainers.model import parse_text
from catalogue.core.trainers.results import CohortGroup
from catalogue.core.trainers.schema import KIRKPATRICK, LEVEL_LABELS

MAX_GROUP = 1000
__all__ = ["LEVEL_LABELS", "CohortGroup"]


def _count(text: str, label: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise InvalidInputError(f"{label} {text.strip()!r} is not a whole number") from None
    if not 0 <= value <= MAX_GROUP:
        raise InvalidInputError(f"{label} {value} is out of range (0 to {MAX_GROUP})")
    return value


def parse_group(text: str) -> CohortGroup:
    """``RANK:WOMEN:MEN[:COMPLETED][:UNIT]``, e.g. ``inspector:6:14:18:Nairobi CID``."""
    parts = text.split(":", 4)
    if len(parts) < 3:
        raise InvalidInputError(f"group {text!r} is not RANK:WOMEN:MEN[:COMPLETED][:UNIT] "
                                "(e.g. inspector:6:14:18:Nairobi CID)")
    completed = _count(parts[3], "completed") if len(parts) > 3 and parts[3].strip() else None
    unit = parse_text(parts[4], "unit") if len(parts) > 4 else None
    return CohortGroup(rank=parts[0].strip(), women=_count(parts[1], "women"),
                       men=_count(parts[2], "men"), completed=completed, unit=unit)


def _started(delivery: Delivery, today: date | None) -> None:
    now = (today or date.today()).isoformat()
    if not delivery.dated:
        raise RefusedError(f"programme {delivery.programme_id} has no delivery dates; results "
                           "are recorded after delivery")
    if (delivery.start or "") > now:
        raise RefusedError(f"programme {delivery.programme_id} starts on {delivery.start}; its "
                           "results can be recorded once delivery has started")


def _by(by: str) -> str:
    if not (by or "").strip():
        raise InvalidInputError("say who recorded it", fields=("by",))
    return by.strip()


def _cohort_limit(store: Store, delivery: Delivery) -> tuple[int | None, str]:
    if delivery.cohort_size:
        return delivery.cohort_size, f"programme {delivery.programme_id}'s cohort size"
    if delivery.request_id is not None:
        size = store.scalar("SELECT cohort FROM requests WHERE id = ?", (delivery.request_id,))
        if size:
            return int(size), f"request {delivery.request_id}'s cohort"
    return None, ""


def record_cohort(store: Store, programme_id: int, groups: list[CohortGroup], *, by: str,
                  attendance: float | None = None, today: date | None = None) -> None:
    """Record who was trained (replacing an earlier record) and the attendance (percent of
    sessions attended). A cohort larger than the programme's is refused."""
    from catalogue.core.programmes.model import resolve_level

    who = _by(by)
    delivery = get_delivery(store, programme_id)
    _started(delivery, today)
    if not groups:
        raise InvalidInputError("give at least one group of participants", fields=("groups",))
    checked = []
    for group in groups:
        if group.total == 0:
            raise InvalidInputError(f"the {group.rank} group has no participants")
        if group.completed is not None and group.completed > group.total:
            raise InvalidInputError(f"{group.completed} of the {group.rank} group completed, but "
                                    f"it has only {group.total} participants")
        checked.append(CohortGroup(resolve_level(store, group.rank), group.women, group.men,
                                   group.completed, group.unit))
    total = sum(g.total for g in checked)
    limit, what = _cohort_limit(store, delivery)
    if limit is not None and total > limit:
        raise InvalidInputError(f"a cohort of {total} is larger than {what} ({limit}); correct "
                                "the groups, or change the cohort size first")
    if attendance is not None and not (math.isfinite(attendance) and 0 <= attendance <= 100):
        raise InvalidInputError(f"attendance {attendance:g} must be a percentage, 0 to 100")
    at = stamp()
    with store.write() as conn:
        conn.execute("DELETE FROM delivery_cohorts WHERE programme_id = ?", (programme_id,))
        conn.executemany(
            "INSERT INTO delivery_cohorts (programme_id, rank, unit, women, men, completed, "
            "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(programme_id, g.rank, g.unit, g.women, g.men, g.completed, at, who)
             for g in checked])
        if attendance is not None:
            conn.execute("INSERT INTO delivery_results (programme_id, attendance, recorded_at, "
                         "recorded_by) VALUES (?, ?, ?, ?) ON CONFLICT (programme_id) DO UPDATE "
                         "SET attendance = excluded.attendance, recorded_at = "
                         "excluded.recorded_at, recorded_by = excluded.recorded_by",
                         (programme_id, attendance, at, who))
        audit.record(conn, at=at, by=who, action="cohort-recorded", programme_id=programme_id,
                     details={"groups": [g._asdict() for g in checked], "attendance": attendance})


def parse_level(value: str) -> str:
    level = value.strip().lower().replace("behavior", "behaviour")
    for number, name in enumerate(KIRKPATRICK, start=1):
        if level in (name, str(number), f"level-{number}", f"level {number}"):
            return name
    raise InvalidInputError(f"unknown evaluation level {value!r}; choose one of: "
                            f"{', '.join(KIRKPATRICK)} (Kirkpatrick levels 1-4)")


def record_evaluation(store: Store, programme_id: int, level: str, score: float, *, by: str,
                      out_of: float = 5, method: str | None = None, notes: str | None = None,
                      today: date | None = None) -> None:
    """Record (or replace) the evaluation at one Kirkpatrick level: a score out of a scale,
    how it was measured and notes."""
    who = _by(by)
    name = parse_level(level)
    delivery = get_delivery(store, programme_id)
    _started(delivery, today)
    if not (math.isfinite(out_of) and out_of > 0):
        raise InvalidInputError("the scale must be above 0", fields=("out_of",))
    if not (math.isfinite(score) and 0 <= score <= out_of):
        raise InvalidInputError(f"score {score:g} is outside the scale 0 to {out_of:g}")
    how, text = parse_text(method, "method"), parse_text(notes, "notes")
    at = stamp()
    with store.write() as conn:
        conn.execute("INSERT INTO delivery_evaluations (programme_id, level, score, out_of, "
                     "method, notes, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (programme_id, level) DO UPDATE SET score = excluded.score, "
                     "out_of = excluded.out_of, method = excluded.method, notes = excluded.notes, "
                     "recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by",
                     (programme_id, name, score, out_of, how, text, at, who))
        audit.record(conn, at=at, by=who, action="evaluation-recorded",
                     programme_id=programme_id,
                     details={"level": name, "score": score, "out_of": out_of, "method": how,
                              "notes": text})
