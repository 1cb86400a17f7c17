"""Schema migrations for user-owned tables (sqlite-utils migrations).

Reference tables (countries, modules ...) are rebuilt by :mod:`catalogue.core.seed` from
``data/``; the tables created here belong to users and are never touched by reseeding.

This module is imported on the quick-lookup path, so sqlite_utils is imported only inside
:func:`apply`. Add a migration by writing a function in its feature's schema module and
appending it to that module's ``STEPS`` (a new feature: add its ``STEPS`` to
``migration_steps.feature_steps``), then regenerate the names the store checks on opening:
``python -m catalogue.core.migration_steps``. Never edit or reorder one that has shipped.
Note: ``Table.transform()`` drops FTS triggers, so a migration that transforms an FTS-enabled
table must call ``enable_fts(..., replace=True, create_triggers=True)`` again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue.core.migration_steps import MIGRATION_SET as MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database


def expected_names() -> list[str]:
    """The names of every migration step, without importing sqlite_utils or the steps
    (generated from the registry: see :mod:`catalogue.core.migration_steps`)."""
    from catalogue.core.migration_names import NAMES

    return list(NAMES)


def apply(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    from catalogue.core.migration_steps import registry

    migrations = registry()
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending
