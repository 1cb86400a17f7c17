"""The close matches a country search falls back to when its words match no name.

The explorer's list (:func:`catalogue.core.country_pages.country_page`) and the request counts
above it (:func:`catalogue.core.facets.request_facets`, also ``catalogue facets``) both ask
here, so they count and list the same countries: "Kenia" lists Kenya, and counts Kenya's
requests.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from catalogue.core.countries import DEFAULT_SORT, CountryFilter, CountryRow, count_countries, list_countries
from catalogue.core.store import Store


@dataclass(frozen=True)
class CloseMatches:
    rows: list[CountryRow]  # the matches within the filter's other choices, sorted
    hidden: int  # matches the other choices leave out
    note: str  # what kind of match it is, for the user


def falls_back(store: Store, flt: CountryFilter) -> bool:
    """Whether ``flt`` has search words that match no country's name (within its filters)."""
    return bool(flt.search and flt.search.strip()) and not count_countries(store, flt)


def close_matches(store: Store, flt: CountryFilter, sort: str = DEFAULT_SORT,
                  descending: bool = False) -> CloseMatches:
    """The countries the lookup (codes, aliases, misspellings) finds for ``flt``'s words,
    within its other filters."""
    from catalogue.core.lookup import lookup_country

    result = lookup_country(store, flt.search or "")
    found = [result.match] if result.match else result.candidates
    codes = [m.code for m in found]
    if not codes:
        return CloseMatches([], 0, "nothing matches those words")
    wider = replace(flt, search=None)
    rows = [r for r in list_countries(store, wider, sort=sort, descending=descending)
            if r["code"] in codes]
    if result.status == "found" and result.match and not result.match.fuzzy:
        note = f"matched {result.match.source} {result.match.matched!r}"
    elif result.status == "not_found":
        note = "nothing matches those words; the nearest names"
    else:
        note = "no name starts with those words; closest matches"
    return CloseMatches(rows, len(codes) - len(rows), note)
