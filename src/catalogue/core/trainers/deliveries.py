"""A programme's delivery: when and where it takes place, worked out from the stored data.

The dates come from the linked request when it has both a start and an end (the dates the
request was scheduled for); otherwise from the programme's start date and its indicative end
(the programme's hours at its hours per day, five training days then two rest days, as in
the outline). The database keeps them in ``delivery_spans`` (see ``spans.py``), so a change
to the programme, its modules, the request or the data files shows at once. The place is the
programme's country and delivery mode.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from catalogue.core.errors import NotFoundError
from catalogue.core.store import Store

IN_COUNTRY_MODES = ("in-country", "blended")
#: A linked request in one of these states means the delivery will not take place.
CANCELLED = ("declined", "withdrawn")


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
    dates_from: str  # "request 12", "programme (indicative end)", "no dates (...)"
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


_SELECT = """
    SELECT p.id, p.title, p.country, coalesce(c.name, p.country) AS country_name,
           p.delivery_mode, p.cohort_size, p.request_id, s.start, s."end",
           r.start IS NOT NULL AND r."end" IS NOT NULL AS by_request, r.state AS r_state
    FROM programmes p LEFT JOIN countries c ON c.code = p.country
    LEFT JOIN requests r ON r.id = p.request_id
    LEFT JOIN delivery_spans s ON s.programme_id = p.id
"""


def _build(store: Store, rows: list[Any], with_modules: bool) -> list[Delivery]:
    modules: dict[int, list[str]] = {r["id"]: [] for r in rows}
    ids = list(modules)
    for chunk in range(0, len(ids) if with_modules else 0, 500):
        part = ids[chunk:chunk + 500]
        for m in store.query(
                "SELECT programme_id, module_id FROM programme_modules WHERE programme_id IN "
                f"({','.join('?' * len(part))}) ORDER BY programme_id, position", part):
            modules[m["programme_id"]].append(m["module_id"])
    out = []
    for r in rows:
        if r["start"] is None:
            source = "no dates (no start date, or no modules to give an end)"
        elif r["by_request"]:
            source = f"request {r['request_id']}"
        else:
            source = "programme (indicative end)"
        out.append(Delivery(
            programme_id=r["id"], title=r["title"], country=r["country"],
            country_name=r["country_name"], mode=r["delivery_mode"], start=r["start"],
            end=r["end"], dates_from=source, request_id=r["request_id"],
            request_state=r["r_state"], cohort_size=r["cohort_size"],
            modules=tuple(modules[r["id"]])))
    return out


def get_delivery(store: Store, programme_id: int) -> Delivery:
    rows = store.query(_SELECT + " WHERE p.id = ?", (programme_id,))
    if not rows:
        raise NotFoundError(f"no programme {programme_id}")
    return _build(store, rows, with_modules=True)[0]


def deliveries_of(store: Store, programme_ids: list[int], *,
                  with_modules: bool = False) -> list[Delivery]:
    """The deliveries of the given programmes (unknown ids are skipped), in the given order."""
    found: dict[int, Delivery] = {}
    for chunk in range(0, len(programme_ids), 500):
        part = programme_ids[chunk:chunk + 500]
        rows = store.query(_SELECT + f" WHERE p.id IN ({','.join('?' * len(part))})", part)
        found.update((d.programme_id, d) for d in _build(store, rows, with_modules))
    return [found[i] for i in programme_ids if i in found]


def deliveries_between(store: Store, first: date, last: date, *,
                       programme_ids: list[int] | None = None) -> list[Delivery]:
    """Every dated delivery overlapping ``first``..``last`` (not those whose linked request
    was declined or withdrawn), by start date then programme id.

    One index range: a delivery overlapping the window starts at most the longest span
    (``max(days)``, itself read from an index) before it.
    """
    longest = int(store.scalar("SELECT coalesce(max(days), 0) FROM delivery_spans"))
    low = date.fromordinal(first.toordinal() - longest).isoformat()
    where = (' WHERE s.start BETWEEN ? AND ? AND s."end" >= ? '
             f"AND coalesce(r.state, '') NOT IN ({', '.join('?' * len(CANCELLED))})")
    params: list[Any] = [low, last.isoformat(), first.isoformat(), *CANCELLED]
    if programme_ids is None:
        rows = store.query(_SELECT + where + " ORDER BY s.start, p.id", params)
    else:  # a few programmes (one trainer's): by id, then by the window
        rows = []
        for chunk in range(0, len(programme_ids), 500):
            part = programme_ids[chunk:chunk + 500]
            rows += store.query(_SELECT + where + f" AND p.id IN ({','.join('?' * len(part))})",
                                [*params, *part])
        rows.sort(key=lambda r: (r["start"], r["id"]))
    return _build(store, rows, with_modules=False)
