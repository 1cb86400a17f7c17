"""The link between a request and its programme outline, kept the same from both sides.

A request points at one programme (``requests.programme_id``) and a programme at one
request (``programmes.request_id``). Whichever side is changed, :func:`relink` updates both
in the caller's transaction and records the change in the request's audit trail.
"""

from __future__ import annotations

import sqlite3

from catalogue.core.errors import NotFoundError
from catalogue.core.requests import audit


def _request(conn: sqlite3.Connection, request_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT id, state, programme_id FROM requests WHERE id = ?",
                       (request_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no request {request_id}")
    return row


def _set_request_side(conn: sqlite3.Connection, request_id: int, programme_id: int | None, *,
                      by: str, at: str) -> None:
    row = _request(conn, request_id)
    if row["programme_id"] == programme_id:
        return
    conn.execute("UPDATE requests SET programme_id = ?, updated_at = ? WHERE id = ?",
                 (programme_id, at, request_id))
    audit.record(conn, request_id, at=at, by=by, action="linked", from_state=row["state"],
                 to_state=row["state"], details={"programme_id": [row["programme_id"],
                                                                   programme_id]})


def relink(conn: sqlite3.Connection, *, request_id: int | None, programme_id: int | None,
           by: str, at: str) -> None:
    """Afterwards the request points at the programme and the programme at the request.

    Either may be None, to unlink the other from whatever it pointed at. Stale links on the
    far side (the programme's previous request, the request's previous programme) are
    cleared. Must run inside a write transaction.
    """
    assert conn.in_transaction, "links change inside the caller's transaction"
    assert request_id is not None or programme_id is not None
    if programme_id is not None:
        row = conn.execute("SELECT request_id FROM programmes WHERE id = ?",
                           (programme_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no programme {programme_id}")
        old_request = row["request_id"]
        if old_request is not None and old_request != request_id:
            old = conn.execute("SELECT programme_id FROM requests WHERE id = ?",
                               (old_request,)).fetchone()
            if old is not None and old["programme_id"] == programme_id:
                _set_request_side(conn, old_request, None, by=by, at=at)
        conn.execute("UPDATE programmes SET request_id = ? WHERE id = ?",
                     (request_id, programme_id))
    if request_id is not None:
        old_programme = _request(conn, request_id)["programme_id"]
        if old_programme is not None and old_programme != programme_id:
            conn.execute("UPDATE programmes SET request_id = NULL WHERE id = ? AND request_id = ?",
                         (old_programme, request_id))
        _set_request_side(conn, request_id, programme_id, by=by, at=at)
