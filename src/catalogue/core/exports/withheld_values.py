"""The stored values a public export must not quote, read by their disclosure class.

For one programme: its own withheld fields, every withheld field of the request it is
linked to, and the travel advice recorded for its country (user entries and data file).
The classes come from :mod:`catalogue.core.disclosure`, so a field classified ``withheld``
there is scrubbed here without further code.
"""

from __future__ import annotations

import json
from typing import Any

from catalogue.core.disclosure import FIELDS, LIST, TEXT, WITHHELD
from catalogue.core.store import Store


def _texts(table: str, row: dict[str, Any] | None) -> set[str]:
    found: set[str] = set()
    if row is None:
        return found
    for column, field in FIELDS.get(table, {}).items():
        value = row.get(column)
        if field.cls != WITHHELD or field.kind not in (TEXT, LIST) or not value:
            continue
        if field.kind == LIST:
            try:
                items = json.loads(value)
            except (TypeError, ValueError):
                items = [value]
            found |= {str(item) for item in (items if isinstance(items, list) else [items])}
        else:
            found.add(str(value))
    return {text for text in found if text.strip()}


def _row(store: Store, table: str, where: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
    if not store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)):
        return None
    row = store.one(f'SELECT * FROM "{table}" WHERE {where}', params)
    return dict(row) if row is not None else None


def withheld_values(store: Store, programme_id: int) -> set[str]:
    """Every withheld text the programme's public export could otherwise quote."""
    programme = _row(store, "programmes", "id = ?", (programme_id,))
    if programme is None:
        return set()
    found = _texts("programmes", programme)
    if programme.get("request_id") is not None:
        found |= _texts("requests", _row(store, "requests", "id = ?",
                                         (programme["request_id"],)))
    for table in ("travel_advice", "travel_advice_data"):
        found |= _texts(table, _row(store, table, "code = ?", (programme["country"],)))
    if programme.get("public_title"):
        found.discard(programme["public_title"])
    return found
