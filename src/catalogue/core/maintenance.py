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
