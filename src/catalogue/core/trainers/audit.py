"""The trainer audit trail: every roster, assignment and results change, append-only.

Rows are written inside the transaction of the change they record; database triggers refuse
UPDATE and DELETE on ``trainer_events``. As on the request trail, each row records the OS
login of the process and the signed-in user of a served session
(:mod:`catalogue.core.identity`), which nothing typed can change; the name given (``by``) is
who it was done on behalf of when it differs.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from catalogue.core.identity import attribution, current_actor
from catalogue.core.store import Store

ACTIONS = ("added", "edited", "subject-added", "subject-removed", "accredited",
           "unavailable", "available", "assigned", "unassigned", "cohort-recorded",
           "evaluation-recorded", "attendance-recorded")


@dataclass(frozen=True)
class TrainerEvent:
    id: int
    at: str
    by: str
    action: str
    trainer_id: int | None
    programme_id: int | None
    details: dict[str, Any]
    login: str | None = None  # None: written before logins were recorded
    signed_in: str | None = None

    @property
    def who(self) -> str:
        """``alice``, or ``alice on behalf of A. Jones`` (core/identity.py)."""
        return attribution(self.by, self.login, self.signed_in)


def record(conn: sqlite3.Connection, *, at: str, by: str, action: str,
           trainer_id: int | None = None, programme_id: int | None = None,
           details: dict[str, Any] | None = None) -> None:
    """Insert one audit row; call inside the transaction that makes the change.

    ``by`` is the name given; the row also records the process's OS login and the signed-in
    user it was given."""
    assert conn.in_transaction, "audit rows are written in the change's own transaction"
    assert action in ACTIONS, action
    actor = current_actor()
    conn.execute('INSERT INTO trainer_events (at, "by", action, trainer_id, programme_id, '
                 "details, login, signed_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (at, by, action, trainer_id, programme_id,
                  json.dumps(details or {}, ensure_ascii=False, default=str), actor.login,
                  actor.signed_in))


def _event(row: Any) -> TrainerEvent:
    return TrainerEvent(id=row["id"], at=row["at"], by=row["by"], action=row["action"],
                        trainer_id=row["trainer_id"], programme_id=row["programme_id"],
                        details=json.loads(row["details"] or "{}"), login=row["login"],
                        signed_in=row["signed_in"])


def trainer_history(store: Store, trainer_id: int) -> list[TrainerEvent]:
    """One trainer's audit rows, oldest first."""
    return [_event(r) for r in store.query(
        "SELECT * FROM trainer_events WHERE trainer_id = ? ORDER BY id", (trainer_id,))]


def recent_changes(store: Store, trainer_id: int, limit: int = 5) -> tuple[list[TrainerEvent], int]:
    """A trainer's latest ``limit`` audit rows, newest first, and how many there are."""
    rows = store.query("SELECT * FROM trainer_events WHERE trainer_id = ? ORDER BY id DESC "
                       "LIMIT ?", (trainer_id, limit))
    total = int(store.scalar("SELECT count(*) FROM trainer_events WHERE trainer_id = ?",
                             (trainer_id,)))
    return [_event(r) for r in rows], total


def programme_history(store: Store, programme_id: int) -> list[TrainerEvent]:
    """The assignment and results rows of one programme's delivery, oldest first."""
    return [_event(r) for r in store.query(
        "SELECT * FROM trainer_events WHERE programme_id = ? ORDER BY id", (programme_id,))]
