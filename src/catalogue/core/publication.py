"""The copy of the register for the read-only web view: only the columns its audience may see.

``catalogue publish`` serves this copy, never the live database. It is built from a
consistent snapshot (SQLite's backup API, safe while the team writes) into a new file. For
the ``public`` audience it holds only what :mod:`catalogue.core.disclosure` classes public:

- reference tables, with their public columns; modules and disciplines only where they are
  marked public (public sensitivity, and not a withheld discipline);
- programmes and their modules exactly as the redacted exports show them (the same
  :func:`catalogue.core.exports.render.export_outline` path): public title, months for
  in-country dates, notes scrubbed of withheld text, withheld modules left out;
- nothing of the request register, the audit trail, the trainer roster, costing or the
  tool's bookkeeping, all of which are withheld.

For the ``team`` audience (the default: the wider team behind the sign-on proxy) it holds
the same, and besides the request fields marked ``team`` in the classification (country,
state, public disciplines, delivery mode, days received and reached the state, the linked
programme) and each open request's OSJA state worked out on the day the copy is built
(``request_reviews``: Datasette runs SQL, not Python). Names, notes, references, purposes,
dates overseas, the audit trail and the trainer roster stay out for both audiences.

Every column of the copy is checked against the classification before it is written
(:func:`check_columns`); a text column without a public class stops the build. Foreign keys
are declared, so the web view links rows to each other.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any

from catalogue.core.dates import utc_now
from catalogue.core.errors import DatabaseError
from catalogue.core.publication_rows import (
    Rows,
    programme_keys,
    public_programme,
    request_reviews,
    team_requests,
)
from catalogue.core.publication_specs import (
    PROGRAMME_MODULES,
    PROGRAMMES,
    REFERENCE,
    REQUEST_REVIEWS,
    REQUESTS,
    TEAM,
    Spec,
    check_columns,
    specs_for,
)
from catalogue.core.store import Store, connect, explain


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


class Publication:
    """Builds and refreshes the public copy of one database at ``target``.

    Keeps each programme's public rows between refreshes, and rebuilds a programme's only
    when what they depend on changed (:func:`programme_keys`).
    """

    def __init__(self, source: str, target: str, audience: str = TEAM) -> None:
        self.source = os.path.abspath(source)
        self.target = os.path.abspath(target)
        self.specs = specs_for(audience)
        self.audience = audience
        if os.path.realpath(self.source) == os.path.realpath(self.target):
            raise DatabaseError("the public copy cannot be written over the database itself")
        self._cache: dict[int, tuple[str, Rows]] = {}
        self.built_from: str | None = None

    def source_signature(self) -> str:
        """Changes whenever the source database (or its write-ahead log) does, and for the
        team's copy every day (its OSJA review marks are worked out for the day)."""
        parts = [utc_now().date().isoformat()] if self.audience == TEAM else []
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
            for spec in self.specs:
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
            if self.audience == TEAM:
                _insert(public, REQUESTS, team_requests(store))
                _insert(public, REQUEST_REVIEWS, request_reviews(store))
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
