"""The catalogue's read models for the app: the discipline tree, a discipline's or a module's
detail, and modules for the palette."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.core.store import Store


@dataclass
class DisciplineNode:
    id: str
    title: str
    sensitivity: str
    hours: int
    modules: list[dict[str, Any]] = field(default_factory=list)


def discipline_tree(store: Store) -> list[DisciplineNode]:
    """Every discipline with its modules (id, title, hours), in catalogue order."""
    from catalogue.core.catalog import list_disciplines

    nodes = {d["id"]: DisciplineNode(d["id"], d["title"], d["sensitivity"], d["hours"])
             for d in list_disciplines(store)}
    for row in store.query("SELECT id, discipline_id, title, hours, sensitivity FROM modules "
                           "ORDER BY position"):
        nodes[row["discipline_id"]].modules.append(dict(row))
    return list(nodes.values())


def module_detail(store: Store, module_id: str) -> dict[str, Any]:
    """A module with its discipline's title and the principles' names."""
    from catalogue.core.catalog import get_module, principles

    module = get_module(store, module_id)
    row = store.one("SELECT title FROM disciplines WHERE id = ?", (module["discipline_id"],))
    module["discipline_title"] = row["title"] if row else module["discipline_id"]
    names = {p["id"]: p["name"] for p in principles(store)}
    module["principle_titles"] = [names.get(p, p) for p in module["principles"]]
    return module


def palette_modules(store: Store) -> list[dict[str, Any]]:
    """Every module with its discipline's title, for the command palette."""
    return [dict(r) for r in store.query(
        "SELECT m.id, m.title, d.title AS discipline FROM modules m "
        "JOIN disciplines d ON d.id = m.discipline_id ORDER BY d.position, m.position")]


def discipline_activity(store: Store, discipline_id: str) -> dict[str, Any]:
    """Countries with programmes (holding a module of the discipline) or open requests in it."""
    from catalogue.core.requests.states import TERMINAL

    terminal = sorted(TERMINAL)
    marks = ", ".join("?" * len(terminal))
    rows = store.query(
        "WITH p AS (SELECT country, count(*) AS n FROM programmes WHERE id IN "
        "  (SELECT pm.programme_id FROM programme_modules pm JOIN modules m "
        "   ON m.id = pm.module_id WHERE m.discipline_id = ?) GROUP BY 1), "
        "r AS (SELECT rq.country, count(*) AS n FROM requests rq "
        f"  WHERE rq.state NOT IN ({marks}) AND (EXISTS (SELECT 1 FROM json_each(rq.disciplines) "
        "  WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(rq.modules) j "
        "  JOIN modules m ON m.id = j.value WHERE m.discipline_id = ?)) GROUP BY 1) "
        "SELECT c.code, c.name, coalesce(p.n, 0) AS programmes, coalesce(r.n, 0) AS requests "
        "FROM countries c LEFT JOIN p ON p.country = c.code LEFT JOIN r ON r.country = c.code "
        "WHERE p.n IS NOT NULL OR r.n IS NOT NULL "
        "ORDER BY programmes + requests DESC, c.name LIMIT ?",
        [discipline_id, *terminal, discipline_id, discipline_id, 100])
    return {"countries": [dict(r) for r in rows]}


def discipline_detail(store: Store, discipline_id: str) -> dict[str, Any]:
    """A discipline with its modules and where it is in demand, for the detail pane."""
    from catalogue.core.catalog import discipline_modules, find_discipline

    discipline = find_discipline(store, discipline_id)
    discipline["module_list"] = discipline_modules(store, discipline["id"])
    discipline["activity"] = discipline_activity(store, discipline["id"])
    return discipline
