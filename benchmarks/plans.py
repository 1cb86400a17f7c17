"""Query plans of the hot queries, as the app runs them, on the large database.

    python benchmarks/plans.py [DB]      # default: benchmarks/out/large.db (generated if missing)

Each operation calls the app's own core function with SQLite's trace callback on, so the
statements shown are exactly those executed (parameters filled in). For each statement it
prints ``EXPLAIN QUERY PLAN`` and how long the statement took (best of three, warm cache).
Housekeeping statements (the schema check on open, PRAGMAs) and FTS5's internal statements
are left out.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SKIP = ("PRAGMA", "SELECT name FROM sqlite_master", "SELECT key, value FROM _meta",
        "SELECT name FROM _sqlite_migrations", "SELECT value FROM _meta",
        "INSERT OR REPLACE INTO _meta")


def operations() -> list[tuple[str, Callable[[Any], object]]]:
    from catalogue.core.countries import CountryFilter, list_countries
    from catalogue.core.country_activity import country_activity
    from catalogue.core.lookup import lookup_country
    from catalogue.core.programmes.queries import ProgrammeFilter, list_programmes
    from catalogue.core.requests import pages as request_pages
    from catalogue.core.requests.register import RequestFilter, list_requests

    return [
        ("country lookup by key (catalogue country Kenya)", lambda s: lookup_country(s, "Kenya")),
        ("countries by region (catalogue countries --region Africa)",
         lambda s: list_countries(s, CountryFilter(region="Africa"))),
        ("requests by country and state (request list --country KE --state scoping)",
         lambda s: list_requests(s, RequestFilter(states=["scoping"], country="KE"))),
        ("programme search, many matches, newest first (programme list --search c)",
         lambda s: list_programmes(s, ProgrammeFilter(search="c"))),
        ("programme search, few matches, newest first (programme list --search kenya command)",
         lambda s: list_programmes(s, ProgrammeFilter(search="kenya command"))),
        ("board: requests grouped by state", request_pages.request_state_counts),
        ("board: the open requests, oldest first (first page)",
         lambda s: request_pages.request_page(s, request_pages.OPEN)),
        ("explorer: a country's programmes and open requests (Kenya)",
         lambda s: country_activity(s, "KE")),
    ]


def best_of(store: Any, sql: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        store.conn.execute(sql).fetchall()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str]) -> int:
    from benchmarks.large import databases
    from catalogue.core.store import open_store

    db = argv[0] if argv else databases()[1]
    with open_store(db) as store:
        for title, operation in operations():
            statements: list[str] = []
            store.conn.set_trace_callback(statements.append)
            operation(store)
            store.conn.set_trace_callback(None)
            print(f"### {title}\n")
            for sql in statements:
                if sql.startswith(SKIP) or not sql.startswith(("SELECT", "WITH")) \
                        or "'main'." in sql:  # FTS5's own statements
                    continue
                print("```sql\n" + " ".join(sql.split()) + "\n```\n")
                print("```")
                for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql):
                    print(f"{'  ' * _depth(row)}{row[3]}")
                print(f"```\n{best_of(store, sql):.1f} ms\n")
    return 0


_parents: dict[int, int] = {}


def _depth(row: Any) -> int:
    node, parent = row[0], row[1]
    _parents[node] = _parents[parent] + 1 if parent in _parents else 0
    return _parents[node]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
