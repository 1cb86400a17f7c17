"""The FCDO travel-advice register: a dated data file (empty by default) plus the user's entries.

No live feed is used and nothing is invented: advice exists only where someone recorded it,
always with the date it was current. A user entry for a country wins over the data file's.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from catalogue.core.dates import stamp
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold

if TYPE_CHECKING:
    from catalogue.core.store import Store

if TYPE_CHECKING:  # pathlib is not imported on the quick lookup's path
    from pathlib import Path

ADVICE_FILE = "travel-advice.csv"
DATA_ORIGIN = "data/travel-advice.csv"
USER_ORIGIN = "your register"

#: FCDO's two formal levels, plus "none" to record that the advice was checked and is clear.
LEVELS = {
    "against-all": "advise against all travel",
    "against-all-but-essential": "advise against all but essential travel",
    "none": "no advice against travel",
}


def parse_level(text: str) -> str:
    """A level id from its id or its wording (any case)."""
    wanted = fold(text)
    for ident, label in LEVELS.items():
        if wanted in (fold(ident), fold(label)):
            return ident
    choices = "; ".join(f"{ident} ({label})" for ident, label in LEVELS.items())
    raise InvalidInputError(f"unknown travel-advice level {text!r}; choose one of: {choices}")


def _known_codes(root: Path) -> set[str]:
    from catalogue.core.data.textfiles import parse_toml, read_csv, read_text

    codes = {row.get("alpha2") for row in read_csv(read_text(root / "un-m49.csv", root),
                                                    ["alpha2"])}
    entities = parse_toml(read_text(root / "entities.toml", root)).get("entity", [])
    codes |= {str(e.get("code")) for e in entities if isinstance(e, dict)}
    return {c for c in codes if c}


def advice_tables(root: Path) -> list[Any]:
    """The data file's entries as the ``travel_advice_data`` reference table."""
    from catalogue.core.data.textfiles import read_csv, read_text
    from catalogue.core.ref_table import RefTable

    file = read_text(root / ADVICE_FILE, root)
    known = _known_codes(root)
    rows: dict[str, dict[str, Any]] = {}
    for row in read_csv(file, ["code", "level", "part", "as_of", "source", "note"]):
        code = row.get("code").upper()
        if code not in known:
            raise file.fail(row.line, f"unknown country code {row.get('code')!r}")
        if code in rows:
            raise file.fail(row.line, f"second entry for {code}; keep one line per country")
        if row.get("level") not in LEVELS:
            raise file.fail(row.line, f"level {row.get('level')!r} is not one of: "
                                      f"{', '.join(LEVELS)}")
        as_of = file.checked_date(row.line, row.get("as_of"), "as_of")
        rows[code] = {"code": code, "level": row.get("level"), "part": row.get("part") or None,
                      "as_of": as_of, "source": row.get("source") or None,
                      "note": row.get("note") or None}
    columns: dict[str, type] = {"code": str, "level": str, "part": str, "as_of": str,
                                "source": str, "note": str}
    return [RefTable("travel_advice_data", list(rows.values()), pk="code", columns=columns)]


def _describe(row: Any, origin: str) -> dict[str, Any]:
    data = dict(row)
    data["label"] = LEVELS.get(data["level"], data["level"])
    data["origin"] = origin
    for key in ("source", "set_by", "set_at", "note", "part"):
        data.setdefault(key, None)
    return data


def current_advice(store: Store, code: str) -> dict[str, Any] | None:
    """The advice in force for ``code``: the user's entry, else the data file's, else None."""
    row = store.one("SELECT * FROM travel_advice WHERE code = ?", (code,))
    if row is not None:
        return _describe(row, USER_ORIGIN)
    row = store.one("SELECT * FROM travel_advice_data WHERE code = ?", (code,))
    return _describe(row, DATA_ORIGIN) if row is not None else None


def list_advice(store: Store) -> list[dict[str, Any]]:
    """Every country with advice recorded (user entries win), by country name."""
    user = {r["code"]: _describe(r, USER_ORIGIN) for r in
            store.query("SELECT * FROM travel_advice")}
    data = {r["code"]: _describe(r, DATA_ORIGIN) for r in
            store.query("SELECT * FROM travel_advice_data")}
    merged = {**data, **user}
    names = {r["code"]: r["name"] for r in store.query(
        f"SELECT code, name FROM countries WHERE code IN ({','.join('?' * len(merged))})",
        list(merged))} if merged else {}
    for code, entry in merged.items():
        entry["country"] = names.get(code, code)
    return sorted(merged.values(), key=lambda e: fold(e["country"]))


def set_advice(store: Store, code: str, level: str, as_of: date, *, by: str,
               part: str | None = None, note: str | None = None,
               today: date | None = None) -> dict[str, Any]:
    """Record the advice for one country (replacing the user's earlier entry)."""
    level = parse_level(level)
    if store.one("SELECT 1 FROM countries WHERE code = ?", (code,)) is None:
        raise NotFoundError(f"no country with code {code!r}")
    if as_of > (today or date.today()):
        raise InvalidInputError(f"as-of date {as_of.isoformat()} is in the future; give the date "
                                "the FCDO advice was current")
    if level == "none" and part:
        raise InvalidInputError("the part of the country says where the advice applies; it "
                                "makes no sense with level 'none'", fields=("part",))
    if not by.strip():
        raise InvalidInputError("say who recorded the advice", fields=("by",))
    row = {"code": code, "level": level, "part": (part or "").strip() or None,
           "as_of": as_of.isoformat(), "note": (note or "").strip() or None,
           "set_by": by.strip(), "set_at": stamp()}
    # Plain SQL, not sqlite-utils' upsert: when its feature probe fails (a full disk) it falls
    # back to INSERT OR IGNORE, which NOT NULL columns silently turn into saving nothing.
    columns = ", ".join(row)
    updates = ", ".join(f"{key} = excluded.{key}" for key in row if key != "code")
    with store.write() as conn:
        conn.execute(f"INSERT INTO travel_advice ({columns}) VALUES ({', '.join('?' * len(row))}) "
                     f"ON CONFLICT (code) DO UPDATE SET {updates}", list(row.values()))
    entry = current_advice(store, code)
    assert entry is not None
    return entry


def clear_advice(store: Store, code: str) -> dict[str, Any] | None:
    """Remove the user's entry for ``code``; returns the advice now in force (the data file's)."""
    with store.write() as conn:
        removed = conn.execute("DELETE FROM travel_advice WHERE code = ?", (code,)).rowcount
    if not removed:
        shipped = store.one("SELECT 1 FROM travel_advice_data WHERE code = ?", (code,))
        where = f"; the advice shown comes from {DATA_ORIGIN}: edit that file" if shipped else ""
        raise NotFoundError(f"no travel advice of yours is recorded for {code}{where}")
    return current_advice(store, code)
