"""Facets: requests by region x discipline x state under the explorer's country filters."""

from __future__ import annotations

import json

from catalogue.core.countries import CountryFilter
from catalogue.core.facets import activity_by_country, request_facets
from catalogue.core.requests.workflow import decline
from catalogue.core.store import Store
from request_helpers import new_request, walk_to


def _requests(store: Store) -> None:
    walk_to(store, new_request(store, "KE", disciplines=["counter-terrorism"]), "delivered")
    new_request(store, "KE", disciplines=["counter-terrorism", "leadership"])
    new_request(store, "GH", disciplines=[], modules=["cmd-decision-logs"])  # via a module
    gone = new_request(store, "FR", disciplines=["leadership"])
    decline(store, gone.id, by="tester", reason="not approved")


def test_counts_by_region_discipline_and_state(store: Store) -> None:
    _requests(store)
    everything = request_facets(store, CountryFilter(assisted_only=False))
    assert everything.regions == {"Africa": {"open": 2, "delivered": 1, "closed": 0},
                                  "Europe": {"open": 0, "delivered": 0, "closed": 1}}
    assert everything.disciplines["counter-terrorism"] == {"open": 1, "delivered": 1, "closed": 0}
    assert everything.disciplines["leadership"] == {"open": 1, "delivered": 0, "closed": 1}
    assert everything.disciplines["command"] == {"open": 1, "delivered": 0, "closed": 0}
    assert sum(c.requests for c in everything.cells if c.region == "Africa") == 4


def test_facets_follow_every_filter_and_the_discipline(store: Store) -> None:
    _requests(store)
    africa = request_facets(store, CountryFilter(region="Africa", assisted_only=False))
    assert set(africa.regions) == {"Africa"} and africa.disciplines["leadership"]["closed"] == 0
    kenya = request_facets(store, CountryFilter(search="kenya", assisted_only=False))
    assert kenya.regions == {"Africa": {"open": 1, "delivered": 1, "closed": 0}}
    ct = request_facets(store, CountryFilter(assisted_only=False), "Counter-terrorism")
    assert ct.discipline == "counter-terrorism" and list(ct.disciplines) == ["counter-terrorism"]
    assert ct.regions == {"Africa": {"open": 1, "delivered": 1, "closed": 0}}


def test_each_country_gets_its_delivered_and_open_counts(store: Store) -> None:
    _requests(store)
    assert activity_by_country(store, ["KE", "GH", "FR", "NG"]) == {
        "KE": (1, 1), "GH": (0, 1), "FR": (0, 0)}
    assert activity_by_country(store, ["KE", "GH"], "command") == {"GH": (0, 1)}
    assert activity_by_country(store, []) == {}


def test_catalogue_facets_prints_and_writes_json(invoke, store: Store) -> None:  # type: ignore[no-untyped-def]
    _requests(store)
    result = invoke("facets", "--all", "--discipline", "counter-terrorism")
    assert result.exit_code == 0
    assert "Requests by region (Counter-terrorism):" in result.output
    assert "Africa  1     1          0" in result.output
    data = json.loads(invoke("facets", "--all", "--json").output)
    assert data["regions"]["Europe"]["closed"] == 1
    assert {"region": "Africa", "discipline": "command", "group": "open", "requests": 1} \
        in data["cells"]
    bad = invoke("facets", "--region", "Atlantis")
    assert bad.exit_code == 2 and bad.stderr.startswith("catalogue: ")


def test_discipline_matching_is_exact_and_the_breakdown_can_be_left_out(store: Store) -> None:
    from catalogue.core.activity import in_discipline

    new_request(store, "KE", disciplines=["leadership"])
    for ident, expected in (("leadership", 1), ("leader", 0), ("leadershi_", 0), ("%", 0)):
        clause, params = in_discipline(store, ident)
        assert store.scalar(f"SELECT count(*) FROM requests r WHERE {clause}", params) \
            == expected, ident
    quick = request_facets(store, CountryFilter(), by_discipline=False)
    assert quick.regions == {"Africa": {"open": 1, "delivered": 0, "closed": 0}}
    assert quick.disciplines == {} and quick.cells == [] and "leadership" in quick.titles


def test_a_search_that_falls_back_to_close_matches_counts_those_countries(store: Store,
                                                                          invoke) -> None:
    """"Kenia" matches no name: the explorer lists its close match Kenya, and the counts
    (core, and ``catalogue facets``) are Kenya's, not "none"."""
    from catalogue.core.country_pages import country_page

    _requests(store)
    flt = CountryFilter(search="Kenia", assisted_only=False)
    page = country_page(store, flt)
    assert [r["code"] for r in page.rows] == ["KE"] and page.note
    assert request_facets(store, flt).regions == {
        "Africa": {"open": 1, "delivered": 1, "closed": 0}}
    assert request_facets(store, flt).disciplines["counter-terrorism"]["delivered"] == 1
    assert request_facets(store, flt).close_matches == ["Kenya"]
    assert request_facets(store, CountryFilter(search="Kenya")).close_matches == []
    assert request_facets(store, CountryFilter(search="zzqqxx")).regions == {}
    result = invoke("facets", "--search", "Kenia", "--all")
    assert result.exit_code == 0, result.output
    assert "Africa" in result.stdout and "none" not in result.stdout.split("\n\n")[0]
    assert "counting its closest matches: Kenya" in result.stderr
