"""Finding modules in the library: the module picker's search, filters and standard sets.

Every word typed must start a word of the module's title, summary, learning outcomes, id or
its discipline's name, so "terror" finds every counter-terrorism module (its discipline is
"Counter-terrorism") as well as any other module that speaks of terrorism. Modules whose
title or discipline's name holds the most of the words come first, each group in the
library's own order (discipline by discipline).

The library is small (at most 20 modules a discipline) and is read whole for each search.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from catalogue.core.errors import InvalidInputError
from catalogue.core.names import fold
from catalogue.core.store import Store


@dataclass(frozen=True)
class ModuleQuery:
    """What the picker asks for. ``level`` keeps modules whose audience range includes that
    level; ``principle`` keeps modules that serve that principle."""

    text: str = ""
    discipline: str | None = None
    level: str | None = None
    principle: str | None = None


@dataclass(frozen=True)
class LibraryModule:
    """One module as the picker lists it."""

    id: str
    title: str
    discipline_id: str
    discipline: str
    hours: float
    level_from: str
    level_to: str
    #: Its place in the discipline's standard_modules (1 = first), 0 when not standard.
    standard: int
    principles: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    id: str
    title: str


@dataclass(frozen=True)
class PickerChoices:
    """The picker's filters: disciplines (with why their standard modules are standard),
    audience levels and principles, each in the library's order."""

    disciplines: tuple[Choice, ...]
    standard_basis: dict[str, str]
    levels: tuple[Choice, ...]
    principles: tuple[Choice, ...]


def picker_choices(store: Store) -> PickerChoices:
    disciplines = store.query("SELECT id, title, standard_basis FROM disciplines "
                              "ORDER BY position")
    return PickerChoices(
        tuple(Choice(r["id"], r["title"]) for r in disciplines),
        {r["id"]: r["standard_basis"] for r in disciplines},
        tuple(Choice(r["id"], r["name"])
              for r in store.query("SELECT id, name FROM levels ORDER BY rank")),
        tuple(Choice(r["id"], r["name"])
              for r in store.query("SELECT id, name FROM principles ORDER BY position")))


_WORD = re.compile(r"\w+")


def _words(*texts: str) -> set[str]:
    return {w for text in texts for w in _WORD.findall(fold(text))}


def _rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query(
        "SELECT m.id, m.title, m.summary, m.outcomes, m.discipline_id, m.hours, m.level_from, "
        "m.level_to, m.standard, m.principles, d.title AS discipline, "
        "lf.rank AS rank_from, lt.rank AS rank_to "
        "FROM modules m JOIN disciplines d ON d.id = m.discipline_id "
        "JOIN levels lf ON lf.id = m.level_from JOIN levels lt ON lt.id = m.level_to "
        "ORDER BY d.position, m.position")]


def _module(row: dict[str, Any]) -> LibraryModule:
    return LibraryModule(row["id"], row["title"], row["discipline_id"], row["discipline"],
                         float(row["hours"]), row["level_from"], row["level_to"],
                         int(row["standard"] or 0), tuple(json.loads(row["principles"])))


def _level_rank(store: Store, level: str) -> int:
    rank = store.scalar("SELECT rank FROM levels WHERE id = ?", (level,))
    if rank is None:
        known = ", ".join(r[0] for r in store.query("SELECT id FROM levels ORDER BY rank"))
        raise InvalidInputError(f"no audience level {level!r} (known: {known})")
    return int(rank)


def find_modules(store: Store, query: ModuleQuery) -> list[LibraryModule]:
    """The library's modules matching every part of ``query``: title matches first."""
    wanted = _WORD.findall(fold(query.text))
    rank = None if query.level is None else _level_rank(store, query.level)
    found: list[tuple[int, int, LibraryModule]] = []
    for order, row in enumerate(_rows(store)):
        if query.discipline is not None and row["discipline_id"] != query.discipline:
            continue
        if rank is not None and not row["rank_from"] <= rank <= row["rank_to"]:
            continue
        module = _module(row)
        if query.principle is not None and query.principle not in module.principles:
            continue
        if wanted:
            every = _words(row["title"], row["summary"], row["discipline"], row["id"],
                           *json.loads(row["outcomes"]))
            if not all(any(w.startswith(part) for w in every) for part in wanted):
                continue
            title = _words(row["title"], row["discipline"])
            in_title = sum(any(w.startswith(part) for w in title) for part in wanted)
            found.append((-in_title, order, module))
        else:
            found.append((0, order, module))
    return [module for *_, module in sorted(found, key=lambda item: (item[0], item[1]))]


def standard_modules(store: Store, discipline: str) -> list[LibraryModule]:
    """A discipline's standard modules (data/disciplines: standard_modules), in their order."""
    modules = [m for m in find_modules(store, ModuleQuery(discipline=discipline)) if m.standard]
    return sorted(modules, key=lambda m: m.standard)
