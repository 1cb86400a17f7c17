"""Country listings with filters, region and area counts (cards: ``country_card``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict, cast

# The card lives in a light module of its own (the quick lookup imports only that).
from catalogue.core.country_card import country_card as country_card
from catalogue.core.country_card import country_row as country_row
from catalogue.core.errors import InvalidInputError
from catalogue.core.lookup import fts_query
from catalogue.core.names import fold
from catalogue.core.store import Store

LIST_COLUMNS = ("code", "name", "listed_as", "kind", "region", "subregion", "intermediate",
                "liaison_area_name", "assisted", "hr_priority", "hr_priority_year")
SORTABLE = {"name", "code", "region", "subregion", "intermediate", "liaison_area_name",
            "assisted", "hr_priority", "listed_as"}
#: The one order of country lists, in the app and the CLI alike: by the name each country is
#: shown under (its listed spelling when assisted, else its common name), ignoring case.
DEFAULT_SORT = "listed_as"
_TEXT_SORTS = {"name", "region", "subregion", "intermediate", "liaison_area_name"}


@dataclass
class CountryFilter:
    region: str | None = None
    subregion: str | None = None
    intermediate: str | None = None
    area: str | None = None
    assisted_only: bool = True
    search: str | None = None
    hr_priority_only: bool = False


#: The filter value that picks the countries and entities with no value in a column (the
#: European Union, for one, is in no UN region): offered by ``facet_counts``, so every entry
#: can be reached through each filter.
UNSET = {"region": "(no UN region)", "subregion": "(no UN sub-region)",
         "intermediate": "(no intermediate region)", "liaison_area_name": "(no liaison area)"}


def _resolve_value(store: Store, column: str, value: str, label: str) -> str | None:
    """The stored value ``value`` names (None: the :data:`UNSET` value of the column)."""
    if fold(value) == fold(UNSET[column]):
        return None
    known = [r[0] for r in store.query(f"SELECT DISTINCT {column} FROM countries "
                                       f"WHERE {column} IS NOT NULL ORDER BY 1")]
    wanted = fold(value)
    for name in known:
        if fold(name) == wanted:
            return name
    if column == "liaison_area_name":
        for row in store.query("SELECT id, name FROM liaison_areas"):
            if fold(row["id"]) == wanted:
                return str(row["name"])
    raise InvalidInputError(f"unknown {label} {value!r}; choose one of: "
                            f"{', '.join([*known, UNSET[column]])}")


class CountryRow(TypedDict):
    """One country in a listing (``catalogue countries``, the explorer's table); the
    explorer adds its requests ``delivered`` and ``open``."""

    code: str
    name: str
    listed_as: str | None
    kind: str
    region: str | None
    subregion: str | None
    intermediate: str | None
    liaison_area_name: str | None
    assisted: int
    hr_priority: int
    hr_priority_year: int | None
    delivered: NotRequired[int]
    open: NotRequired[int]


def list_countries(store: Store, flt: CountryFilter | None = None, *, sort: str = DEFAULT_SORT,
                   descending: bool = False, limit: int | None = None,
                   offset: int = 0) -> list[CountryRow]:
    """Countries matching the filter, sorted; page with ``limit``/``offset``."""
    sql, params = _where(store, flt or CountryFilter())
    if sort not in SORTABLE:
        raise InvalidInputError(f"cannot sort by {sort!r}; choose one of: "
                                f"{', '.join(sorted(SORTABLE))}")
    direction = "DESC" if descending else "ASC"
    # "Listed as" sorts every country by the name it is shown under: the listed spelling
    # for the countries assisted, else the common name.
    key = ("coalesce(listed_as, name) COLLATE NOCASE" if sort == "listed_as"
           else f"{sort} COLLATE NOCASE" if sort in _TEXT_SORTS else sort)
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM countries c {sql} "
           f"ORDER BY {key} IS NULL, {key} {direction}, name")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [cast(CountryRow, dict(r)) for r in store.query(sql, params)]


def count_countries(store: Store, flt: CountryFilter | None = None) -> int:
    sql, params = _where(store, flt or CountryFilter())
    return int(store.scalar(f"SELECT count(*) FROM countries c {sql}", params))


def filter_sql(store: Store, flt: CountryFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``countries c``) and parameters for ``flt``."""
    return _where(store, flt)


def _where(store: Store, flt: CountryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column, value, label in (("region", flt.region, "region"),
                                 ("subregion", flt.subregion, "sub-region"),
                                 ("intermediate", flt.intermediate, "intermediate region"),
                                 ("liaison_area_name", flt.area, "liaison area")):
        if value:
            stored = _resolve_value(store, column, value, label)
            if stored is None:
                clauses.append(f"{column} IS NULL")
            else:
                clauses.append(f"{column} = ?")
                params.append(stored)
    if flt.assisted_only:
        clauses.append("assisted = 1")
    if flt.hr_priority_only:
        clauses.append("hr_priority = 1")
    if flt.search and fold(flt.search):
        clauses.append("code IN (SELECT s.code FROM country_search s JOIN country_search_fts f "
                       "ON f.rowid = s.rowid WHERE country_search_fts MATCH ?)")
        params.append(fts_query(flt.search))
    elif flt.search and flt.search.strip():
        clauses.append("0")  # only punctuation: nothing can match
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def region_counts(store: Store, assisted_only: bool = False) -> list[dict[str, Any]]:
    """Every region / sub-region / intermediate region with country and assisted counts."""
    where = "WHERE assisted = 1" if assisted_only else ""
    rows = store.query(
        "SELECT coalesce(region, '(none)') AS region, coalesce(subregion, '') AS subregion, "
        "coalesce(intermediate, '') AS intermediate, count(*) AS countries, "
        f"sum(assisted) AS assisted FROM countries {where} "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    return [dict(r) for r in rows]


def area_counts(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT a.id, a.name, a.description, a.basis, count(c.code) AS countries, "
        "coalesce(sum(c.assisted), 0) AS assisted FROM liaison_areas a "
        "LEFT JOIN countries c ON c.liaison_area = a.id GROUP BY a.id ORDER BY a.position"
    )
    return [dict(r) for r in rows]


def facet_counts(store: Store, column: str, flt: CountryFilter) -> list[tuple[str, int]]:
    """(value, count) for one filter column under the other filters (for the TUI's chips);
    entries with no value in the column come last, under the column's :data:`UNSET` label."""
    if column not in UNSET:
        raise InvalidInputError(f"cannot count by {column!r}")
    sql, params = _where(store, flt)
    rows = store.query(f"SELECT {column}, count(*) FROM countries c {sql} "
                       f"GROUP BY 1 ORDER BY {column} IS NULL, 1", params)
    return [(r[0] if r[0] is not None else UNSET[column], r[1]) for r in rows]
