"""The typed read model of what deliveries achieved, for the country card, the app and the
reports that quote it (the IPAB draft and the IATI export read it from here).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from catalogue.core.store import Store
from catalogue.core.trainers.deliveries import Delivery, deliveries_of, get_delivery
from catalogue.core.trainers.schema import KIRKPATRICK

# NamedTuples rather than dataclasses: the country card, on the quick lookup's path (which
# must not import dataclasses), reads them.


class CohortGroup(NamedTuple):
    """Participants of one rank (and unit, when recorded)."""

    rank: str
    women: int
    men: int
    completed: int | None = None
    unit: str | None = None

    @property
    def total(self) -> int:
        return self.women + self.men


class Evaluation(NamedTuple):
    level: str  # reaction | learning | behaviour | results (Kirkpatrick 1-4)
    score: float
    out_of: float
    method: str | None
    notes: str | None
    recorded_at: str


class DeliveryResults(NamedTuple):
    """One delivery and what it achieved (cohort and evaluation empty until recorded)."""

    delivery: Delivery
    trainers: tuple[str, ...]
    groups: tuple[CohortGroup, ...]
    attendance: float | None
    evaluations: tuple[Evaluation, ...]

    @property
    def women(self) -> int:
        return sum(g.women for g in self.groups)

    @property
    def men(self) -> int:
        return sum(g.men for g in self.groups)

    @property
    def participants(self) -> int:
        return self.women + self.men

    @property
    def completed(self) -> int | None:
        done = [g.completed for g in self.groups]
        return None if not done or None in done else sum(d for d in done if d is not None)

    @property
    def recorded(self) -> bool:
        return bool(self.groups or self.evaluations or self.attendance is not None)

    def to_dict(self) -> dict[str, Any]:
        d = self.delivery
        return {
            "programme_id": d.programme_id, "title": d.title, "country": d.country,
            "country_name": d.country_name, "mode": d.mode, "start": d.start, "end": d.end,
            "dates_from": d.dates_from, "request_id": d.request_id,
            "trainers": list(self.trainers),
            "cohort": {"groups": [g._asdict() for g in self.groups], "women": self.women,
                       "men": self.men, "participants": self.participants,
                       "completed": self.completed},
            "attendance": self.attendance,
            "evaluations": [e._asdict() for e in self.evaluations],
        }


def _results(store: Store, deliveries: list[Delivery]) -> list[DeliveryResults]:
    if not deliveries:
        return []
    ids = [d.programme_id for d in deliveries]
    marks = ",".join("?" * len(ids))
    groups: dict[int, list[CohortGroup]] = {}
    for r in store.query(f"SELECT * FROM delivery_cohorts WHERE programme_id IN ({marks}) "
                         "ORDER BY id", ids):
        groups.setdefault(r["programme_id"], []).append(
            CohortGroup(r["rank"], r["women"], r["men"], r["completed"], r["unit"]))
    attendance = {r["programme_id"]: r["attendance"] for r in store.query(
        f"SELECT programme_id, attendance FROM delivery_results WHERE programme_id IN ({marks})",
        ids)}
    order = {name: i for i, name in enumerate(KIRKPATRICK)}
    evaluations: dict[int, list[Evaluation]] = {}
    for r in store.query(f"SELECT * FROM delivery_evaluations WHERE programme_id IN ({marks})",
                         ids):
        evaluations.setdefault(r["programme_id"], []).append(
            Evaluation(r["level"], r["score"], r["out_of"], r["method"], r["notes"],
                       r["recorded_at"]))
    names: dict[int, list[str]] = {}
    for r in store.query("SELECT a.programme_id, t.name FROM trainer_assignments a JOIN trainers "
                         f"t ON t.id = a.trainer_id WHERE a.programme_id IN ({marks}) "
                         "ORDER BY a.role = 'trainer', t.name", ids):
        names.setdefault(r["programme_id"], []).append(r["name"])
    return [DeliveryResults(
        delivery=d, trainers=tuple(names.get(d.programme_id, [])),
        groups=tuple(groups.get(d.programme_id, [])),
        attendance=attendance.get(d.programme_id),
        evaluations=tuple(sorted(evaluations.get(d.programme_id, []),
                                 key=lambda e: order[e.level])))
        for d in deliveries]


def delivery_results(store: Store, programme_id: int) -> DeliveryResults:
    return _results(store, [get_delivery(store, programme_id)])[0]


class CountryHistory(NamedTuple):
    total: int  # deliveries that have started
    latest: tuple[DeliveryResults, ...]  # the latest ``limit`` of them, latest first

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "deliveries": [r.to_dict() for r in self.latest]}


def country_history(store: Store, code: str, *, today: date | None = None,
                    limit: int = 10) -> CountryHistory:
    """A country's deliveries that have started, latest first, with what each achieved."""
    now = (today or date.today()).isoformat()
    where = ("FROM programmes p JOIN delivery_spans s ON s.programme_id = p.id "
             "LEFT JOIN requests r ON r.id = p.request_id WHERE p.country = ? AND s.start <= ? "
             "AND coalesce(r.state, '') NOT IN ('declined', 'withdrawn')")
    total = int(store.scalar(f"SELECT count(*) {where}", (code, now)))
    ids = [r[0] for r in store.query(f"SELECT p.id {where} ORDER BY s.start DESC, p.id DESC "
                                     "LIMIT ?", (code, now, limit))]
    found = deliveries_of(store, ids)
    return CountryHistory(total, tuple(_results(store, found)))
