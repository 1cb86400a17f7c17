"""Country pages for the explorer: a filtered, sorted page of countries (close matches when
the words match nothing), the facet picker's choices, and every country for the palette.

The countries domain's read models for the app (no textual, no click).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from catalogue.core.countries import (
    DEFAULT_SORT,
    CountryFilter,
    CountryRow,
    count_countries,
    list_countries,
)
from catalogue.core.store import Store

#: CountryFilter attribute -> countries column, for the four facets.
FACETS = {"region": "region", "subregion": "subregion", "intermediate": "intermediate",
          "area": "liaison_area_name"}


FACET_LABELS = {"region": "Region", "subregion": "Sub-region",
                "intermediate": "Intermediate region", "area": "Liaison area"}


@dataclass
class CountryPage:
    """One page of a filtered, sorted country listing."""

    rows: list[CountryRow]
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


def country_page(store: Store, flt: CountryFilter, *, sort: str = DEFAULT_SORT,
                 descending: bool = False, limit: int = 200, offset: int = 0,
                 discipline: str | None = None) -> CountryPage:
    """A page of countries; when the search words match nothing, the lookup's close matches.

    The search box behaves like ``catalogue country``: names and aliases match by word
    prefix; if none do, codes (KE, KEN, 404) and misspellings ("Kenia") are resolved by
    :func:`catalogue.core.lookup.lookup_country`, still within the other filters.
    Each row also has ``delivered`` and ``open``: its requests delivered and open (in
    ``discipline`` if given), shown beside it.
    """
    total = count_countries(store, flt)
    if total or not (flt.search and flt.search.strip()):
        rows = list_countries(store, flt, sort=sort, descending=descending, limit=limit,
                              offset=offset)
        page = CountryPage(rows, total, offset, limit)
    else:
        page = _close_matches(store, flt, sort, descending, limit)
    _add_activity(store, page.rows, discipline)
    return page


def _add_activity(store: Store, rows: list[CountryRow], discipline: str | None) -> None:
    from catalogue.core.facets import activity_by_country

    counts = activity_by_country(store, [r["code"] for r in rows], discipline)
    for row in rows:
        row["delivered"], row["open"] = counts.get(row["code"], (0, 0))


def _close_matches(store: Store, flt: CountryFilter, sort: str, descending: bool,
                   limit: int) -> CountryPage:
    from catalogue.core.country_matches import close_matches

    matches = close_matches(store, flt, sort, descending)
    if not matches.rows and not matches.hidden:
        return CountryPage([], 0, 0, limit)
    note = matches.note
    if matches.hidden:
        note += f" ({matches.hidden} more outside the current filters)"
    return CountryPage(matches.rows, len(matches.rows), 0, limit, note=note)


def facet_choices(store: Store, facet: str, flt: CountryFilter) -> list[tuple[str, int]]:
    """(value, count) for one facet under every *other* filter, for the filter picker."""
    from catalogue.core.countries import facet_counts

    others = replace(flt)
    setattr(others, facet, None)
    return facet_counts(store, FACETS[facet], others)


def palette_countries(store: Store) -> list[dict[str, Any]]:
    """Every country and entity, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT code, name, listed_as, assisted FROM countries ORDER BY name")]
