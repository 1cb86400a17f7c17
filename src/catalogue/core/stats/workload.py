"""Workload: hours and programmes by discipline, and training delivered by region and year."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.core.activity import DELIVERED_ON, discipline_id, request_where
from catalogue.core.store import Store

#: Programmes whose training took place: linked (either way) to a request marked delivered.
DELIVERED_PROGRAMMES = (
    "SELECT programme_id FROM requests WHERE state = 'delivered' AND programme_id IS NOT NULL "
    "UNION SELECT p.id FROM programmes p JOIN requests r ON r.id = p.request_id "
    "WHERE r.state = 'delivered'")


@dataclass(frozen=True)
class DisciplineLoad:
    discipline: str
    title: str
    programmes: int  # programmes holding at least one of its modules
    hours: float  # those modules' hours (a programme's own hours where it set them)


@dataclass(frozen=True)
class RegionYears:
    years: list[str]
    counts: dict[str, list[int]]  # UN region -> requests delivered in each year


def discipline_workload(store: Store, *, delivered_only: bool = False) -> list[DisciplineLoad]:
    """Every discipline, in catalogue order, with its programmes and hours."""
    only = f"AND pm.programme_id IN ({DELIVERED_PROGRAMMES})" if delivered_only else ""
    rows = store.query(
        "SELECT d.id, d.title, count(DISTINCT pm.programme_id) AS programmes, "
        "coalesce(sum(CASE WHEN pm.programme_id IS NOT NULL THEN coalesce(pm.hours, m.hours) "
        "END), 0) AS hours FROM disciplines d "
        "LEFT JOIN modules m ON m.discipline_id = d.id "
        f"LEFT JOIN programme_modules pm ON pm.module_id = m.id {only} "
        "GROUP BY d.id ORDER BY d.position")
    return [DisciplineLoad(r["id"], r["title"], r["programmes"], float(r["hours"]))
            for r in rows]


def delivered_by_region(store: Store, *, discipline: str | None = None) -> RegionYears:
    """Requests marked delivered, by the UN region of their country and the year the course
    started (else the year it was marked delivered)."""
    where, params = request_where(store, state="delivered",
                                  discipline=discipline_id(store, discipline))
    rows = store.query(
        f"SELECT coalesce(c.region, '(no region)') AS region, substr({DELIVERED_ON}, 1, 4) "
        f"AS year, count(*) AS n FROM requests r LEFT JOIN countries c ON c.code = r.country "
        f"{where} GROUP BY 1, 2", params)
    found = [(r["region"], r["year"], r["n"]) for r in rows]
    years = sorted({year for _, year, _ in found})
    if years:
        years = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    counts = {region: [0] * len(years) for region in sorted({r for r, _, _ in found})}
    for region, year, n in found:
        counts[region][years.index(year)] = n
    return RegionYears(years, counts)
