"""Shared state for commands: where the database is, opened on first use."""

from __future__ import annotations

import os
from typing import Any

import click

from catalogue.core.store import Store, default_db_file, open_store


class AppContext:
    def __init__(self, db_path: str | None) -> None:
        self._db_path = db_path
        self._store: Store | None = None

    @property
    def db_path(self) -> str:
        return self._db_path or default_db_file()

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


pass_app = click.make_pass_decorator(AppContext)


class DatabaseFile(click.ParamType):
    """``--db``: a database file's path (``~`` expanded), anything but an existing directory
    (the file need not exist: it is created and seeded on first use). Worded here rather than
    ``click.Path``, which looks its type name up in the gettext catalogue on every run (see
    help_format.py); shells complete it as a file name, as they did ``click.Path``."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        path = os.path.expanduser(os.fspath(value))
        if os.path.isdir(path):
            self.fail(f"{os.fspath(value)!r} is a directory, not a database file", param, ctx)
        return path

    def shell_complete(self, ctx: click.Context, param: click.Parameter,
                       incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]
