"""A programme's delivery: when and where it takes place, worked out from the stored data.

The dates come from the linked request when it has both a start and an end (the dates the
request was scheduled for); otherwise from the programme's start date and its indicative end
(the programme's hours at its hours per day, five training days then two rest days, as in
the outline). The place is the programme's country and delivery mode. Nothing is stored:
a change to the programme, its modules or the request shows at once.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from typing import Any, NamedTuple

from catalogue.core.errors import NotFoundError
from catalogue.core.store import Store

#: How far before a month the calendar looks for deliveries that started earlier and are
#: still running. A delivery longer than this is missed by the calendar (not by the
#: double-booking check, which reads a trainer's own assignments in full).
LOOKBACK_DAYS = 366
IN_COUNTRY_MODES = ("in-country", "blended")


class Delivery(NamedTuple):
    """One programme's delivery: dates (when known), place and where the dates come from.

    A NamedTuple rather than a dataclass: the country card (the quick lookup's path, which
    must not import dataclasses) reads deliveries."""

    programme_id: int
    title: str
    country: str
    country_name: str
    mode: str
    start: str | None
    end: str | None
    dates_from: str  # "request 12", "programme (indicative end)", "no start date"
    request_id: int | None
    request_state: str | None
    cohort_size: int | None
    modules: tuple[str, ...]

    @property
    def in_country(self) -> bool:
        return self.mode in IN_COUNTRY_MODES

    @property
    def dated(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, start: str, end: str) -> bool:
        return self.dated and self.start <= end and self.end >= start  # type: ignore[operator]


def indicative_end(start: str | None, hours: float, hours_per_day: float) -> str | None:
    """The outline's indicative end (``computations.end_date`` over its scheduled days, at
    least one); computed here without importing the programme model, which the quick
    lookup's path must not load. A test keeps the two equal."""
    if not start:
        return None
    days = max(1, math.ceil(round(hours / hours_per_day, 6)))
    elapsed = (days - 1) + 2 * ((days - 1) // 5)
    return (date.fromisoformat(start) + timedelta(days=elapsed)).isoformat()


_SELECT = """
    SELECT p.id, p.title, p.country, coalesce(c.name, p.country) AS country_name,
           p.delivery_mode, p.start_date, p.hours_per_day, p.cohort_size, p.request_id,
           r.start AS r_start, r."end" AS r_end, r.state AS r_state
    FROM programmes p LEFT JOIN countries c ON c.code = p.country
    LEFT JOIN requests r ON r.id = p.request_id
"""


def _build(store: Store, rows: list[Any]) -> list[Delivery]:
    if not rows:
        return []
    rates = store.scalar("SELECT value FROM costing WHERE key = 'rates'")
    default_hpd = float(json.loads(rates)["hours_per_day"]) if rates else 6.0
    ids = [r["id"] for r in rows]
    modules: dict[int, list[str]] = {i: [] for i in ids}
    hours: dict[int, float] = dict.fromkeys(ids, 0.0)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for m in store.query(
                "SELECT pm.programme_id, pm.module_id, coalesce(pm.hours, m.hours, 0) AS hours "
                "FROM programme_modules pm LEFT JOIN modules m ON m.id = pm.module_id "
                f"WHERE pm.programme_id IN ({','.join('?' * len(part))}) "
                "ORDER BY pm.programme_id, pm.position", part):
            modules[m["programme_id"]].append(m["module_id"])
            hours[m["programme_id"]] += float(m["hours"])
    out = []
    for r in rows:
        if r["r_start"] and r["r_end"]:
            start, end, source = r["r_start"], r["r_end"], f"request {r['request_id']}"
        elif r["start_date"]:
            start = r["start_date"]
            end = indicative_end(start, hours[r["id"]], float(r["hours_per_day"] or default_hpd))
            source = "programme (indicative end)"
        else:
            start = end = None
            source = "no start date"
        out.append(Delivery(
            programme_id=r["id"], title=r["title"], country=r["country"],
            country_name=r["country_name"], mode=r["delivery_mode"], start=start, end=end,
            dates_from=source, request_id=r["request_id"], request_state=r["r_state"],
            cohort_size=r["cohort_size"], modules=tuple(modules[r["id"]])))
    return out


def get_delivery(store: Store, programme_id: int) -> Delivery:
    rows = store.query(_SELECT + " WHERE p.id = ?", (programme_id,))
    if not rows:
        raise NotFoundError(f"no programme {programme_id}")
    return _build(store, rows)[0]


def deliveries_of(store: Store, programme_ids: list[int]) -> list[Delivery]:
    """The deliveries of the given programmes (unknown ids are skipped), in the given order."""
    found: dict[int, Delivery] = {}
    for chunk in range(0, len(programme_ids), 500):
        part = programme_ids[chunk:chunk + 500]
        rows = store.query(_SELECT + f" WHERE p.id IN ({','.join('?' * len(part))})", part)
        found.update((d.programme_id, d) for d in _build(store, rows))
    return [found[i] for i in programme_ids if i in found]


def deliveries_between(store: Store, first: date, last: date) -> list[Delivery]:
    """Every dated delivery that overlaps ``first``..``last``, by start date then id.

    Candidates are read through indexes: programmes starting from ``LOOKBACK_DAYS`` before
    ``first`` up to ``last``, and programmes linked to a request dated in that window.
    """
    low = (first - timedelta(days=LOOKBACK_DAYS)).isoformat()
    high = last.isoformat()
    ids = [r[0] for r in store.query(
        "SELECT id FROM programmes WHERE start_date BETWEEN ? AND ? "
        "UNION SELECT programme_id FROM requests WHERE start BETWEEN ? AND ? "
        "AND programme_id IS NOT NULL", (low, high, low, high))]
    wanted_from, wanted_to = first.isoformat(), last.isoformat()
    found = [d for d in deliveries_of(store, ids) if d.overlaps(wanted_from, wanted_to)]
    return sorted(found, key=lambda d: (d.start or "", d.programme_id))
