"""Disciplines and the module library."""

from __future__ import annotations

import json
from typing import Any

from catalogue.core.errors import AmbiguousError, NotFoundError
from catalogue.core.lookup import fts_query
from catalogue.core.names import fold
from catalogue.core.store import Store

_JSON_FIELDS = ("outcomes", "principles", "prerequisites")


def _module(row: Any) -> dict[str, Any]:
    data = dict(row)
    for key in _JSON_FIELDS:
        data[key] = json.loads(data[key])
    return data


def list_disciplines(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT d.id, d.title, d.description, d.sensitivity, count(m.id) AS modules, "
        "coalesce(sum(m.hours), 0) AS hours FROM disciplines d "
        "LEFT JOIN modules m ON m.discipline_id = d.id GROUP BY d.id ORDER BY d.position"
    )
    return [dict(r) for r in rows]


def find_discipline(store: Store, name: str) -> dict[str, Any]:
    """A discipline by id or title (any case); a unique word prefix also works."""
    wanted = fold(name)
    disciplines = list_disciplines(store)
    for d in disciplines:
        if wanted in (fold(d["id"]), fold(d["title"])):
            return d
    partial = [d for d in disciplines if wanted and
               (fold(d["title"]).startswith(wanted) or fold(d["id"]).startswith(wanted))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AmbiguousError(f"{name!r} could mean: " + ", ".join(d["title"] for d in partial),
                             [d["id"] for d in partial])
    titles = ", ".join(d["id"] for d in disciplines)
    raise NotFoundError(f"no discipline {name!r}; known disciplines: {titles}")


def discipline_modules(store: Store, discipline_id: str) -> list[dict[str, Any]]:
    rows = store.query("SELECT * FROM modules WHERE discipline_id = ? ORDER BY position",
                       (discipline_id,))
    return [_module(r) for r in rows]


def get_module(store: Store, module_id: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM modules WHERE id = ?", (module_id.strip().lower(),))
    if row is None:
        raise NotFoundError(f"no module with id {module_id!r}")
    return _module(row)


def search_modules(store: Store, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Modules whose title or summary contain every word of ``text`` (as prefixes)."""
    query = fts_query(text)
    if not query:
        return []
    rows = store.query(
        "SELECT m.* FROM modules_fts f JOIN modules m ON m.rowid = f.rowid "
        "WHERE modules_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))
    return [_module(r) for r in rows]


def all_modules(store: Store) -> list[dict[str, Any]]:
    rows = store.query("SELECT m.* FROM modules m JOIN disciplines d ON d.id = m.discipline_id "
                       "ORDER BY d.position, m.position")
    return [_module(r) for r in rows]


def principles(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query("SELECT * FROM principles ORDER BY position")]


def levels(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query("SELECT * FROM levels ORDER BY rank")]


def ethics(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query("SELECT * FROM ethics ORDER BY edition, kind, position")]
