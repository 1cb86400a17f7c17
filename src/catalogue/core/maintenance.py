"""Housekeeping over the store: status, reseeding and integrity checks."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from catalogue.core.backup import BUSY_CODES
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DatabaseError
from catalogue.core.store import Store, busy_seconds, explain, is_fault
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


#: The full-text indexes, checked by FTS5's own integrity check.
FTS_TABLES = ("country_search_fts", "modules_fts")


def integrity_problems(store: Store) -> list[str]:
    """Problems reported by ``PRAGMA integrity_check`` and the FTS indexes; empty when healthy.

    Only reads the database: a busy one is a DatabaseError saying so (never a problem found),
    and a read-only one is checked in full."""
    rows = store.query("PRAGMA integrity_check")  # busy: the store's "busy, try again" error
    problems = [r[0] for r in rows if r[0] != "ok"]
    problems += _fts_problems(store)
    if not store.meta("data_hash"):
        raise DatabaseError(f"{store.path} has never been seeded")
    return problems


def _fts_problems(store: Store) -> list[str]:
    """FTS5's integrity check, run on an in-memory copy of the database.

    The check is spelt as an INSERT, which on the file itself needs the write lock: another
    program's open transaction, or a read-only file, would make a healthy index look damaged.
    The copy (in memory, so nothing leaves the database's own file) is a consistent snapshot."""
    copy = sqlite3.connect(":memory:")
    began = time.monotonic()

    def give_up_when_busy(status: int, remaining: int, total: int) -> None:
        # Python retries a locked source for ever: give up once the busy timeout has passed.
        if status in BUSY_CODES and time.monotonic() - began >= busy_seconds():
            raise sqlite3.OperationalError("database is locked")

    try:
        try:
            store.conn.backup(copy, progress=give_up_when_busy)
        except sqlite3.Error as exc:
            if is_fault(exc) and not any(w in str(exc).lower() for w in ("malformed", "corrupt",
                                                                           "not a database")):
                raise explain(exc, store.filename) from None  # busy, unreadable ...
            return [f"the search indexes could not be read ({exc})"]
        problems = []
        for table in FTS_TABLES:
            try:
                copy.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            except sqlite3.Error as exc:
                problems.append(f"{table}: {exc}")
        return problems
    finally:
        copy.close()


def audit_problems(store: Store) -> dict[int, list[str]]:
    """Request id -> what is wrong with its audit trail: an event changed, removed or added
    behind the tool's back, or a state that is not where its trail ends. Empty when whole."""
    from catalogue.core.requests.chain import verify

    try:
        return verify(store.conn)
    except sqlite3.Error as exc:
        if any(word in str(exc).lower() for word in ("locked", "busy")):
            raise explain(exc, store.filename) from None
        raise DatabaseError(f"cannot read the audit trail of {store.path} ({exc})") from None


def audit_summary(problems: dict[int, list[str]], limit: int = 5) -> str:
    """One line: the requests affected, then what is wrong with the first few."""
    ids = list(problems)
    head = f"the audit trail of {len(ids)} request{'s' if len(ids) != 1 else ''} " \
           f"({', '.join(map(str, ids[:20]))}{', ...' if len(ids) > 20 else ''}) " \
           "does not match what was recorded"
    details = "; ".join(f"request {rid}: {', '.join(problems[rid])}" for rid in ids[:limit])
    return f"{head}: {details}"
