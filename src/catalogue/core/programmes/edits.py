"""Outline edits as values, each applied with its inverse worked out: what undo and redo use.

An edit (:class:`Insert`, :class:`Remove`, :class:`Move`, :class:`SetHours`, or a
:class:`Batch` of them) is applied by :func:`apply_edit` in one ``store.write()``: the module
list is read under the write lock, changed, checked and written whole, and the inverse is
computed from the list as it was at that moment. Applying the inverse puts the list back;
applying the inverse's inverse does the edit again. Nothing is written when any part fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from catalogue.core.counting import plural
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.programmes.changes import (
    _check_unique,
    _checked_entry,
    _write_entries,
    now,
)
from catalogue.core.programmes.model import ModuleEntry
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store


@dataclass(frozen=True)
class Placed:
    """A module to insert: at ``position`` (1-based) or, with None, at the end."""

    module_id: str
    position: int | None = None
    hours: float | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Insert:
    """Insert modules, one after the other (ascending positions restore a removal)."""

    modules: tuple[Placed, ...]


@dataclass(frozen=True)
class Remove:
    module_ids: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    module_id: str
    position: int


@dataclass(frozen=True)
class SetHours:
    """Override a module's hours; None restores the library's."""

    module_id: str
    hours: float | None


@dataclass(frozen=True)
class Batch:
    edits: tuple[Edit, ...]


Edit = Union[Insert, Remove, Move, SetHours, Batch]  # noqa: UP007 (a runtime alias)


def insert_modules(module_ids: list[str], position: int | None = None) -> Insert:
    """Insert ``module_ids`` in this order, from ``position`` (default: at the end)."""
    return Insert(tuple(Placed(m, None if position is None else position + i)
                        for i, m in enumerate(module_ids)))


def _index(entries: list[ModuleEntry], module_id: str, programme_id: int) -> int:
    for index, entry in enumerate(entries):
        if entry.module_id == module_id:
            return index
    raise NotFoundError(f"module {module_id} is not in programme {programme_id}")


def _step(store: Store, entries: list[ModuleEntry], edit: Edit, programme_id: int) -> Edit:
    """Change ``entries`` in place; the edit that undoes the change."""
    if isinstance(edit, Batch):
        inverses = [_step(store, entries, part, programme_id) for part in edit.edits]
        return Batch(tuple(reversed(inverses)))
    if isinstance(edit, Insert):
        added = []
        for placed in edit.modules:
            entry = _checked_entry(store, ModuleEntry(placed.module_id, placed.hours,
                                                      placed.notes))
            if placed.position is None:
                entries.append(entry)
            elif isinstance(placed.position, bool) or not (
                    1 <= placed.position <= len(entries) + 1):
                raise InvalidInputError(f"position {placed.position} is out of range: "
                                        f"choose 1 to {len(entries) + 1}")
            else:
                entries.insert(placed.position - 1, entry)
            added.append(entry.module_id)
        _check_unique(entries)
        return Remove(tuple(added))
    if isinstance(edit, Remove):
        where = sorted((_index(entries, m, programme_id), m) for m in edit.module_ids)
        restore = tuple(Placed(entries[i].module_id, i + 1, entries[i].hours, entries[i].notes)
                        for i, _ in where)
        for index, _ in reversed(where):
            del entries[index]
        return Insert(restore)
    if isinstance(edit, Move):
        index = _index(entries, edit.module_id, programme_id)
        if isinstance(edit.position, bool) or not 1 <= edit.position <= len(entries):
            raise InvalidInputError(f"position {edit.position} is out of range: the programme "
                                    f"has {plural(len(entries), 'module')}")
        entries.insert(edit.position - 1, entries.pop(index))
        return Move(edit.module_id, index + 1)
    index = _index(entries, edit.module_id, programme_id)
    old = entries[index]
    hours = None if edit.hours is None else _checked_entry(
        store, ModuleEntry(old.module_id, edit.hours)).hours
    entries[index] = ModuleEntry(old.module_id, hours, old.notes)
    return SetHours(edit.module_id, old.hours)


def apply_edit(store: Store, programme_id: int, edit: Edit) -> Edit:
    """Apply ``edit`` to the programme's module list in one transaction; its inverse."""
    get_programme(store, programme_id)  # a clear error for an unknown programme first
    with store.write() as conn:
        entries = list(get_programme(store, programme_id).modules)
        inverse = _step(store, entries, edit, programme_id)
        _write_entries(store, programme_id, entries)
        conn.execute("UPDATE programmes SET updated_at = ? WHERE id = ?", (now(), programme_id))
    return inverse
