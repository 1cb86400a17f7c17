"""The SQLite store: open (creating and seeding on first use), check, and write safely.

Opening is cheap when the database is current: one sqlite3 connection and two small
queries. Only when the schema or the data files changed does it import sqlite_utils and
pycountry to migrate and reseed, in one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from catalogue.core.data.location import content_hash, data_root, stat_signature
from catalogue.core.errors import DatabaseError, InvalidInputError

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

APP_NAME = "catalogue"
DB_FILENAME = "catalogue.db"
DEFAULT_BUSY_SECONDS = 5.0

def default_db_file() -> str:
    """``CATALOGUE_DB`` if set, else ``catalogue.db`` in the platform's user data directory.

    On Linux with an absolute ``XDG_DATA_HOME`` or ``HOME`` the XDG rule is applied directly
    (the same answer as platformdirs, checked by a test) so the quick lookup need not import
    platformdirs, which costs more than the lookup itself; everything else asks platformdirs.
    """
    override = os.environ.get("CATALOGUE_DB")
    if override:
        return os.path.expanduser(override)
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_DATA_HOME", "")
        home = os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, APP_NAME, DB_FILENAME)
        if os.path.isabs(home):
            return os.path.join(home, ".local", "share", APP_NAME, DB_FILENAME)
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir(APP_NAME, appauthor=False), DB_FILENAME)


def default_db_path() -> Path:
    from pathlib import Path

    return Path(default_db_file())


def busy_seconds() -> float:
    try:
        return float(os.environ.get("CATALOGUE_BUSY_TIMEOUT", DEFAULT_BUSY_SECONDS))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


#: SQLite messages that describe the environment (the file, the disk, other processes), not a
#: bug: inside a write they become a DatabaseError (exit 4) with a clear message.
FAULTS = ("locked", "busy", "not a database", "malformed", "corrupt", "readonly", "read-only",
          "full", "unable to open", "disk i/o")


def is_fault(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and any(f in str(exc).lower() for f in FAULTS)


def explain(exc: sqlite3.Error, path: Path | str | None) -> DatabaseError:
    """A one-line, user-facing explanation of a SQLite failure (``path`` None: not known)."""
    text = str(exc)
    lowered = text.lower()
    where = f"database {path}" if path else "the database"
    name = path or "the database"
    if "locked" in lowered or "busy" in lowered:
        msg = (f"{where} is busy (another catalogue process is writing); "
               f"gave up after {busy_seconds():g} s, try again")
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        msg = f"{name} is not a usable catalogue database ({text}); it was left untouched"
    elif "readonly" in lowered or "read-only" in lowered:
        msg = f"{where} is read-only; cannot save changes"
    elif "full" in lowered:
        msg = f"disk full while writing {name}; nothing was changed"
    elif "unable to open" in lowered:
        msg = f"cannot open {where} ({text})"
        if path and os.path.isfile(path):
            msg += ("; check that its folder is writable (SQLite keeps the -wal and -shm files "
                    "next to it)")
    else:
        msg = f"database error on {name}: {text}"
    return DatabaseError(msg)


TOO_LARGE = f"a number given is too large (the largest is {2**63 - 1})"
NOT_TEXT = ("some text given is not valid Unicode (it holds bytes that are not UTF-8); "
            "nothing was saved")


class Store:
    """An open catalogue database."""

    def __init__(self, filename: str, conn: sqlite3.Connection) -> None:
        self.filename = filename
        self.conn = conn
        self._db: Database | None = None

    @property
    def path(self) -> Path:
        from pathlib import Path

        return Path(self.filename)

    @property
    def db(self) -> Database:
        """A sqlite_utils view of the same connection (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such" in str(exc) or "syntax" in str(exc):
                raise
            raise explain(exc, self.filename) from None
        except sqlite3.DatabaseError as exc:
            raise explain(exc, self.filename) from None
        except OverflowError:
            raise InvalidInputError(TOO_LARGE) from None
        except UnicodeEncodeError:
            raise InvalidInputError(NOT_TEXT) from None

    def one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row is not None else None

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it commits or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(exc, self.filename) from None
        try:
            yield self.conn
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error) and is_fault(exc):  # disk full, read-only ...
                raise explain(exc, self.filename) from None
            if isinstance(exc, UnicodeEncodeError):  # text with lone surrogates
                raise InvalidInputError(NOT_TEXT) from None
            if isinstance(exc, OverflowError):
                raise InvalidInputError(TOO_LARGE) from None
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise explain(exc, self.filename) from None

    def _rollback(self) -> None:
        """Roll back if a transaction is open; a failing rollback must not hide the cause."""
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def meta(self, key: str) -> str | None:
        return self.scalar("SELECT value FROM _meta WHERE key = ?", (key,))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=busy_seconds(), isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    return conn


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: str) -> None:
    """Refuse a non-empty file that does not start like a SQLite database.

    SQLite itself would treat a short file (under one page) as empty and write over it.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"cannot read database {path} ({exc.strerror})") from None
    if head and head != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a catalogue database (not a SQLite file); "
                            "it was left untouched")


def make_private_dirs(folder: str) -> None:
    """Create ``folder`` and any missing parents, each owner-only (0700) whatever the umask
    (``os.makedirs`` applies its mode to the last folder only, and through the umask)."""
    missing: list[str] = []
    current = os.path.abspath(folder)
    while not os.path.exists(current):
        missing.append(current)
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue  # another process made it first: theirs, leave its mode alone
        os.chmod(path, 0o700)


def _create_file(path: str) -> bool:
    """Create an empty, owner-only database file (and owner-only directory). True if created."""
    if os.path.exists(path):
        if os.path.isdir(path):
            raise DatabaseError(f"{path} is a directory, not a database file")
        _check_header(path)
        return False
    parent = os.path.dirname(os.path.abspath(path))
    try:
        make_private_dirs(parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        return False
    except OSError as exc:
        raise DatabaseError(f"cannot create database {path} ({exc.strerror})") from None
    return True


def _state(conn: sqlite3.Connection, path: str) -> tuple[list[str], dict[str, str]]:
    """(applied migrations, _meta facts); raises for foreign or corrupt files."""
    foreign = DatabaseError(
        f"{path} is a SQLite database but not a catalogue database; it was left untouched")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    if not tables:
        return [], {}  # new (or never finished seeding): ours to set up
    if not {"_meta", "_sqlite_migrations"} <= tables:
        raise foreign
    try:
        applied = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'catalogue' "
            "ORDER BY rowid")]
        meta = {r[0]: r[1] for r in conn.execute(
            "SELECT key, value FROM _meta WHERE key IN ('data_hash', 'data_stat')")}
    except sqlite3.OperationalError as exc:
        if "no such" in str(exc):  # tables of those names, but not ours
            raise foreign from None
        raise explain(exc, path) from None
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    return applied, meta


def open_store(path: str | os.PathLike[str] | None = None, *,
               data_root: str | os.PathLike[str] | None = None) -> Store:
    """Open the database at ``path``, creating, migrating and (re)seeding it as needed.

    The common case costs one stat() per data file: the data files' sizes and times are
    compared with those recorded at the last seed, and only when they differ is the content
    hashed, and only when the content differs is anything rebuilt.
    """
    from catalogue.core.migration_names import NAMES  # generated: see migration_steps.py

    target = os.path.expanduser(os.fspath(path)) if path else default_db_file()
    root = os.fspath(data_root) if data_root else _data_root()
    created = _create_file(target)
    try:
        conn = connect(target)
    except sqlite3.Error as exc:
        raise explain(exc, target) from None
    try:
        applied, meta = _state(conn, target)
        if not set(NAMES) <= set(applied):
            _prepare(conn, target, root, meta.get("data_hash"))
        else:
            signature = stat_signature(root)
            if meta.get("data_stat") != signature:
                if meta.get("data_hash") == content_hash(root):
                    _remember_signature(conn, signature)
                else:
                    _prepare(conn, target, root, meta.get("data_hash"))
    except BaseException:
        conn.close()
        if created:
            _remove_quietly(target)
        raise
    return Store(target, conn)


def _remember_signature(conn: sqlite3.Connection, signature: str) -> None:
    """Record the files' stat signature (a cache: skipped if the database is busy or read-only)."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("INSERT OR REPLACE INTO _meta (key, value) VALUES ('data_stat', ?)",
                     (signature,))


def _prepare(conn: sqlite3.Connection, path: str, root: str, stored_hash: str | None) -> None:
    """Migrate and reseed under one write lock; another process may have done it first."""
    from catalogue.core import migrations, seed

    store = Store(path, conn)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    wanted_hash = content_hash(root)
    signature = stat_signature(root)
    # Read and validate the files before taking the write lock (unless already seeded).
    tables = seed.build(root) if stored_hash != wanted_hash else None
    with store.write():
        migrations.apply(store.db)
        if store.meta("data_hash") != wanted_hash:
            seed.write(store, tables if tables is not None else seed.build(root), wanted_hash)
        _remember_signature(conn, signature)


def reseed(store: Store, data_root: str | os.PathLike[str] | None = None) -> None:
    """Rebuild the reference tables from ``data/`` now, even if unchanged."""
    from catalogue.core import seed

    root = os.fspath(data_root) if data_root else _data_root()
    tables = seed.build(root)
    with store.write():
        seed.write(store, tables, content_hash(root))
        _remember_signature(store.conn, stat_signature(root))


_data_root = data_root


def _remove_quietly(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(f"{path}{suffix}")
