"""Reading programmes: one in full, or a page of a filtered, sorted listing.

Listing stays fast with 100,000 programmes: the page is chosen on indexed columns first,
and module counts and hours are then computed for that page only.

A word search has two plans, chosen by how many programmes match (a cheap count from the
full-text index, which has prefix indexes for search-as-you-type). Few matches: fetch them
by rowid and sort them. Many matches ("c" matches three quarters of them): walk the sort
order's index and keep the programmes that are among the matches, stopping once the page
is full, instead of fetching and sorting tens of thousands of rows. The unary ``+`` in
``+p.id IN (...)`` is what tells SQLite not to drive the query from the match list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict, cast

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.lookup import fts_query
from catalogue.core.names import fold
from catalogue.core.programmes.model import EDITABLE_FIELDS, ModuleEntry, Programme
from catalogue.core.store import Store

#: Sort keys for listings, and the indexed ORDER BY each one uses.
SORTS = {
    "updated": "p.updated_at {dir}, p.id {dir}",
    "created": "p.id {dir}",
    "id": "p.id {dir}",
    "title": "p.title COLLATE NOCASE {dir}, p.id {dir}",
    "start": "p.start_date IS NULL, p.start_date {dir}, p.id {dir}",
    "country": "p.country {dir}, p.updated_at {dir}",
}
DEFAULT_DESCENDING = {"updated": True, "created": True}


@dataclass
class ProgrammeFilter:
    """What to list: words in the title or notes, and/or one country (its code)."""

    search: str | None = None
    country: str | None = None


def programme_exists(store: Store, programme_id: int) -> bool:
    return store.scalar("SELECT 1 FROM programmes WHERE id = ?", (programme_id,)) is not None


def get_programme(store: Store, programme_id: int) -> Programme:
    row = store.one("SELECT * FROM programmes WHERE id = ?", (programme_id,))
    if row is None:
        raise NotFoundError(f"no programme {programme_id}")
    data = dict(row)
    entries = [ModuleEntry(r["module_id"], r["hours"], r["notes"]) for r in store.query(
        "SELECT module_id, hours, notes FROM programme_modules WHERE programme_id = ? "
        "ORDER BY position", (programme_id,))]
    return Programme(id=data["id"], created_at=data["created_at"],
                     updated_at=data["updated_at"], modules=entries,
                     **{name: data[name] for name in EDITABLE_FIELDS})


_MATCHES = "SELECT rowid FROM programmes_fts WHERE programmes_fts MATCH ?"


def _searching(flt: ProgrammeFilter) -> bool:
    return flt.search is not None and bool(fold(flt.search))


def _match_count(store: Store, search: str) -> int:
    """How many programmes contain every word of ``search`` (from the full-text index alone;
    its triggers keep one entry per programme)."""
    return int(store.scalar("SELECT count(*) FROM programmes_fts WHERE programmes_fts MATCH ?",
                            (fts_query(search),)))


def _walk_sort_index(store: Store, flt: ProgrammeFilter, limit: int, offset: int) -> bool:
    """True when filtering the sort order beats fetching every match and sorting.

    With ``n`` matches among ``N`` programmes, walking the index reads about
    ``(offset + limit) * N / n`` entries, at roughly a quarter of the cost of fetching and
    sorting one match (measured at 100,000 programmes); a country filter narrows the walk
    to that country's programmes, so it always wins then.
    """
    if flt.country:
        return True
    matches = _match_count(store, flt.search or "")
    programmes = int(store.scalar("SELECT coalesce(max(id), 0) FROM programmes"))
    return 10 * matches * matches > 3 * (offset + limit) * programmes


def _where(flt: ProgrammeFilter, walk: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.search is not None and flt.search.strip():
        if fold(flt.search):
            clauses.append(f"{'+' if walk else ''}p.id IN ({_MATCHES})")
            params.append(fts_query(flt.search))
        else:
            clauses.append("0")  # only punctuation: nothing can match
    if flt.country:
        clauses.append("p.country = ?")
        params.append(flt.country)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


class ProgrammeRow(TypedDict):
    """One programme in a listing (``programme list``, the builder's table, the palette)."""

    id: int
    title: str
    country: str
    country_name: str | None
    delivery_mode: str
    start_date: str | None
    audience_level: str | None
    cohort_size: int | None
    request_id: int | None
    created_at: str
    updated_at: str
    modules: int  # how many modules
    hours: float  # their hours, overrides applied


def list_programmes(store: Store, flt: ProgrammeFilter | None = None, *, sort: str = "updated",
                    descending: bool | None = None, limit: int | None = 50,
                    offset: int = 0) -> list[ProgrammeRow]:
    """One page of programmes with country name, module count and total hours."""
    if sort not in SORTS:
        raise InvalidInputError(f"cannot sort programmes by {sort!r}; choose one of: "
                                f"{', '.join(SORTS)}")
    if (limit is not None and limit < 0) or offset < 0:
        raise InvalidInputError("limit and offset must not be negative")
    flt = flt or ProgrammeFilter()
    walk = limit is not None and _searching(flt) and _walk_sort_index(store, flt, limit, offset)
    where, params = _where(flt, walk)
    desc = DEFAULT_DESCENDING.get(sort, False) if descending is None else descending
    order = SORTS[sort].format(dir="DESC" if desc else "ASC")
    sql = (f"SELECT p.id, p.title, p.country, c.name AS country_name, p.delivery_mode, "
           f"p.start_date, p.audience_level, p.cohort_size, p.request_id, p.created_at, "
           f"p.updated_at FROM programmes p LEFT JOIN countries c ON c.code = p.country "
           f"{where} ORDER BY {order}")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    rows = [dict(r) for r in store.query(sql, params)]
    _add_sizes(store, rows)
    return cast(list[ProgrammeRow], rows)


def _add_sizes(store: Store, rows: list[dict[str, Any]]) -> None:
    """Module count and total hours (overrides applied) for the programmes on one page."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    sizes = {r["programme_id"]: (r["modules"], r["hours"]) for r in store.query(
        "SELECT pm.programme_id, count(*) AS modules, "
        "sum(coalesce(pm.hours, m.hours, 0)) AS hours FROM programme_modules pm "
        f"LEFT JOIN modules m ON m.id = pm.module_id WHERE pm.programme_id IN ({marks}) "
        "GROUP BY pm.programme_id", ids)}
    for row in rows:
        modules, hours = sizes.get(row["id"], (0, 0))
        row["modules"] = modules
        row["hours"] = round(float(hours or 0), 2)


def count_programmes(store: Store, flt: ProgrammeFilter | None = None) -> int:
    flt = flt or ProgrammeFilter()
    if _searching(flt) and not flt.country:
        return _match_count(store, flt.search or "")
    where, params = _where(flt, walk=bool(flt.country))
    return int(store.scalar(f"SELECT count(*) FROM programmes p {where}", params))
