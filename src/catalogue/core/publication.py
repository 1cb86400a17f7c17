"""The public copy of the register: only public columns, for the read-only web view.

``catalogue publish`` serves this copy, never the live database. It is built from a
consistent snapshot (SQLite's backup API, safe while the team writes) into a new file that
holds only what :mod:`catalogue.core.disclosure` classes public:

- reference tables, with their public columns; modules and disciplines only where they are
  marked public (public sensitivity, and not a withheld discipline);
- programmes and their modules exactly as the redacted exports show them (the same
  :func:`catalogue.core.exports.render.export_outline` path): public title, months for
  in-country dates, notes scrubbed of withheld text, withheld modules left out;
- nothing of the request register, the audit trail, the trainer roster, costing or the
  tool's bookkeeping, all of which are withheld.

Every column of the copy is checked against the classification before it is written
(:func:`check_columns`); a text column without a public class stops the build. Foreign keys
are declared, so the web view links rows to each other.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from catalogue.core.disclosure import FIELDS, PUBLIC, WHEN_MARKED
from catalogue.core.errors import DatabaseError
from catalogue.core.store import Store, connect, explain

PUBLIC_DISCIPLINES = ("SELECT id FROM disciplines WHERE sensitivity = 'public' AND id NOT IN "
                      "('counter-terrorism')")


@dataclass(frozen=True)
class Spec:
    """One table of the public copy: its columns (name, SQL type), key and row filter."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: str  # the primary key ("": SQLite's rowid)
    where: str = ""
    references: dict[str, str] = field(default_factory=dict)
    #: Columns that are not text (numbers, flags): not in the text classification, so
    #: listed here on purpose.
    numbers: tuple[str, ...] = ()


def _t(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, "TEXT") for n in names)


def _n(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, "INTEGER") for n in names)


REFERENCE = (
    Spec("liaison_areas", (*_t("id", "name", "description"), *_n("position", "country_count")),
         "id", numbers=("position", "country_count")),
    Spec("levels", (*_t("id", "name"), *_n("rank")), "id", numbers=("rank",)),
    Spec("countries", (*_t("code", "alpha3", "numeric", "iso_name", "name", "official_name",
                           "listed_as", "kind", "administered_by", "uk_mission", "region",
                           "subregion", "intermediate", "m49", "liaison_area",
                           "liaison_area_name", "flag", "note"),
                       *_n("assisted", "hr_priority", "hr_priority_year")),
         "code", references={"liaison_area": "liaison_areas(id)"},
         numbers=("assisted", "hr_priority", "hr_priority_year")),
    Spec("principles", (*_t("id", "name", "summary"), *_n("position")), "id",
         numbers=("position",)),
    Spec("hr_priority_lists", (*_n("year"), *_t("published", "title"),
                               *_n("entry_count", "current")), "year",
         numbers=("year", "entry_count", "current")),
    Spec("hr_priority_entries", (*_n("year"), *_t("name", "code")), "",
         references={"year": "hr_priority_lists(year)", "code": "countries(code)"},
         numbers=("year",)),
    Spec("ethics", (*_n("edition"), *_t("edition_title", "kind", "id", "name", "summary"),
                    *_n("position")), "", numbers=("edition", "position")),
    Spec("disciplines", (*_t("id", "title", "description", "sensitivity"), *_n("position")),
         "id", where=f"id IN ({PUBLIC_DISCIPLINES})", numbers=("position",)),
    Spec("modules", (*_t("id", "discipline_id", "title", "summary"), ("hours", "REAL"),
                     *_t("level_from", "level_to"), *_n("level_rank"),
                     *_t("outcomes", "principles", "prerequisites", "sensitivity", "note"),
                     *_n("position")),
         "id", where=f"sensitivity = 'public' AND discipline_id IN ({PUBLIC_DISCIPLINES})",
         references={"discipline_id": "disciplines(id)", "level_from": "levels(id)",
                     "level_to": "levels(id)"},
         numbers=("hours", "level_rank", "position")),
    Spec("travel_advice_data", _t("code", "level", "as_of", "source"), "code",
         references={"code": "countries(code)"}),
    Spec("travel_advice", _t("code", "level", "as_of"), "code",
         references={"code": "countries(code)"}),
)

