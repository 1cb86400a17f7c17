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


_FTS_ADD = ('INSERT INTO "programmes_fts" (rowid, "title", "notes") '
            'VALUES (new.rowid, new."title", new."notes");')
_FTS_REMOVE = ('INSERT INTO "programmes_fts" ("programmes_fts", rowid, "title", "notes") '
               """VALUES ('delete', old.rowid, old."title", old."notes");""")
#: The full-text index's triggers, as sqlite-utils' ``enable_fts(create_triggers=True)`` writes them.
FTS_TRIGGERS = (
    f'CREATE TRIGGER "programmes_ai" AFTER INSERT ON "programmes" BEGIN {_FTS_ADD} END',
    f'CREATE TRIGGER "programmes_ad" AFTER DELETE ON "programmes" BEGIN {_FTS_REMOVE} END',
    f'CREATE TRIGGER "programmes_au" AFTER UPDATE ON "programmes" BEGIN {_FTS_REMOVE} '
    f"{_FTS_ADD} END",
)


def programmes_002_fts_prefix(db: Database) -> None:
    """Rebuild the full-text index with prefix indexes for 1-3 characters.

    Search-as-you-type asks for "c", "co", "com" ...: without a prefix index FTS5 merges the
    entries of every word starting with the letters (14 ms for "c" at 100,000 programmes),
    with one it reads a single entry (under 3 ms). Same columns, content and triggers.
    """
    for name in ("programmes_ai", "programmes_ad", "programmes_au"):
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    db.execute('DROP TABLE IF EXISTS "programmes_fts"')
    db.execute('CREATE VIRTUAL TABLE "programmes_fts" USING FTS5 ("title", "notes", '
               "content=\"programmes\", prefix='1 2 3')")
    db.execute("INSERT INTO programmes_fts (programmes_fts) VALUES ('rebuild')")
    for sql in FTS_TRIGGERS:
        db.execute(sql)


def programmes_003_module_programme_index(db: Database) -> None:
    """Which programmes hold a module, answered from the index alone (discipline activity)."""
    db.execute("CREATE INDEX IF NOT EXISTS programme_modules_module_programme "
               "ON programme_modules (module_id, programme_id)")


def programmes_004_public_title(db: Database) -> None:
    """A title of its own for public material: the working title may name withheld content
    (see core/disclosure.py); without one, public exports use a neutral title."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(programmes)").fetchall()}
    if "public_title" not in columns:
        db.execute("ALTER TABLE programmes ADD COLUMN public_title TEXT")


STEPS: list[Callable[[Any], None]] = [programmes_001_tables, programmes_002_fts_prefix,
                                      programmes_003_module_programme_index,
                                      programmes_004_public_title]
