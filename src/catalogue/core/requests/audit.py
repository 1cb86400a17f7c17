"""The append-only audit trail: who did what to a request, when (UTC), from which state to which.

Rows are only ever inserted, always inside the same transaction as the change they record
(database triggers refuse UPDATE and DELETE), each sealed into its request's hash chain
(:mod:`catalogue.core.requests.chain`), so a change made behind the tool's back is found by
``catalogue db check``. History can be read per request or exported
in batches, so a million rows stream without loading them all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from catalogue.core.errors import NotFoundError
from catalogue.core.identity import attribution, current_actor
from catalogue.core.store import Store

EVENT_COLUMNS = ("id", "request_id", "at", "by", "action", "from_state", "to_state", "note",
                 "details", "login", "signed_in")
ACTIONS = ("created", "advanced", "declined", "withdrawn", "edited", "reset", "linked",
           "osja-recorded")


def record(conn: sqlite3.Connection, request_id: int, *, at: str, by: str, action: str,
           from_state: str | None = None, to_state: str | None = None,
           note: str | None = None, details: dict[str, Any] | None = None) -> int:
    """Insert one audit row; call inside the transaction that makes the change.

    ``by`` is the name given (typed, or the default); the row also records the OS login of
    the process and the signed-in user it was given (:mod:`catalogue.core.identity`), which
    nothing typed can change.
    """
    assert conn.in_transaction, "audit rows are written in the change's own transaction"
    assert action in ACTIONS, action
    from catalogue.core.requests.chain import insert_sealed

    actor = current_actor()
    return insert_sealed(conn, {
        "request_id": request_id, "at": at, "by": by, "action": action,
        "from_state": from_state, "to_state": to_state, "note": note,
        "details": json.dumps(details or {}, ensure_ascii=False, default=str),
        "login": actor.login, "signed_in": actor.signed_in})


#: When the request ``r`` entered the state it is in: its latest audit row that changed the
#: state into it (created, advanced, declined, withdrawn, reset). Edits, links and OSJA
#: records name the state on both sides and do not restart the clock.
STATE_ENTERED_SQL = ("(SELECT e.at FROM request_events e WHERE e.request_id = r.id "
                     "AND e.to_state = r.state AND (e.from_state IS NULL OR "
                     "e.from_state <> e.to_state) ORDER BY e.id DESC LIMIT 1)")
#: The same test for any audit row ``e``: did it move the request into another state?
STATE_CHANGE_SQL = "e.to_state IS NOT NULL AND (e.from_state IS NULL OR e.from_state <> e.to_state)"


def state_entered(store: Store, request_ids: list[int]) -> dict[int, str]:
    """For each request, the UTC time it entered its current state, from the audit trail."""
    if not request_ids:
        return {}
    marks = ", ".join("?" * len(request_ids))
    rows = store.query(f"SELECT r.id, {STATE_ENTERED_SQL} AS entered FROM requests r "
                       f"WHERE r.id IN ({marks})", list(request_ids))
    return {r["id"]: r["entered"] for r in rows if r["entered"]}


def _event(row: Any) -> dict[str, Any]:
    data = dict(row)
    data["details"] = json.loads(data["details"] or "{}")
    data["who"] = attribution(data["by"], data.get("login"), data.get("signed_in"))
    return data


def history(store: Store, request_id: int, *, limit: int | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """One request's audit rows, oldest first."""
    if store.one("SELECT 1 FROM requests WHERE id = ?", (request_id,)) is None:
        raise NotFoundError(f"no request {request_id}")
    sql = "SELECT * FROM request_events WHERE request_id = ? ORDER BY id"
    params: list[Any] = [request_id]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_event(r) for r in store.query(sql, params)]


def received_by(store: Store, request_id: int, logged_by: str) -> str:
    """Who logged the request, as its audit trail reads: the OS login (or the signed-in user)
    that made it, with the name typed then as "on behalf of" (``logged_by``, the request's
    ``created_by``, when the trail has no login for it: rows written before logins)."""
    row = store.one('SELECT "by", login, signed_in FROM request_events WHERE request_id = ? '
                    "AND action = 'created' ORDER BY id LIMIT 1", (request_id,))
    if row is None:
        return logged_by
    return attribution(row["by"], row["login"], row["signed_in"])


def count_events(store: Store, request_id: int | None = None) -> int:
    if request_id is None:
        return int(store.scalar("SELECT count(*) FROM request_events"))
    return int(store.scalar("SELECT count(*) FROM request_events WHERE request_id = ?",
                            (request_id,)))


def iter_events(store: Store, request_id: int | None = None,
                batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every audit row (or one request's), oldest first, read ``batch`` rows at a time."""
    if request_id is not None and store.one("SELECT 1 FROM requests WHERE id = ?",
                                            (request_id,)) is None:
        raise NotFoundError(f"no request {request_id}")
    last = 0
    while True:
        if request_id is None:
            rows = store.query("SELECT * FROM request_events WHERE id > ? ORDER BY id LIMIT ?",
                               (last, batch))
        else:
            rows = store.query("SELECT * FROM request_events WHERE request_id = ? AND id > ? "
                               "ORDER BY id LIMIT ?", (request_id, last, batch))
        if not rows:
            return
        for row in rows:
            yield _event(row)
        last = rows[-1]["id"]