#: The programme tables, filled from the redacted export of each programme.
PROGRAMMES = Spec(
    "programmes",
    (*_n("id"), *_t("title", "country", "delivery_mode", "start_date", "end_date",
                    "audience_level"), *_n("cohort_size"), *_t("osja_grade", "notes",
                                                             "disciplines"),
     *_n("modules"), ("hours", "REAL"), *_n("withheld_modules")),
    "id", references={"country": "countries(code)", "audience_level": "levels(id)"},
    numbers=("id", "cohort_size", "modules", "hours", "withheld_modules"))
PROGRAMME_MODULES = Spec(
    "programme_modules",
    (*_n("programme_id", "position"), *_t("module_id"), ("hours", "REAL"), *_t("notes")),
    "programme_id, position",
    references={"programme_id": "programmes(id)", "module_id": "modules(id)"},
    numbers=("programme_id", "position", "hours"))
#: Columns of the programme tables that the redacted export computes rather than copies,
#: and the source field each one follows (its class decides, as for a copied column).
DERIVED = {("programmes", "title"): ("programmes", "public_title"),
           ("programmes", "end_date"): ("programmes", "start_date"),
           ("programmes", "disciplines"): ("modules", "discipline_id")}
SPECS = (*REFERENCE, PROGRAMMES, PROGRAMME_MODULES)


def check_columns(spec: Spec) -> None:
    """Refuse to publish a column that is not classified public (or public-when-marked,
    for tables whose rows are filtered to the marked ones), or listed as a number."""
    for name, _type in spec.columns:
        if name in spec.numbers:
            continue
        table, column = DERIVED.get((spec.name, name), (spec.name, name))
        cls = FIELDS.get(table, {}).get(column)
        # Public-when-marked fields only in tables whose rows are the marked ones: filtered
        # (modules, disciplines) or made by the redacted export (the programme tables).
        marked = bool(spec.where) or spec.name in {PROGRAMMES.name, PROGRAMME_MODULES.name}
        allowed = (PUBLIC, WHEN_MARKED) if marked else (PUBLIC,)
        if cls is None or cls.cls not in allowed:
            raise DatabaseError(f"refusing to publish {spec.name}.{name}: it is not classified "
                                "public in core/disclosure.py")


def _create(conn: sqlite3.Connection, spec: Spec) -> None:
    check_columns(spec)
    columns = [f'"{n}" {t}' + (f" REFERENCES {spec.references[n]}" if n in spec.references
                               else "") for n, t in spec.columns]
    if spec.key:
        columns.append(f"PRIMARY KEY ({spec.key})")
    conn.execute(f'CREATE TABLE "{spec.name}" ({", ".join(columns)})')


def _insert(conn: sqlite3.Connection, spec: Spec, rows: Any) -> None:
    names = ", ".join(f'"{n}"' for n, _ in spec.columns)
    marks = ", ".join("?" for _ in spec.columns)
    conn.executemany(f'INSERT OR REPLACE INTO "{spec.name}" ({names}) VALUES ({marks})', rows)


def _copy_reference(snapshot: sqlite3.Connection, public: sqlite3.Connection,
                    spec: Spec) -> None:
    names = ", ".join(f'"{n}"' for n, _ in spec.columns)
    where = f" WHERE {spec.where}" if spec.where else ""
    _insert(public, spec, snapshot.execute(f'SELECT {names} FROM "{spec.name}"{where}'))


def programme_keys(store: Store) -> dict[int, str]:
    """What each programme's public rows depend on (its row, its request, its country's
    travel advice, the data files): rebuilt only when this changes."""
    seeded = store.meta("data_hash") or ""
    rows = store.query(
        "SELECT p.id, p.updated_at, r.updated_at, a.set_at, a.as_of, d.as_of, d.level "
        "FROM programmes p LEFT JOIN requests r ON r.id = p.request_id "
        "LEFT JOIN travel_advice a ON a.code = p.country "
        "LEFT JOIN travel_advice_data d ON d.code = p.country")
    return {int(r[0]): json.dumps([seeded, *r[1:]]) for r in rows}


