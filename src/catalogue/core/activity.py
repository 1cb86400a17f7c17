"""Counting requests per country: open or delivered, in a discipline, since a date.

Shared by the world map's shading, the explorer's facets and the statistics. A request is
"in" a discipline when it names the discipline or one of its modules.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.core.store import Store

#: When a delivered request's training took place: its course start, else the day it was
#: marked delivered.
DELIVERED_ON = "coalesce(r.start, substr(r.state_changed_at, 1, 10))"


def discipline_id(store: Store, text: str | None) -> str | None:
    """A discipline id from an id, title or unique prefix (NotFoundError if none)."""
    if not text:
        return None
    from catalogue.core.catalog import find_discipline

    return str(find_discipline(store, text)["id"])


def in_discipline(store: Store, discipline: str) -> tuple[str, list[Any]]:
    """SQL (and its parameters) true when request ``r`` names ``discipline`` (an id) or one of
    its modules.

    The lists are stored as JSON arrays of ids (``["a", "b"]``) and an id has no quotes, so
    ``LIKE '%"id"%'`` matches exactly a whole id: about three times faster than expanding every
    request's JSON (0.46 s against 1.5 s over 100,000 requests).
    """
    modules = [r[0] for r in store.query("SELECT id FROM modules WHERE discipline_id = ?",
                                         (discipline,))]
    parts = ["r.disciplines LIKE ? ESCAPE '\\'"] + ["r.modules LIKE ? ESCAPE '\\'"] * len(modules)
    return "(" + " OR ".join(parts) + ")", [_quoted(discipline), *map(_quoted, modules)]


def _quoted(ident: str) -> str:
    escaped = ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f'%"{escaped}"%'


def request_where(store: Store, *, state: str, discipline: str | None = None,
                  since: date | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause over requests ``r``: ``state`` is "open", "delivered" or "any"."""
    from catalogue.core.requests.states import TERMINAL

    clauses: list[str] = []
    params: list[Any] = []
    if state == "open":
        clauses.append(f"r.state NOT IN ({', '.join('?' * len(TERMINAL))})")
        params += sorted(TERMINAL)
    elif state == "delivered":
        clauses.append("r.state = 'delivered'")
    if discipline:
        clause, values = in_discipline(store, discipline)
        clauses.append(clause)
        params += values
    if since is not None:
        clauses.append(f"{DELIVERED_ON} >= ?" if state == "delivered"
                       else "substr(r.created_at, 1, 10) >= ?")
        params.append(since.isoformat())
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def request_counts(store: Store, *, delivered: bool = False, discipline: str | None = None,
                   since: date | None = None) -> dict[str, int]:
    """Country code -> how many open (or delivered) requests, leaving out countries with none."""
    where, params = request_where(store, state="delivered" if delivered else "open",
                                  discipline=discipline_id(store, discipline), since=since)
    rows = store.query(f"SELECT r.country, count(*) FROM requests r {where} GROUP BY 1", params)
    return {row[0]: row[1] for row in rows}
