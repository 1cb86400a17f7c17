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

from catalogue.core.errors import DatabaseError, InvalidInputError, NotFoundError, OutputError
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


def backup_path(store: Store, target: str | os.PathLike[str], now: float | None = None) -> str:
    """The file a backup to ``target`` is written to. ``target`` is that file, or a folder: an
    existing one, or one written with a separator at the end (``backups/``), which must exist.
    Into a folder the backup goes as ``{database name}-{UTC time}.db``, e.g.
    ``catalogue-20261126T1352Z.db``."""
    text = os.fspath(target)
    path = os.path.abspath(text)
    names_folder = text.endswith(os.sep) or bool(os.altsep and text.endswith(os.altsep))
    if not names_folder and not os.path.isdir(path):
        return path
    if not os.path.isdir(path):
        raise OutputError(f"directory {path} does not exist; no backup was written")
    moment = time.strftime("%Y%m%dT%H%MZ", time.gmtime(now))
    return os.path.join(path, f"{Path(store.filename).stem}-{moment}.db")


def backup(store: Store, target: str | os.PathLike[str], *, force: bool = False,
           damaged: bool = False) -> str:
    """Copy the open database to ``target`` (owner-only, or 0660 for the group of a shared
    register); returns the path.

    The database is checked first (``PRAGMA integrity_check``): a damaged one is refused
    (DatabaseError, nothing written) unless ``damaged`` is true, which copies it as it is;
    the caller says so (see :func:`damage`). ``target`` may be a folder: see
    :func:`backup_path`."""
    path = backup_path(store, target)
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
    if os.path.isdir(path):
        raise InvalidInputError(f"{path} is a directory; give the backup file to restore")
    if not os.path.isfile(path):
        raise NotFoundError(f"no backup file at {path}; nothing was restored")
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


def refuse_itself(store: Store, source: str | os.PathLike[str]) -> None:
    """A usage error if ``source`` is the open database's own file (by any name or link)."""
    path = os.path.abspath(os.fspath(source))
    try:
        same = os.path.samefile(store.filename, path)
    except OSError:
        same = os.path.abspath(store.filename) == path
    if same:
        raise InvalidInputError(f"{path} is the database itself; give a backup file to "
                                "restore from (nothing was restored)")


def restore(store: Store, source: str | os.PathLike[str]) -> dict[str, str]:
    """Replace the open database's contents with a checked backup, in one step."""
    refuse_itself(store, source)
    meta = check_backup(source)
    path = os.path.abspath(os.fspath(source))
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