Rows = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def public_programme(store: Store, programme_id: int) -> Rows:
    """One programme's public row and module rows, from its redacted export."""
    from catalogue.core.exports.render import export_outline

    outline = export_outline(store, programme_id, redact=True)
    p, modules = outline["programme"], outline["modules"]
    disciplines = sorted({m["discipline_id"] for m in modules if m.get("discipline_id")})
    row = (p["id"], p["title"], p["country"]["code"], p["delivery_mode"], p.get("start_date"),
           p.get("end_date"), p.get("audience_level"), p.get("cohort_size"),
           p.get("osja_grade"), p.get("notes"), json.dumps(disciplines), len(modules),
           round(sum(m["hours"] or 0 for m in modules), 2),
           outline["totals"].get("withheld_modules", 0))
    module_rows = [(p["id"], m["position"], m["id"], m["hours"], m.get("notes"))
                   for m in modules]
    return row, module_rows


class Publication:
    """Builds and refreshes the public copy of one database at ``target``.

    Keeps each programme's public rows between refreshes, and rebuilds a programme's only
    when what they depend on changed (:func:`programme_keys`).
    """

    def __init__(self, source: str, target: str) -> None:
        self.source = os.path.abspath(source)
        self.target = os.path.abspath(target)
        if os.path.realpath(self.source) == os.path.realpath(self.target):
            raise DatabaseError("the public copy cannot be written over the database itself")
        self._cache: dict[int, tuple[str, Rows]] = {}
        self.built_from: str | None = None

    def source_signature(self) -> str:
        """Changes whenever the source database (or its write-ahead log) does."""
        parts = []
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):
                info = os.stat(self.source + suffix)
                if info.st_size:  # an empty log (made by a reader opening) is no change
                    parts.append(f"{suffix}{info.st_mtime_ns}:{info.st_size}")
        return "|".join(parts)

    def stale(self) -> bool:
        return self.built_from != self.source_signature() or not os.path.exists(self.target)

    def refresh(self) -> int:
        """Rebuild the public copy from a snapshot of the source; the programmes it holds."""
        signature = self.source_signature()
        folder = os.path.dirname(self.target)
        with _temporary(folder, ".snapshot") as snapshot_path, \
                _temporary(folder, ".public") as public_path:
            _snapshot(self.source, snapshot_path)
            store = Store(snapshot_path, connect(snapshot_path))
            try:
                count = self._build(store, public_path)
            finally:
                store.close()
            _install(public_path, self.target)
        self.built_from = signature
        return count

    def _build(self, store: Store, path: str) -> int:
        public = sqlite3.connect(path, isolation_level=None)
        try:
            public.execute("PRAGMA journal_mode=WAL")
            public.execute("BEGIN")
            for spec in SPECS:
                _create(public, spec)
            for spec in REFERENCE:
                _copy_reference(store.conn, public, spec)
            keys = programme_keys(store)
            self._cache = {pid: entry for pid, entry in self._cache.items()
                           if pid in keys and entry[0] == keys[pid]}
            for pid, key in keys.items():
                if pid not in self._cache:
                    self._cache[pid] = (key, public_programme(store, pid))
            _insert(public, PROGRAMMES, (rows[0] for _, rows in self._cache.values()))
            _insert(public, PROGRAMME_MODULES,
                    (m for _, rows in self._cache.values() for m in rows[1]))
            public.execute("COMMIT")
        finally:
            public.close()
        return len(keys)


@contextlib.contextmanager
def _temporary(folder: str, suffix: str) -> Iterator[str]:
    fd, path = tempfile.mkstemp(prefix=".catalogue-publish-", suffix=suffix, dir=folder)
    os.close(fd)
    os.chmod(path, 0o600)
    try:
        yield path
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.remove(path + extra)


def _snapshot(source: str, target: str) -> None:
    """A consistent copy of the source, through the backup API (safe while others write)."""
    if not os.path.isfile(source):
        raise DatabaseError(f"no database at {source}")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
            src.close()
    except sqlite3.Error as exc:
        raise explain(exc, source) from None


def _install(built: str, target: str) -> None:
    """Put the new copy in place: renamed the first time, afterwards copied into the live
    file through the backup API, so readers see the old copy or the new, never a mixture."""
    if not os.path.exists(target):
        os.replace(built, target)
        return
    src = sqlite3.connect(f"file:{built}?mode=ro", uri=True)
    dest = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()
