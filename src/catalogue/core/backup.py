"""Online backup and validated restore, through SQLite's backup API.

A backup is safe while the app is running: the backup API copies a consistent snapshot. It is
written to a temporary file next to the target and renamed into place, so a crash never
leaves a half-written backup. A restore first checks that the file is a healthy catalogue
database, then replaces the live database's contents in one step.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from catalogue.core.errors import DatabaseError, OutputError
from catalogue.core.sharing import protect_backup
from catalogue.core.store import Store, busy_seconds, explain

BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
#: Temporary files are named ``{TEMP_PREFIX}{pid}.{random}.db``; the next backup into the same
#: folder removes those whose process no longer exists (one killed outright, say).
TEMP_PREFIX = ".catalogue-backup-"


def damage(store: Store) -> list[str]:
    """What SQLite's integrity check finds wrong with the open database (empty: healthy)."""
    try:
        return [str(r[0]) for r in store.conn.execute("PRAGMA integrity_check(20)")
                if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def backup(store: Store, target: str | os.PathLike[str], *, force: bool = False,
           damaged: bool = False) -> str:
    """Copy the open database to ``target`` (owner-only, or 0660 for the group of a shared
    register); returns the path.

    The database is checked first (``PRAGMA integrity_check``): a damaged one is refused
    (DatabaseError, nothing written) unless ``damaged`` is true, which copies it as it is;
    the caller says so (see :func:`damage`)."""
    path = os.path.abspath(os.fspath(target))
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise OutputError(f"directory {folder} does not exist")
    if os.path.isdir(path):
        raise OutputError(f"{path} is a directory")
    if os.path.exists(path) and not force:
        raise OutputError(f"{path} already exists", fields=("overwrite",))
    if os.path.abspath(store.filename) == path:
        raise OutputError("cannot back up the database onto itself")
    problems = damage(store)
    if problems and not damaged:
        raise DatabaseError(f"{store.filename} fails the integrity check ({problems[0]}); no "
                            "backup was written", fields=("check", "damaged"))
    from catalogue.core.exports.atomic import sweep_stale

    for suffix in (".db", ".db-journal", ".db-wal", ".db-shm"):  # left by a killed backup
        sweep_stale(Path(folder), TEMP_PREFIX, suffix)
    try:
        fd, temp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}.", suffix=".db",
                                    dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write backup {path} ({exc.strerror})") from None
    os.close(fd)
    try:
        protect_backup(store, temp)  # owner-only, or the shared register's group
        dest = sqlite3.connect(temp)
        try:
            store.conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.replace(temp, path)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise OutputError(f"cannot write backup {path} ({reason})") from None
    finally:
        with contextlib.suppress(OSError):
            os.remove(temp)
    return path


def check_backup(source: str | os.PathLike[str]) -> dict[str, str]:
    """Open ``source`` read-only and confirm it is a healthy catalogue database."""
    path = os.path.abspath(os.fspath(source))
    if not os.path.isfile(path):
        raise DatabaseError(f"no backup file at {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"_meta", "_sqlite_migrations", "countries"} <= tables:
            raise DatabaseError(f"{path} is not a catalogue database; nothing was restored")
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            raise DatabaseError(f"{path} fails the integrity check ({problems[0]}); "
                                "nothing was restored")
        meta = dict(conn.execute("SELECT key, value FROM _meta").fetchall())
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    finally:
        conn.close()
    return meta


def restore(store: Store, source: str | os.PathLike[str]) -> dict[str, str]:
    """Replace the open database's contents with a checked backup, in one step."""
    meta = check_backup(source)
    path = os.path.abspath(os.fspath(source))
    if os.path.abspath(store.filename) == path:
        raise DatabaseError("cannot restore the database from itself")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    began = time.monotonic()

    def give_up_when_busy(status: int, remaining: int, total: int) -> None:
        # Python's backup loop retries a locked database for ever; give up, as every other
        # write does, once the busy timeout has passed (the copy is one step: all or nothing).
        if status in BUSY_CODES and time.monotonic() - began >= busy_seconds():
            raise explain(sqlite3.OperationalError("database is locked"), store.filename)

    try:
        src.backup(store.conn, progress=give_up_when_busy)
    except sqlite3.Error as exc:
        raise explain(exc, store.filename) from None
    finally:
        src.close()
    return meta
