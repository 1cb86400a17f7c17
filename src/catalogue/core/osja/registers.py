"""Two registers the users keep: armed conflict / occupation (one entry per country, like the
travel-advice register) and serious incidents (append-only, a country may have many).

Nothing is fetched or invented: an entry exists only where someone recorded it, with its date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.core.dates import stamp
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold
from catalogue.core.store import Store

MAX_TEXT = 2000


def _who(by: str) -> str:
    if not (by or "").strip():
        raise InvalidInputError("say who recorded it", fields=("by",))
    return by.strip()


def _text(value: str | None, label: str, field: str, required: bool = False) -> str | None:
    text = (value or "").strip()
    if required and not text:
        raise InvalidInputError(f"{label} must not be empty", fields=(field,))
    if len(text) > MAX_TEXT:
        raise InvalidInputError(f"{label} is {len(text)} characters; keep it under {MAX_TEXT}",
                                fields=(field,))
    return text or None


def _country(store: Store, code: str) -> str:
    name = store.scalar("SELECT name FROM countries WHERE code = ?", (code,))
    if name is None:
        raise NotFoundError(f"no country with code {code!r}")
    return str(name)


def _past(day: date, label: str, today: date | None) -> str:
    if day > (today or date.today()):
        raise InvalidInputError(f"{label} {day.isoformat()} is in the future")
    return day.isoformat()


def conflict_entry(store: Store, code: str) -> dict[str, Any] | None:
    row = store.one("SELECT * FROM conflict_register WHERE code = ?", (code,))
    return dict(row) if row is not None else None


def set_conflict(store: Store, code: str, as_of: date, *, by: str, part: str | None = None,
                 note: str | None = None, today: date | None = None) -> dict[str, Any]:
    """Record that there is (or may be) an armed conflict or occupation in ``code``."""
    _country(store, code)
    row = {"code": code, "part": _text(part, "the part of the country", "part"),
           "as_of": _past(as_of, "as-of date", today),
           "note": _text(note, "the note", "note"), "set_by": _who(by), "set_at": stamp()}
    updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != "code")
    with store.write() as conn:
        conn.execute(f"INSERT INTO conflict_register ({', '.join(row)}) VALUES "
                     f"({', '.join('?' * len(row))}) ON CONFLICT (code) DO UPDATE SET {updates}",
                     list(row.values()))
    entry = conflict_entry(store, code)
    assert entry is not None
    return entry


def clear_conflict(store: Store, code: str) -> None:
    with store.write() as conn:
        if not conn.execute("DELETE FROM conflict_register WHERE code = ?", (code,)).rowcount:
            raise NotFoundError(f"no armed-conflict entry is recorded for {code}")


def list_conflicts(store: Store) -> list[dict[str, Any]]:
    rows = [dict(r) for r in store.query(
        "SELECT r.*, c.name AS country FROM conflict_register r "
        "LEFT JOIN countries c ON c.code = r.code")]
    return sorted(rows, key=lambda r: fold(r["country"] or r["code"]))


def record_incident(store: Store, code: str, occurred_on: date, note: str, *, by: str,
                    today: date | None = None) -> dict[str, Any]:
    """Record a serious incident in a country; assessments that relied on the earlier state
    of that country then need re-assessment."""
    _country(store, code)
    row = {"code": code, "occurred_on": _past(occurred_on, "incident date", today),
           "note": _text(note, "the note", "note", required=True), "recorded_by": _who(by),
           "recorded_at": stamp()}
    with store.write() as conn:
        cursor = conn.execute(f"INSERT INTO osja_incidents ({', '.join(row)}) VALUES "
                              f"({', '.join('?' * len(row))})", list(row.values()))
        ident = int(cursor.lastrowid or 0)
    return {"id": ident, **row}


def incidents(store: Store, code: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT i.*, c.name AS country FROM osja_incidents i "
           "LEFT JOIN countries c ON c.code = i.code")
    params: list[Any] = []
    if code is not None:
        sql += " WHERE i.code = ?"
        params.append(code)
    return [dict(r) for r in store.query(sql + " ORDER BY i.occurred_on, i.id", params)]
