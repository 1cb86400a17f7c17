"""The app's one database connection, used from worker threads one call at a time.

The store's sqlite3 connection is opened with ``check_same_thread=False``; this wrapper
serialises every call with a lock so two workers never interleave on it (a write
transaction runs entirely inside one call). No textual import: workers call it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from catalogue.core.store import Store, default_db_path, open_store

T = TypeVar("T")


class Backend:
    """Opens the store lazily and runs core functions against it under a lock."""

    def __init__(self, db_path: str | os.PathLike[str] | None = None) -> None:
        self.db_path = Path(db_path) if db_path else default_db_path()
        self._store: Store | None = None
        self._lock = threading.RLock()

    def open(self) -> Store:
        """Open (creating, migrating and seeding as needed). Call from a worker thread."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db_path)
            return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(store, *args, **kwargs)`` with the connection to ourselves (opening the
        database first if no call has yet)."""
        with self._lock:
            return fn(self.open(), *args, **kwargs)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
