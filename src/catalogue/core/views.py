"""Read models for the app's screens: pages of countries, filter choices, the discipline tree.

Small compositions of the core's own functions (no textual, no click), so the TUI's widgets
only lay out what these return.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from catalogue.core.countries import CountryFilter, count_countries, list_countries
from catalogue.core.store import Store

#: CountryFilter attribute -> countries column, for the four facets.
FACETS = {"region": "region", "subregion": "subregion", "intermediate": "intermediate",
          "area": "liaison_area_name"}
FACET_LABELS = {"region": "Region", "subregion": "Sub-region",
                "intermediate": "Intermediate region", "area": "Liaison area"}


@dataclass
class CountryPage:
    """One page of a filtered, sorted country listing."""

    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int
    #: Set when nothing matched the words and close (fuzzy or exact-code) matches are shown.
    note: str | None = None

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1 if self.limit else 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1


def country_page(store: Store, flt: CountryFilter, *, sort: str = "name",
                 descending: bool = False, limit: int = 200, offset: int = 0) -> CountryPage:
    """A page of countries; when the search words match nothing, the lookup's close matches.

    The search box behaves like ``catalogue country``: names and aliases match by word
    prefix; if none do, codes (KE, KEN, 404) and misspellings ("Kenia") are resolved by
    :func:`catalogue.core.lookup.lookup_country`, still within the other filters.
    """
    total = count_countries(store, flt)
    if total or not (flt.search and flt.search.strip()):
        rows = list_countries(store, flt, sort=sort, descending=descending, limit=limit,
                              offset=offset)
        return CountryPage(rows, total, offset, limit)
    return _close_matches(store, flt, sort, descending, limit)


def _close_matches(store: Store, flt: CountryFilter, sort: str, descending: bool,
                   limit: int) -> CountryPage:
    from catalogue.core.lookup import lookup_country

    query = flt.search or ""
    result = lookup_country(store, query)
    found = [result.match] if result.match else result.candidates
    codes = [m.code for m in found]
    if not codes:
        return CountryPage([], 0, 0, limit)
    wider = replace(flt, search=None)
    rows = [r for r in list_countries(store, wider, sort=sort, descending=descending)
            if r["code"] in codes]
    hidden = len(codes) - len(rows)
    if result.status == "found" and result.match and not result.match.fuzzy:
        note = f"matched {result.match.source} {result.match.matched!r}"
    else:
        note = "no name starts with those words; closest matches"
    if hidden:
        note += f" ({hidden} more outside the current filters)"
    return CountryPage(rows, len(rows), 0, limit, note=note)


def facet_choices(store: Store, facet: str, flt: CountryFilter) -> list[tuple[str, int]]:
    """(value, count) for one facet under every *other* filter, for the filter picker."""
    from catalogue.core.countries import facet_counts

    others = replace(flt)
    setattr(others, facet, None)
    return facet_counts(store, FACETS[facet], others)


@dataclass
class DisciplineNode:
    id: str
    title: str
    sensitivity: str
    hours: int
    modules: list[dict[str, Any]] = field(default_factory=list)


def discipline_tree(store: Store) -> list[DisciplineNode]:
    """Every discipline with its modules (id, title, hours), in catalogue order."""
    from catalogue.core.catalog import list_disciplines

    nodes = {d["id"]: DisciplineNode(d["id"], d["title"], d["sensitivity"], d["hours"])
             for d in list_disciplines(store)}
    for row in store.query("SELECT id, discipline_id, title, hours, sensitivity FROM modules "
                           "ORDER BY position"):
        nodes[row["discipline_id"]].modules.append(dict(row))
    return list(nodes.values())


def discipline_detail(store: Store, discipline_id: str) -> dict[str, Any]:
    """A discipline with its modules, as the explorer's detail pane shows it."""
    from catalogue.core.catalog import discipline_modules, find_discipline

    discipline = find_discipline(store, discipline_id)
    discipline["module_list"] = discipline_modules(store, discipline["id"])
    return discipline


def module_detail(store: Store, module_id: str) -> dict[str, Any]:
    """A module with its discipline's title and the principles' names."""
    from catalogue.core.catalog import get_module, principles

    module = get_module(store, module_id)
    row = store.one("SELECT title FROM disciplines WHERE id = ?", (module["discipline_id"],))
    module["discipline_title"] = row["title"] if row else module["discipline_id"]
    names = {p["id"]: p["name"] for p in principles(store)}
    module["principle_titles"] = [names.get(p, p) for p in module["principles"]]
    return module


def palette_countries(store: Store) -> list[dict[str, Any]]:
    """Every country and entity, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT code, name, listed_as, assisted FROM countries ORDER BY name")]


def palette_modules(store: Store) -> list[dict[str, Any]]:
    """Every module with its discipline's title, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT m.id, m.title, d.title AS discipline FROM modules m "
        "JOIN disciplines d ON d.id = m.discipline_id ORDER BY d.position, m.position")]


def country_card_with_activity(store: Store, code: str) -> dict[str, Any]:
    """The country card (as ``catalogue country`` shows it) plus its programmes and requests."""
    from catalogue.core.countries import country_card

    card = country_card(store, code)
    card["activity"] = country_activity(store, code)
    return card


def country_activity(store: Store, code: str) -> dict[str, Any] | None:
    """A country's programmes and open requests; None while those features are absent."""
    return None
