"""Schema migrations for user-owned tables (sqlite-utils migrations).

Reference tables (countries, modules ...) are rebuilt by :mod:`catalogue.core.seed` from
``data/``; the tables created here belong to users and are never touched by reseeding.

This module is imported on the quick-lookup path, so sqlite_utils is imported only inside
:func:`apply`. Add a migration by writing a function in its feature's schema module,
appending it to that module's ``STEPS`` and its name to ``migration_steps.NAMES``; never edit
or reorder one that has shipped. Note:
``Table.transform()`` drops FTS triggers, so a migration that transforms an FTS-enabled table
must call ``enable_fts(..., replace=True, create_triggers=True)`` again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "catalogue"


def expected_names() -> list[str]:
    """The names of every migration step (without importing the steps)."""
    from catalogue.core import migration_steps

    return list(migration_steps.NAMES)


def apply(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    from sqlite_utils.migrations import Migrations

    from catalogue.core import migration_steps

    migrations = Migrations(MIGRATION_SET)
    for step in migration_steps.all_steps():
        migrations()(step)
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending
