"""Writing programmes: create, update, delete, and edit the ordered module list.

Every change runs in one ``store.write()`` transaction and moves ``updated_at``. The
module list is rewritten whole on each edit (a programme holds tens of modules at most),
which keeps positions dense, 1-based and unique without juggling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from catalogue.core.counting import plural
from catalogue.core.dates import stamp as utc_stamp
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.identity import login_name
from catalogue.core.links import relink
from catalogue.core.programmes.model import (
    MAX_TEXT,
    ModuleEntry,
    Programme,
    clean_fields,
    parse_hours,
    parse_text,
)
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store

MAX_MODULES = 200


def now() -> str:
    return utc_stamp()


def resolve_module_id(store: Store, module: str) -> str:
    """A library module id; an unknown id names close matches when there are any."""
    import difflib

    from catalogue.core.catalog import search_modules

    wanted = module.strip().lower()
    ids = [r[0] for r in store.query("SELECT id FROM modules ORDER BY id")]
    if wanted in ids:
        return wanted
    hints = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.75)
    hints += [m["id"] for m in search_modules(store, module.replace("-", " "), limit=3)
              if m["id"] not in hints]
    hint = (f"; did you mean: {', '.join(hints[:4])}?" if hints
            else " (list them with 'catalogue disciplines')")
    raise NotFoundError(f"no module with id {module!r}{hint}")


def create_programme(store: Store, raw: dict[str, Any],
                     modules: list[ModuleEntry] | None = None, *, by: str | None = None) -> int:
    """Validate ``raw`` (title and country required) and store a new programme; its id."""
    missing = [key for key in ("title", "country") if key not in raw]
    if missing:
        raise InvalidInputError(f"a programme needs a {' and a '.join(missing)}")
    fields = clean_fields(store, {"delivery_mode": "in-country", **raw})
    entries = [_checked_entry(store, e) for e in modules or []]
    _check_unique(entries)
    stamp = now()
    columns = [*fields, "created_at", "updated_at"]
    with store.write() as conn:
        cursor = conn.execute(
            f"INSERT INTO programmes ({', '.join(columns)}) VALUES "
            f"({', '.join('?' * len(columns))})", [*fields.values(), stamp, stamp])
        programme_id = int(cursor.lastrowid or 0)
        _write_entries(store, programme_id, entries)
        if fields.get("request_id") is not None:
            relink(conn, request_id=fields["request_id"], programme_id=programme_id,
                   by=by or login_name(), at=stamp)
    return programme_id


def update_programme(store: Store, programme_id: int, raw: dict[str, Any], *,
                     module: str | int | None = None, hours: Any = ...,
                     notes: Any = ..., by: str | None = None) -> Programme:
    """Change some fields (``None`` / ``""`` clears an optional one) and, with ``module``
    (an id or position), that module's hours (``None`` restores the library's) and/or notes.

    Everything is checked first and written in one transaction; returns the programme.
    """
    programme = get_programme(store, programme_id)
    fields = clean_fields(store, raw)
    if module is not None:
        _edited_entry(store, programme, module, hours, notes)  # check before taking the lock
    if not fields and module is None:
        return programme
    with store.write() as conn:
        if fields:
            if "request_id" in fields:  # both sides of the link, and the request's audit
                relink(conn, request_id=fields["request_id"], programme_id=programme_id,
                       by=by or login_name(), at=now())
            assignments = ", ".join(f"{key} = ?" for key in fields)
            conn.execute(f"UPDATE programmes SET {assignments} WHERE id = ?",
                         [*fields.values(), programme_id])
        if module is not None:  # re-read under the lock: another process may have edited it
            current = get_programme(store, programme_id)
            _write_entries(store, programme_id,
                           _edited_entry(store, current, module, hours, notes))
        conn.execute("UPDATE programmes SET updated_at = ? WHERE id = ?", (now(), programme_id))
    return get_programme(store, programme_id)


def delete_programme(store: Store, programme_id: int, *, by: str | None = None) -> None:
    programme = get_programme(store, programme_id)
    with store.write() as conn:
        if programme.request_id is not None:  # the request no longer has an outline
            relink(conn, request_id=None, programme_id=programme_id, by=by or login_name(),
                   at=now())
        conn.execute("DELETE FROM programme_modules WHERE programme_id = ?", (programme_id,))
        conn.execute("DELETE FROM programmes WHERE id = ?", (programme_id,))


def add_modules(store: Store, programme_id: int, module_ids: list[str], *,
                position: int | None = None, hours: Any = None,
                notes: str | None = None) -> Programme:
    """Insert library modules at ``position`` (1-based; default: at the end), in the given order."""
    get_programme(store, programme_id)
    if not module_ids:
        raise InvalidInputError("name at least one module to add")
    new = [_checked_entry(store, ModuleEntry(m, hours, notes)) for m in module_ids]

    def insert(programme: Programme) -> list[ModuleEntry]:
        entries = list(programme.modules)
        index = len(entries) if position is None else _insert_index(position, len(entries))
        entries[index:index] = new
        _check_unique(entries)
        return entries

    return _edit_entries(store, programme_id, insert)


def remove_module(store: Store, programme_id: int, ref: str | int) -> Programme:
    """Remove one module, named by its id or its current position."""
    get_programme(store, programme_id)

    def delete(programme: Programme) -> list[ModuleEntry]:
        entries = list(programme.modules)
        del entries[_index_of(store, programme, ref)]
        return entries

    return _edit_entries(store, programme_id, delete)


def move_module(store: Store, programme_id: int, ref: str | int, position: int) -> Programme:
    """Move one module (by id or position) so that it ends up at ``position`` (1-based)."""
    get_programme(store, programme_id)

    def move(programme: Programme) -> list[ModuleEntry]:
        entries = list(programme.modules)
        if isinstance(position, bool) or not 1 <= position <= len(entries):
            raise InvalidInputError(f"position {position} is out of range: the programme has "
                                    f"{plural(len(entries), 'module')}")
        entry = entries.pop(_index_of(store, programme, ref))
        entries.insert(position - 1, entry)
        return entries

    return _edit_entries(store, programme_id, move)


def set_module(store: Store, programme_id: int, ref: str | int, *,
               hours: Any = ..., notes: Any = ...) -> Programme:
    """Override a module's hours (``None`` restores the library hours) and/or set its notes."""
    return update_programme(store, programme_id, {}, module=ref, hours=hours, notes=notes)


def _edited_entry(store: Store, programme: Programme, ref: str | int, hours: Any,
                  notes: Any) -> list[ModuleEntry]:
    entries = list(programme.modules)
    index = _index_of(store, programme, ref)
    entry = ModuleEntry(entries[index].module_id, entries[index].hours, entries[index].notes)
    if hours is not ...:
        blank = hours is None or (isinstance(hours, str) and hours.strip().lower() in
                                  {"", "none", "library", "default"})
        entry.hours = None if blank else parse_hours(hours)
    if notes is not ...:
        entry.notes = parse_text(notes or "", "module notes", MAX_TEXT)
    entries[index] = entry
    return entries


def _checked_entry(store: Store, entry: ModuleEntry) -> ModuleEntry:
    hours = None if entry.hours is None else parse_hours(entry.hours)
    notes = parse_text(entry.notes or "", "module notes", MAX_TEXT)
    return ModuleEntry(resolve_module_id(store, entry.module_id), hours, notes)


def _check_unique(entries: list[ModuleEntry]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.module_id in seen:
            raise InvalidInputError(f"module {entry.module_id} is already in the programme")
        seen.add(entry.module_id)
    if len(entries) > MAX_MODULES:
        raise InvalidInputError(f"a programme can hold at most {MAX_MODULES} modules")


def _insert_index(position: int, length: int) -> int:
    if isinstance(position, bool) or not 1 <= position <= length + 1:
        raise InvalidInputError(f"position {position} is out of range: choose 1 to {length + 1}")
    return position - 1


def _index_of(store: Store, programme: Programme, ref: str | int) -> int:
    """The list index of a module named by id, or by 1-based position."""
    ids = [e.module_id for e in programme.modules]
    text = str(ref).strip()
    if text.isascii() and text.isdigit():  # not int() of "²" or of 5,000 digits: both raise
        number = int(text) if len(text) <= 9 else 0
        if not 1 <= number <= len(ids):
            shown = text if len(text) <= 20 else text[:17] + "..."
            raise InvalidInputError(f"position {shown} is out of range: programme "
                                    f"{programme.id} has {plural(len(ids), 'module')}")
        return number - 1
    wanted = text.lower()
    if wanted in ids:
        return ids.index(wanted)
    resolve_module_id(store, text)  # unknown module: the clearer error
    raise NotFoundError(f"module {wanted} is not in programme {programme.id}")


def _edit_entries(store: Store, programme_id: int,
                  edit: Callable[[Programme], list[ModuleEntry]]) -> Programme:
    """Read the module list, change it and save it under one write lock, so that two
    processes editing the same programme at once never lose each other's change."""
    with store.write() as conn:
        entries = edit(get_programme(store, programme_id))
        _write_entries(store, programme_id, entries)
        conn.execute("UPDATE programmes SET updated_at = ? WHERE id = ?", (now(), programme_id))
    return get_programme(store, programme_id)


def _write_entries(store: Store, programme_id: int, entries: list[ModuleEntry]) -> None:
    """Replace the module list (inside the caller's transaction)."""
    store.conn.execute("DELETE FROM programme_modules WHERE programme_id = ?", (programme_id,))
    store.conn.executemany(
        "INSERT INTO programme_modules (programme_id, position, module_id, hours, notes) "
        "VALUES (?, ?, ?, ?, ?)",
        [(programme_id, position, e.module_id, e.hours, e.notes)
         for position, e in enumerate(entries, start=1)])
