"""Housekeeping over the store: status, reseeding and integrity checks."""

from __future__ import annotations

import sqlite3
from typing import Any

from catalogue.core.data.location import data_dir
from catalogue.core.errors import DatabaseError
from catalogue.core.store import Store
from catalogue.core.store import reseed as _reseed


def status(store: Store) -> dict[str, Any]:
    return {
        "path": str(store.path),
        "data_dir": str(data_dir()),
        "seeded_at": store.meta("seeded_at"),
        "countries": store.scalar("SELECT count(*) FROM countries"),
        "modules": store.scalar("SELECT count(*) FROM modules"),
    }


def reseed(store: Store) -> None:
    _reseed(store)


def integrity_problems(store: Store) -> list[str]:
    """Problems reported by ``PRAGMA integrity_check`` and the FTS indexes; empty when healthy."""
    rows = store.query("PRAGMA integrity_check")
    problems = [r[0] for r in rows if r[0] != "ok"]
    for table in ("country_search_fts", "modules_fts"):
        try:
            store.conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        except sqlite3.Error as exc:
            problems.append(f"{table}: {exc}")
    if not store.meta("data_hash"):
        raise DatabaseError(f"{store.path} has never been seeded")
    return problems


def audit_problems(store: Store) -> dict[int, list[str]]:
    """Request id -> what is wrong with its audit trail: an event changed, removed or added
    behind the tool's back, or a state that is not where its trail ends. Empty when whole."""
    from catalogue.core.requests.chain import verify

    try:
        return verify(store.conn)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot read the audit trail of {store.path} ({exc})") from None


def audit_summary(problems: dict[int, list[str]], limit: int = 5) -> str:
    """One line: the requests affected, then what is wrong with the first few."""
    ids = list(problems)
    head = f"the audit trail of {len(ids)} request{'s' if len(ids) != 1 else ''} " \
           f"({', '.join(map(str, ids[:20]))}{', ...' if len(ids) > 20 else ''}) " \
           "does not match what was recorded"
    details = "; ".join(f"request {rid}: {', '.join(problems[rid])}" for rid in ids[:limit])
    return f"{head}: {details}"
