"""The audit trail's hash chain: each request's events are linked, so a change is seen.

Every audit row carries ``prev_hash`` (the hash of the same request's previous row, "" for
the first) and ``hash`` (SHA-256 over ``prev_hash`` and the row's own fields); the request
row keeps the hash of its latest event in ``audit_head``. An edit of an event, a deleted or
inserted event, or a state changed without an event (``UPDATE requests SET state = ...`` in
any SQLite client) no longer agrees, and :func:`verify` names the requests affected.

This makes the trail tamper-evident, not tamper-proof: someone who knows this scheme and
recomputes every hash after an edit is not detected (there is no secret key).

Light: imported by the migration that adds the chain and by every audit write.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

#: The fields each hash covers, in this order.
HASHED = ("id", "request_id", "at", "by", "action", "from_state", "to_state", "note", "details",
          "login", "signed_in")
_COLUMNS = ('id, request_id, at, "by", action, from_state, to_state, note, details, login, '
            "signed_in")
_APPEND_ONLY_UPDATE = """CREATE TRIGGER IF NOT EXISTS request_events_append_only_update
       BEFORE UPDATE ON request_events
       BEGIN SELECT RAISE(ABORT, 'the request audit trail is append-only'); END"""


def event_hash(prev_hash: str, row: dict[str, Any] | sqlite3.Row) -> str:
    """SHA-256 of the previous hash and the row's fields (JSON, so no field can bleed into
    the next)."""
    fields = [row[name] for name in HASHED]
    payload = json.dumps([prev_hash, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head(conn: sqlite3.Connection, request_id: int) -> str:
    """The hash of the request's latest event ("" before its first)."""
    row = conn.execute("SELECT audit_head FROM requests WHERE id = ?", (request_id,)).fetchone()
    return str(row[0] or "") if row else ""


def insert_sealed(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    """Insert one audit row with its place in the chain; returns its id."""
    prev = head(conn, values["request_id"])
    next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM request_events")
                  .fetchone()[0])
    row = {name: None for name in HASHED} | values | {"id": next_id}
    digest = event_hash(prev, row)
    marks = ", ".join("?" * (len(HASHED) + 2))
    conn.execute(f"INSERT INTO request_events ({_COLUMNS}, prev_hash, hash) VALUES ({marks})",
                 (*(row.get(name) for name in HASHED), prev, digest))
    conn.execute("UPDATE requests SET audit_head = ? WHERE id = ?", (digest, values["request_id"]))
    return next_id


def rebuild(conn: sqlite3.Connection) -> int:
    """Compute the chain of every event (for a database that had none, or a bulk load);
    how many events. Runs in the caller's transaction."""
    conn.execute("DROP TRIGGER IF EXISTS request_events_append_only_update")
    heads: dict[int, str] = {}
    count = 0
    rows = conn.execute(f"SELECT {_COLUMNS} FROM request_events "
                        "ORDER BY request_id, id").fetchall()
    updates = []
    for values in rows:
        row = dict(zip(HASHED, values, strict=True))
        prev = heads.get(row["request_id"], "")
        digest = event_hash(prev, row)
        updates.append((prev, digest, row["id"]))
        heads[row["request_id"]] = digest
        count += 1
    conn.executemany("UPDATE request_events SET prev_hash = ?, hash = ? WHERE id = ?", updates)
    conn.executemany("UPDATE requests SET audit_head = ? WHERE id = ?",
                     [(digest, request_id) for request_id, digest in heads.items()])
    conn.execute(_APPEND_ONLY_UPDATE)
    return count


def _events(conn: sqlite3.Connection, batch: int = 20000) -> Iterator[dict[str, Any]]:
    last = (-1, -1)
    while True:
        rows = conn.execute(
            f"SELECT {_COLUMNS}, prev_hash, hash FROM request_events "
            "WHERE (request_id, id) > (?, ?) ORDER BY request_id, id LIMIT ?",
            (*last, batch)).fetchall()
        if not rows:
            return
        for values in rows:
            yield dict(zip((*HASHED, "prev_hash", "hash"), values, strict=True))
        last = (rows[-1][1], rows[-1][0])


def verify(conn: sqlite3.Connection) -> dict[int, list[str]]:
    """Request id -> what is wrong with its audit trail (empty when every trail is whole).

    Checks, per request: every event's hash, the link to the previous event, that the last
    event is the head the request records, and that the request's state is the state its
    last event moved it to.
    """
    problems: dict[int, list[str]] = {}
    requests = {r[0]: (r[1], str(r[2] or "")) for r in conn.execute(
        "SELECT id, state, audit_head FROM requests")}
    seen: dict[int, tuple[str, str | None]] = {}  # request -> (last hash, last to_state)
    for event in _events(conn):
        rid = event["request_id"]
        found = problems.setdefault(rid, [])
        if rid not in requests:
            found.append(f"event {event['id']} belongs to a request that is not there")
        prev_hash, _ = seen.get(rid, ("", None))
        if (event["prev_hash"] or "") != prev_hash:
            found.append(f"an event before event {event['id']} was removed or added")
        if event["hash"] != event_hash(event["prev_hash"] or "", event):
            found.append(f"event {event['id']} was changed" if event["hash"]
                         else f"event {event['id']} is not sealed in the chain")
        seen[rid] = (event["hash"] or "", event["to_state"] or seen.get(rid, ("", None))[1])
    for rid, (state, audit_head) in requests.items():
        found = problems.setdefault(rid, [])
        last_hash, last_state = seen.get(rid, ("", None))
        if rid not in seen:
            found.append("it has no audit events")
            continue
        if audit_head != last_hash:
            found.append("its latest audit event was removed or replaced")
        if last_state != state:
            found.append(f"its state is {state} but its audit trail ends at {last_state}")
    return {rid: items for rid, items in sorted(problems.items()) if items}
