"""User tables for programmes: created by migrations, never touched by reseeding.

Imported on the quick-lookup path (through ``migration_steps``), so it stays light:
sqlite_utils is only used through the ``db`` object the migration runner passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def programmes_001_tables(db: Database) -> None:
    """Programmes, their ordered modules, list indexes and full-text search."""
    db.execute("""
        CREATE TABLE IF NOT EXISTS programmes (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            country TEXT NOT NULL,
            request_id INTEGER,
            delivery_mode TEXT NOT NULL DEFAULT 'in-country',
            start_date TEXT,
            audience_level TEXT,
            cohort_size INTEGER,
            language_notes TEXT,
            notes TEXT,
            vulnerability_notes TEXT,
            commercial_terms TEXT,
            trainers INTEGER,
            osja_grade TEXT,
            hours_per_day REAL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE IF NOT EXISTS programme_modules (
            programme_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            module_id TEXT NOT NULL,
            hours REAL,
            notes TEXT,
            PRIMARY KEY (programme_id, position)
        )""")
    for sql in (
        "CREATE INDEX IF NOT EXISTS programmes_updated ON programmes (updated_at, id)",
        "CREATE INDEX IF NOT EXISTS programmes_title ON programmes (title COLLATE NOCASE, id)",
        "CREATE INDEX IF NOT EXISTS programmes_start ON programmes (start_date, id)",
        "CREATE INDEX IF NOT EXISTS programmes_country ON programmes (country, updated_at)",
        "CREATE INDEX IF NOT EXISTS programmes_request ON programmes (request_id)",
        "CREATE INDEX IF NOT EXISTS programme_modules_module ON programme_modules (module_id)",
    ):
        db.execute(sql)
    db["programmes"].enable_fts(["title", "notes"], create_triggers=True)  # type: ignore[union-attr]


STEPS: list[Callable[[Any], None]] = [programmes_001_tables]
