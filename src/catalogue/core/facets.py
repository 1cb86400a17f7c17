"""Request counts by region x discipline x state, under the explorer's country filters.

``request_facets`` counts the requests of the countries a filter lists (its close matches
when its search words match no name, as the explorer lists them), by UN region, by
discipline and by state (grouped as open, delivered and closed: declined or withdrawn), for
one discipline or all; ``activity_by_country`` gives each listed country its delivered and
open counts, shown beside it. A request is in a discipline when it names the discipline or
one of its modules (so one request can count under several disciplines, never twice under one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.core.activity import discipline_id, in_discipline
from catalogue.core.countries import CountryFilter, filter_sql
from catalogue.core.country_matches import close_matches, falls_back
from catalogue.core.requests.states import EXITS
from catalogue.core.store import Store

GROUPS = ("open", "delivered", "closed")
_GROUP_SQL = (f"CASE WHEN r.state = 'delivered' THEN 'delivered' WHEN r.state IN "
              f"({', '.join(repr(s) for s in EXITS)}) THEN 'closed' ELSE 'open' END")
#: Each request once per discipline it is in (named, or through one of its modules).
_REQUEST_DISCIPLINES = (
    "SELECT r.id AS request_id, j.value AS discipline FROM requests r, json_each(r.disciplines) j "
    "UNION SELECT r.id, m.discipline_id FROM requests r, json_each(r.modules) j "
    "JOIN modules m ON m.id = j.value")


@dataclass(frozen=True)
class FacetCell:
    region: str
    discipline: str
    group: str  # open | delivered | closed
    requests: int


@dataclass(frozen=True)
class RequestFacets:
    discipline: str | None  # the one chosen, or None for every discipline
    regions: dict[str, dict[str, int]]  # region -> group -> requests (each request once)
    disciplines: dict[str, dict[str, int]]  # discipline id -> group -> requests
    titles: dict[str, str]  # discipline id -> title, in catalogue order
    cells: list[FacetCell]  # region x discipline x group
    #: The countries counted in place of search words that match no name (their close
    #: matches, as the explorer lists them); empty when the words matched.
    close_matches: list[str] = field(default_factory=list)


def _countries(store: Store, flt: CountryFilter) -> tuple[str, list[Any], list[str]]:
    """The condition on requests for the countries the explorer lists for ``flt``, and the
    names of its close matches when its search words match no name (they are counted)."""
    if falls_back(store, flt):
        rows = close_matches(store, flt).rows
        codes = [r["code"] for r in rows]
        return (f"r.country IN ({', '.join('?' * len(codes)) or 'NULL'})", codes,
                [r["name"] for r in rows])
    where, params = filter_sql(store, flt)
    return f"r.country IN (SELECT c.code FROM countries c {where})", params, []


def request_facets(store: Store, flt: CountryFilter, discipline: str | None = None, *,
                   by_discipline: bool = True) -> RequestFacets:
    """The counts for the countries ``flt`` lists (and ``discipline``, if given).

    ``by_discipline=False`` leaves out the discipline breakdown (``disciplines`` and
    ``cells`` empty): the explorer asks for it only when its discipline list is opened,
    as it reads every request's lists (the region counts come from an index).
    """
    chosen = discipline_id(store, discipline)
    inside, params, instead = _countries(store, flt)
    only, values = in_discipline(store, chosen) if chosen else ("", [])
    rows = store.query(
        f"SELECT coalesce(c.region, '(no region)') AS region, {_GROUP_SQL} AS grp, count(*) AS n "
        f"FROM requests r LEFT JOIN countries c ON c.code = r.country WHERE {inside}"
        f"{' AND ' + only if chosen else ''} GROUP BY 1, 2", [*params, *values])
    regions: dict[str, dict[str, int]] = {}
    for row in rows:
        regions.setdefault(row["region"], dict.fromkeys(GROUPS, 0))[row["grp"]] = row["n"]
    titles = {r["id"]: r["title"] for r in store.query(
        "SELECT id, title FROM disciplines ORDER BY position")}
    if not by_discipline:
        return RequestFacets(chosen, dict(sorted(regions.items())), {}, titles, [], instead)
    pick = " AND d.discipline = ?" if chosen else ""
    rows = store.query(
        f"SELECT coalesce(c.region, '(no region)') AS region, d.discipline, {_GROUP_SQL} AS grp, "
        f"count(*) AS n FROM ({_REQUEST_DISCIPLINES}) d JOIN requests r ON r.id = d.request_id "
        f"LEFT JOIN countries c ON c.code = r.country WHERE {inside}{pick} GROUP BY 1, 2, 3",
        [*params, *([chosen] if chosen else [])])
    cells = [FacetCell(r["region"], r["discipline"], r["grp"], r["n"]) for r in rows]
    disciplines = {d: dict.fromkeys(GROUPS, 0) for d in titles if not chosen or d == chosen}
    for cell in cells:
        if cell.discipline in disciplines:
            disciplines[cell.discipline][cell.group] += cell.requests
    return RequestFacets(chosen, dict(sorted(regions.items())), disciplines, titles, cells,
                         instead)


def activity_by_country(store: Store, codes: list[str], discipline: str | None = None
                        ) -> dict[str, tuple[int, int]]:
    """Country code -> (requests delivered, requests open), in ``discipline`` if given."""
    if not codes:
        return {}
    chosen = discipline_id(store, discipline)
    only, values = in_discipline(store, chosen) if chosen else ("", [])
    rows = store.query(
        f"SELECT r.country, sum(r.state = 'delivered') AS delivered, sum({_GROUP_SQL} = 'open') "
        f"AS open FROM requests r WHERE r.country IN ({', '.join('?' * len(codes))})"
        f"{' AND ' + only if chosen else ''} GROUP BY 1", [*codes, *values])
    return {r["country"]: (r["delivered"], r["open"]) for r in rows}
