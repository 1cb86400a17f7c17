"""The delivery calendar: a month's deliveries by country and by trainer, with clashes.

A clash is a trainer on two deliveries whose dates overlap, or a trainer assigned while
recorded as unavailable. Built for one month at a time through indexes, so it stays quick
with 100,000 programmes (see docs/performance.md).
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from catalogue.core.errors import InvalidInputError
from catalogue.core.store import Store
from catalogue.core.trainers.deliveries import Delivery, deliveries_between


class Clash(NamedTuple):
    """A trainer on two overlapping deliveries (``other_id`` the other programme), or
    unavailable during one (``other_id`` None). A NamedTuple: a busy month makes tens of
    thousands of them."""

    trainer_id: int
    trainer: str
    first: str  # the days the clash covers
    last: str
    other_id: int | None
    other_place: str  # the other delivery's country, or "" when unavailable
    other_start: str  # the other delivery's (or the unavailable period's) dates
    other_end: str

    @property
    def why(self) -> str:
        if self.other_id is None:
            return f"{self.trainer} is unavailable {self.other_start}..{self.other_end}"
        return (f"{self.trainer} is also on programme {self.other_id} ({self.other_place}, "
                f"{self.other_start}..{self.other_end})")

    def to_dict(self) -> dict[str, object]:
        return {**self._asdict(), "why": self.why}


@dataclass(frozen=True)
class CalendarEntry:
    delivery: Delivery
    trainers: tuple[tuple[int, str], ...]  # (id, name), lead first
    clashes: tuple[Clash, ...]


@dataclass(frozen=True)
class MonthCalendar:
    month: str  # YYYY-MM
    first: date
    last: date
    entries: tuple[CalendarEntry, ...]

    @property
    def clash_count(self) -> int:
        return sum(1 for e in self.entries if e.clashes)

    def days(self) -> list[tuple[date, int, bool]]:
        """Each day of the month: how many deliveries run that day, and whether a clash
        covers it. One pass over the deliveries and the distinct clash periods."""
        size = (self.last - self.first).days + 1
        starts = [0] * (size + 1)
        clash_days = [False] * size

        def index(text: str) -> int:
            return (date.fromisoformat(text) - self.first).days

        periods: set[tuple[str, str]] = set()
        for entry in self.entries:
            d = entry.delivery
            low, high = max(0, index(d.start or "")), min(size - 1, index(d.end or ""))
            if low <= high:
                starts[low] += 1
                starts[high + 1] -= 1
            periods.update((c.first, c.last) for c in entry.clashes)
        for first, last in periods:
            for day in range(max(0, index(first)), min(size - 1, index(last)) + 1):
                clash_days[day] = True
        out, running = [], 0
        for day in range(size):
            running += starts[day]
            out.append((date.fromordinal(self.first.toordinal() + day), running,
                        clash_days[day]))
        return out

    def rows(self, grouping: str = "date") -> list[dict[str, object]]:
        """Table rows: one per delivery (``date`` or ``country`` order), or one per trainer
        and delivery (``trainer``), each with a unique ``key``."""
        def row(entry: CalendarEntry, key: str, who: str) -> dict[str, object]:
            d = entry.delivery
            return {"key": key, "programme_id": d.programme_id, "start": d.start, "end": d.end,
                    "title": d.title, "country": d.country_name, "mode": d.mode,
                    "trainers": who, "clashes": entry.clashes}

        if grouping == "trainer":
            return [row(e, f"{ident}:{e.delivery.programme_id}", name)
                    for ident, name, entries in self.by_trainer() for e in entries]
        entries = list(self.entries)
        if grouping == "country":
            entries = [e for _, group in self.by_country() for e in group]
        return [row(e, str(e.delivery.programme_id),
                    ", ".join(n for _, n in e.trainers) or "-") for e in entries]

    def by_country(self) -> list[tuple[str, list[CalendarEntry]]]:
        groups: dict[str, list[CalendarEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.delivery.country_name, []).append(entry)
        return sorted(groups.items(), key=lambda pair: pair[0].lower())

    def by_trainer(self) -> list[tuple[int, str, list[CalendarEntry]]]:
        """(trainer id, name, their deliveries), by name."""
        groups: dict[tuple[str, int], list[CalendarEntry]] = {}
        for entry in self.entries:
            for ident, name in entry.trainers:
                groups.setdefault((name, ident), []).append(entry)
        return [(ident, name, rows) for (name, ident), rows in
                sorted(groups.items(), key=lambda pair: (pair[0][0].lower(), pair[0][1]))]


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> tuple[date, date]:
    """``YYYY-MM`` to the month's first and last days."""
    match = _MONTH.match((text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInputError(f"month {text!r} is not in the form YYYY-MM (e.g. 2027-03)")
    year, month = int(match.group(1)), int(match.group(2))
    if year < 1900:
        raise InvalidInputError(f"month {text!r} is out of range")
    return date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])


