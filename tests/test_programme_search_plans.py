"""Programme word search: both query plans give the same pages, and the counts agree.

The listing walks the sort index when many programmes match and fetches the matches
otherwise (``queries._walk_sort_index``); which plan runs must never change the answer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import generate

from catalogue.core.programmes import queries
from catalogue.core.programmes.queries import ProgrammeFilter, count_programmes, list_programmes
from catalogue.core.store import Store, open_store

SEARCHES = ["c", "co", "command", "kenya", "kenya command", "visit local", "zzzz", "(!)"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "programmes.db"
    generate.generate(path, generate.Sizes(programmes=400, requests=50, events=500))
    return path


@pytest.fixture
def gstore(generated: Path) -> Any:
    with open_store(generated) as store:
        yield store


def _ids(store: Store, flt: ProgrammeFilter, walk: bool, **options: Any) -> list[int]:
    original = queries._walk_sort_index
    queries._walk_sort_index = lambda *args: walk  # type: ignore[assignment]
    try:
        return [r["id"] for r in list_programmes(store, flt, **options)]
    finally:
        queries._walk_sort_index = original


@pytest.mark.parametrize("search", SEARCHES)
def test_both_plans_give_the_same_pages(gstore: Store, search: str) -> None:
    for country in (None, "KE"):
        flt = ProgrammeFilter(search=search, country=country)
        for sort in queries.SORTS:
            for descending in (None, True, False):
                for offset in (0, 7):
                    options = {"sort": sort, "descending": descending, "limit": 10,
                               "offset": offset}
                    assert _ids(gstore, flt, True, **options) == \
                        _ids(gstore, flt, False, **options), (search, country, sort, offset)


@pytest.mark.parametrize("search", SEARCHES)
def test_counts_agree_with_the_full_listing(gstore: Store, search: str) -> None:
    for country in (None, "KE"):
        flt = ProgrammeFilter(search=search, country=country)
        every = list_programmes(gstore, flt, limit=None)
        assert count_programmes(gstore, flt) == len(every)


def test_broad_searches_walk_the_index_and_narrow_ones_do_not(gstore: Store) -> None:
    assert queries._walk_sort_index(gstore, ProgrammeFilter(search="c"), 10, 0)
    assert not queries._walk_sort_index(gstore, ProgrammeFilter(search="zzzz"), 10, 0)
    assert queries._walk_sort_index(gstore, ProgrammeFilter(search="zzzz", country="KE"), 10, 0)


def test_search_as_you_type_prefixes(gstore: Store) -> None:
    """Every prefix of a word finds the programmes the whole word finds."""
    whole = set(_ids(gstore, ProgrammeFilter(search="command"), False, limit=None))
    assert whole
    for end in range(1, len("command")):
        found = set(_ids(gstore, ProgrammeFilter(search="command"[:end]), False, limit=None))
        assert whole <= found


def test_existing_database_gets_the_prefix_index(tmp_path: Path) -> None:
    """A database made before the prefix index is migrated; its programmes stay searchable
    and the triggers keep the index in step afterwards."""
    from catalogue.core.programmes.changes import create_programme, update_programme

    path = tmp_path / "old.db"
    with open_store(path) as store:
        create_programme(store, {"title": "Harbour patrols", "country": "Kenya"})
        with store.write():
            store.db["programmes"].enable_fts(["title", "notes"], create_triggers=True,  # type: ignore[union-attr]
                                              replace=True)
            store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = "
                               "'programmes_002_fts_prefix'")
        assert "prefix" not in store.scalar("SELECT sql FROM sqlite_master "
                                            "WHERE name = 'programmes_fts'")
    with open_store(path) as store:
        assert "prefix='1 2 3'" in store.scalar("SELECT sql FROM sqlite_master "
                                                "WHERE name = 'programmes_fts'")
        assert count_programmes(store, ProgrammeFilter(search="harb")) == 1
        new = create_programme(store, {"title": "Airport security", "country": "Ghana"})
        update_programme(store, new, {"title": "Airport screening"})
        assert count_programmes(store, ProgrammeFilter(search="screen")) == 1
        assert count_programmes(store, ProgrammeFilter(search="security")) == 0
        # rank = 1: the index is also checked against the programmes table's rows.
        store.conn.execute("INSERT INTO programmes_fts (programmes_fts, rank) "
                           "VALUES ('integrity-check', 1)")
