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
        "SELECT d.id, d.title, d.description, d.sensitivity, d.sensitivity_basis, "
        "s.marking, count(m.id) AS modules, coalesce(sum(m.hours), 0) AS hours "
        "FROM disciplines d LEFT JOIN modules m ON m.discipline_id = d.id "
        "LEFT JOIN sensitivity_levels s ON s.id = d.sensitivity "
        "GROUP BY d.id ORDER BY d.position"
    )
    return [dict(r) for r in rows]


#: A misspelt discipline is accepted (with ``fuzzy=True``) at this score or more ...
FUZZY_ACCEPT = 75.0
#: ... when no other discipline comes within this many points.
FUZZY_MARGIN = 8.0


def _words_match(wanted: str, d: dict[str, Any]) -> bool:
    """Every word typed starts a word of the title or id ("cyber", "dig cyb", "money")."""
    words = set(fold(d["title"]).split()) | set(fold(d["id"]).split())
    return all(any(w.startswith(part) for w in words) for part in wanted.split())


def match_discipline(store: Store, name: str, *,
                     fuzzy: bool = False) -> tuple[dict[str, Any], float | None]:
    """A discipline by id or title (any case), by the start of any of its words, or (with
    ``fuzzy``) by a clear misspelling; with the similarity score when it was a misspelling.
    Several matches raise AmbiguousError listing them; none, NotFoundError with the nearest."""
    wanted = fold(name)
    disciplines = list_disciplines(store)
    for d in disciplines:
        if wanted in (fold(d["id"]), fold(d["title"])):
            return d, None
    partial = [d for d in disciplines if wanted and _words_match(wanted, d)]
    if len(partial) == 1:
        return partial[0], None
    if partial:
        raise AmbiguousError(f"discipline {name!r} could mean: "
                             + "; ".join(f"{d['title']} ({d['id']})" for d in partial),
                             [d["id"] for d in partial])
    ranked = _similar(wanted, disciplines)
    if fuzzy and ranked and ranked[0][0] >= FUZZY_ACCEPT and (
            len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= FUZZY_MARGIN):
        return ranked[0][1], round(ranked[0][0], 1)
    near = [f"{d['title']} ({d['id']})" for score, d in ranked[:3] if score >= 50]
    known = ", ".join(d["id"] for d in disciplines)
    if near:
        raise NotFoundError(f"no discipline {name!r}; did you mean: {', '.join(near)}? "
                            f"(known disciplines: {known})")
    raise NotFoundError(f"no discipline {name!r}; known disciplines: {known}")


def _similar(wanted: str, disciplines: list[dict[str, Any]]) -> list[tuple[float, dict[str, Any]]]:
    """(score, discipline), best first: the best of title, id and each title word."""
    if not wanted:
        return []
    from rapidfuzz import fuzz

    scored = []
    for d in disciplines:
        keys = [fold(d["title"]), fold(d["id"]), *fold(d["title"]).split()]
        scored.append((max(fuzz.ratio(wanted, key) for key in keys), d))
    return sorted(scored, key=lambda item: -item[0])


def find_discipline(store: Store, name: str) -> dict[str, Any]:
    """A discipline by id, title or the start of its words (see :func:`match_discipline`)."""
    return match_discipline(store, name)[0]


def discipline_modules(store: Store, discipline_id: str) -> list[dict[str, Any]]:
    rows = store.query("SELECT m.*, s.marking FROM modules m LEFT JOIN sensitivity_levels s "
                       "ON s.id = m.sensitivity WHERE m.discipline_id = ? ORDER BY m.position",
                       (discipline_id,))
    return [_module(r) for r in rows]


def get_module(store: Store, module_id: str) -> dict[str, Any]:
    row = store.one("SELECT m.*, s.marking FROM modules m LEFT JOIN sensitivity_levels s "
                    "ON s.id = m.sensitivity WHERE m.id = ?", (module_id.strip().lower(),))
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