def shift_month(month: str, step: int) -> str:
    first, _ = parse_month(month)
    index = first.year * 12 + first.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_calendar(store: Store, month: str, *, trainer_id: int | None = None,
                   country: str | None = None) -> MonthCalendar:
    """The deliveries overlapping ``month`` (optionally one trainer's or one country's).

    A trainer's month shows the clashes among the deliveries it holds (theirs and their
    co-trainers' on those deliveries)."""
    first, last = parse_month(month)
    only = None
    if trainer_id is not None:
        only = [r[0] for r in store.query("SELECT programme_id FROM trainer_assignments "
                                          "WHERE trainer_id = ?", (trainer_id,))]
    deliveries = deliveries_between(store, first, last, programme_ids=only)
    if country:
        deliveries = [d for d in deliveries if d.country == country]
    ids = [d.programme_id for d in deliveries]
    teams: dict[int, list[tuple[int, str]]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for r in store.query(
                "SELECT a.programme_id, t.id, t.name FROM trainer_assignments a JOIN trainers t "
                f"ON t.id = a.trainer_id WHERE a.programme_id IN ({','.join('?' * len(part))}) "
                "ORDER BY a.role = 'trainer', t.name COLLATE NOCASE", part):
            teams.setdefault(r["programme_id"], []).append((r["id"], r["name"]))
    clashes = _clashes(store, deliveries, teams)
    entries = tuple(CalendarEntry(d, tuple(teams.get(d.programme_id, [])),
                                  tuple(clashes.get(d.programme_id, [])))
                    for d in deliveries)
    return MonthCalendar(f"{first.year:04d}-{first.month:02d}", first, last, entries)


def _clashes(store: Store, deliveries: list[Delivery],
             teams: dict[int, list[tuple[int, str]]]) -> dict[int, list[Clash]]:
    out: dict[int, list[Clash]] = {}
    by_trainer: dict[int, list[Delivery]] = {}
    names: dict[int, str] = {}
    for d in deliveries:
        for ident, name in teams.get(d.programme_id, []):
            by_trainer.setdefault(ident, []).append(d)
            names[ident] = name
    for ident, mine in by_trainer.items():
        mine.sort(key=lambda d: (d.start or "", d.programme_id))
        for i, a in enumerate(mine):
            for b in mine[i + 1:]:
                if (b.start or "") > (a.end or ""):
                    break
                first, last = max(a.start or "", b.start or ""), min(a.end or "", b.end or "")
                name = names[ident]
                out.setdefault(a.programme_id, []).append(Clash(
                    ident, name, first, last, b.programme_id, b.country_name, b.start or "",
                    b.end or ""))
                out.setdefault(b.programme_id, []).append(Clash(
                    ident, name, first, last, a.programme_id, a.country_name, a.start or "",
                    a.end or ""))
    if by_trainer:
        marks = ",".join("?" * len(by_trainer))
        for r in store.query('SELECT trainer_id, start, "end" FROM trainer_unavailable WHERE '
                             f"trainer_id IN ({marks})", list(by_trainer)):
            for d in by_trainer[r["trainer_id"]]:
                if d.overlaps(r["start"], r["end"]):
                    out.setdefault(d.programme_id, []).append(Clash(
                        r["trainer_id"], names[r["trainer_id"]],
                        max(r["start"], d.start or ""), min(r["end"], d.end or ""), None, "",
                        r["start"], r["end"]))
    return out
