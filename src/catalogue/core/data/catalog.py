"""Disciplines, modules, principles, the Code of Ethics and audience levels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue.core.data.fields import Record, check_unique, records
from catalogue.core.data.textfiles import TextFile, parse_toml, read_text

SENSITIVITY = ("public", "restricted", "confidential")


@dataclass
class Catalog:
    levels: list[dict[str, Any]] = field(default_factory=list)
    principles: list[dict[str, Any]] = field(default_factory=list)
    ethics: list[dict[str, Any]] = field(default_factory=list)
    disciplines: list[dict[str, Any]] = field(default_factory=list)
    modules: list[dict[str, Any]] = field(default_factory=list)


def _load(root: Path, name: str) -> tuple[TextFile, dict[str, Any]]:
    file = read_text(root / name, root)
    return file, parse_toml(file)


def load_catalog(root: Path) -> Catalog:
    catalog = Catalog()
    ranks = _load_levels(root, catalog)
    principle_ids = _load_principles(root, catalog)
    _load_ethics(root, catalog)
    _load_disciplines(root, catalog, ranks, principle_ids)
    return catalog


def _load_levels(root: Path, catalog: Catalog) -> dict[str, int]:
    file, doc = _load(root, "levels.toml")
    items = records(file, doc, "level", "audience level")
    ranks: dict[str, int] = {}
    for ident, record in check_unique(items, "id").items():
        record.known({"id", "name", "rank"})
        rank = record.integer("rank", 1, 99)
        assert rank is not None
        if rank in ranks.values():
            raise record.fail(f"rank {rank} is used by another level", "rank")
        ranks[ident] = rank
        catalog.levels.append({"id": ident, "name": record.text("name"), "rank": rank})
    return ranks


def _load_principles(root: Path, catalog: Catalog) -> set[str]:
    file, doc = _load(root, "principles.toml")
    items = records(file, doc, "principle", "principle")
    for position, (ident, record) in enumerate(check_unique(items, "id").items(), start=1):
        record.known({"id", "name", "summary"})
        catalog.principles.append({"id": ident, "name": record.text("name"),
                                   "summary": record.text("summary"), "position": position})
    return {p["id"] for p in catalog.principles}


def _load_ethics(root: Path, catalog: Catalog) -> None:
    file, doc = _load(root, "code-of-ethics.toml")
    for edition in records(file, doc, "edition", "edition", key="year"):
        edition.known({"year", "title", "summary", "source", "principles", "standards"})
        year = edition.integer("year", 1990, 2100)
        about = {"edition_summary": edition.text("summary"),
                 "edition_source": edition.text("source")}
        for kind in ("principles", "standards"):
            tables = edition.tables(kind)
            if kind == "principles" and not tables:
                raise edition.fail(f"edition {year} lists no principles")
            items = [Record(file, t, kind[:-1], "id") for t in tables]
            for position, (ident, record) in enumerate(check_unique(items, "id").items(), 1):
                record.known({"id", "name", "summary"})
                catalog.ethics.append({
                    "edition": year, "edition_title": edition.text("title"),
                    "kind": kind[:-1], "id": ident, "name": record.text("name"),
                    "summary": record.text("summary", required=False), "position": position,
                    **about,
                })


MODULE_FIELDS = {"id", "title", "summary", "hours", "level_from", "level_to", "outcomes",
                 "principles", "prerequisites", "sensitivity", "sensitivity_basis", "note"}


def _load_disciplines(
    root: Path, catalog: Catalog, ranks: dict[str, int], principle_ids: set[str]
) -> None:
    folder = root / "disciplines"
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise read_text(folder, root).fail(None, "no discipline files (*.toml) found")
    discipline_ids: dict[str, Record] = {}
    module_records: dict[str, Record] = {}
    for path in paths:
        file = read_text(path, root)
        doc = parse_toml(file)
        if not isinstance(doc.get("discipline"), dict):
            raise file.fail(None, "missing the [discipline] table")
        head = Record(file, doc["discipline"], "discipline")
        head.known({"id", "title", "description", "sensitivity", "sensitivity_basis",
                    "position", "standard_modules", "standard_basis"})
        check_unique([head], "id", discipline_ids)
        discipline = {
            "id": head.text("id"), "title": head.text("title"),
            "description": head.text("description"),
            "sensitivity": head.text("sensitivity", choices=SENSITIVITY),
            "sensitivity_basis": head.text("sensitivity_basis"),
            "position": head.integer("position", 1, 999),
            "standard_basis": head.text("standard_basis"),
        }
        catalog.disciplines.append(discipline)
        modules = records(file, doc, "modules", "module")
        if not 1 <= len(modules) <= 20:
            raise head.fail(f"a discipline needs 1 to 20 modules, found {len(modules)}")
        before = len(module_records)
        check_unique(modules, "id", module_records)
        standard = _standard_modules(head, [m.data.get("id") for m in modules])
        for position, record in enumerate(modules, start=1):
            module = _module(record, discipline, position, ranks, principle_ids)
            module["standard"] = standard.get(module["id"], 0)
            catalog.modules.append(module)
        assert len(module_records) - before == len(modules)
    for ident, record in module_records.items():
        for prereq in record.text_list("prerequisites", required=False):
            if prereq not in module_records:
                raise record.fail(f"module {ident!r} names unknown prerequisite {prereq!r}",
                                  "prerequisites")
    _check_cycles(module_records)
    catalog.disciplines.sort(key=lambda d: (d["position"], d["id"]))


def _standard_modules(head: Record, ids: list[Any]) -> dict[str, int]:
    """Each standard module's place (1, 2 ...) in the discipline's ``standard_modules``."""
    listed = head.text_list("standard_modules", min_items=1)
    places: dict[str, int] = {}
    for ident in listed:
        if ident not in ids:
            raise head.fail(f"standard_modules names {ident!r}, which is not a module of "
                            f"this discipline (its modules: {', '.join(map(str, ids))})",
                            "standard_modules")
        if ident in places:
            raise head.fail(f"standard_modules lists {ident!r} twice", "standard_modules")
        places[ident] = len(places) + 1
    return places


def _module(record: Record, discipline: dict[str, Any], position: int,
            ranks: dict[str, int], principle_ids: set[str]) -> dict[str, Any]:
    record.known(MODULE_FIELDS)
    ident = record.text("id")
    level_from = record.text("level_from", choices=tuple(ranks))
    level_to = record.text("level_to", choices=tuple(ranks))
    if ranks[level_to] < ranks[level_from]:
        raise record.fail(f"level_to {level_to!r} is below level_from {level_from!r}", "level_to")
    principles = record.text_list("principles", min_items=1)
    for principle in principles:
        if principle not in principle_ids:
            raise record.fail(
                f"module {ident!r} names unknown principle {principle!r} "
                f"(known: {', '.join(sorted(principle_ids))})", "principles")
    sensitivity = record.text("sensitivity", required=False, choices=SENSITIVITY)
    basis = record.text("sensitivity_basis", required=False)
    if sensitivity and not basis:
        raise record.fail(f"module {ident!r} sets its own sensitivity, so it needs a "
                          "sensitivity_basis saying why (or that it is a local assumption)",
                          "sensitivity")
    if basis and not sensitivity:
        raise record.fail("sensitivity_basis is only for a module that sets its own "
                          "sensitivity", "sensitivity_basis")
    return {
        "id": ident, "discipline_id": discipline["id"], "title": record.text("title"),
        "summary": record.text("summary"), "hours": record.integer("hours", 1, 200),
        "level_from": level_from, "level_to": level_to,
        "level_rank": ranks[level_from],
        "outcomes": json.dumps(record.text_list("outcomes", min_items=1)),
        "principles": json.dumps(principles),
        "prerequisites": json.dumps(record.text_list("prerequisites", required=False)),
        "sensitivity": sensitivity or discipline["sensitivity"],
        "sensitivity_basis": basis or discipline["sensitivity_basis"],
        "note": record.text("note", required=False) or None, "position": position,
    }


def _check_cycles(modules: dict[str, Record]) -> None:
    graph = {ident: r.text_list("prerequisites", required=False) for ident, r in modules.items()}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            cycle = " -> ".join([*path[path.index(node):], node])
            raise modules[node].fail(f"prerequisites form a cycle: {cycle}", "prerequisites")
        state[node] = 1
        for nxt in graph[node]:
            visit(nxt, [*path, node])
        state[node] = 2

    for node in graph:
        visit(node, [])
