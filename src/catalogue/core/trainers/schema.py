"""User tables for trainers, assignments, cohorts and evaluations, and their audit trail.

Created by migrations, never touched by reseeding. Imported on the quick-lookup path through
``migration_steps``, so it stays light. Triggers make the trainer audit trail append-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

KINDS = ("staff", "associate", "serving-officer")
KIRKPATRICK = ("reaction", "learning", "behaviour", "results")
LEVEL_LABELS = {"reaction": "Reaction", "learning": "Learning", "behaviour": "Behaviour",
                "results": "Results"}

_KIND_LIST = ", ".join(f"'{k}'" for k in KINDS)
_LEVEL_LIST = ", ".join(f"'{k}'" for k in KIRKPATRICK)

STATEMENTS = (
    f"""CREATE TABLE IF NOT EXISTS trainers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ({_KIND_LIST})),
        force TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS trainer_subjects (
        trainer_id INTEGER NOT NULL REFERENCES trainers(id),
        kind TEXT NOT NULL CHECK (kind IN ('discipline', 'module')),
        subject TEXT NOT NULL,
        accredited_on TEXT,
        expires_on TEXT,
        reference TEXT,
        PRIMARY KEY (trainer_id, kind, subject)
    )""",
    """CREATE TABLE IF NOT EXISTS trainer_unavailable (
        id INTEGER PRIMARY KEY,
        trainer_id INTEGER NOT NULL REFERENCES trainers(id),
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        reason TEXT,
        CHECK (start <= "end")
    )""",
    """CREATE TABLE IF NOT EXISTS trainer_assignments (
        trainer_id INTEGER NOT NULL REFERENCES trainers(id),
        programme_id INTEGER NOT NULL,
        role TEXT NOT NULL DEFAULT 'trainer',
        assigned_at TEXT NOT NULL,
        assigned_by TEXT NOT NULL,
        PRIMARY KEY (trainer_id, programme_id)
    )""",
    """CREATE TABLE IF NOT EXISTS delivery_cohorts (
        id INTEGER PRIMARY KEY,
        programme_id INTEGER NOT NULL,
        rank TEXT NOT NULL,
        unit TEXT,
        women INTEGER NOT NULL CHECK (women >= 0),
        men INTEGER NOT NULL CHECK (men >= 0),
        completed INTEGER CHECK (completed >= 0),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS delivery_results (
        programme_id INTEGER PRIMARY KEY,
        attendance REAL CHECK (attendance BETWEEN 0 AND 100),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    f"""CREATE TABLE IF NOT EXISTS delivery_evaluations (
        programme_id INTEGER NOT NULL,
        level TEXT NOT NULL CHECK (level IN ({_LEVEL_LIST})),
        score REAL NOT NULL,
        out_of REAL NOT NULL CHECK (out_of > 0),
        method TEXT,
        notes TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (programme_id, level)
    )""",
    """CREATE TABLE IF NOT EXISTS trainer_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        "by" TEXT NOT NULL,
        action TEXT NOT NULL,
        trainer_id INTEGER,
        programme_id INTEGER,
        details TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX IF NOT EXISTS trainers_name ON trainers (name COLLATE NOCASE, id)",
    "CREATE INDEX IF NOT EXISTS trainer_unavailable_trainer ON trainer_unavailable "
    "(trainer_id, start)",
    "CREATE INDEX IF NOT EXISTS trainer_assignments_programme ON trainer_assignments "
    "(programme_id, trainer_id)",
    "CREATE INDEX IF NOT EXISTS delivery_cohorts_programme ON delivery_cohorts (programme_id)",
    # The calendar finds requests dated in a month through this index.
    "CREATE INDEX IF NOT EXISTS requests_start ON requests (start)",
    "CREATE INDEX IF NOT EXISTS trainer_events_trainer ON trainer_events (trainer_id, id)",
    "CREATE INDEX IF NOT EXISTS trainer_events_programme ON trainer_events (programme_id, id)",
    """CREATE TRIGGER IF NOT EXISTS trainer_events_append_only_update
       BEFORE UPDATE ON trainer_events
       BEGIN SELECT RAISE(ABORT, 'the trainer audit trail is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS trainer_events_append_only_delete
       BEFORE DELETE ON trainer_events
       BEGIN SELECT RAISE(ABORT, 'the trainer audit trail is append-only'); END""",
)


def trainers_001_roster(db: Any) -> None:
    """The trainer roster, assignments, cohorts, evaluations and the trainer audit trail."""
    for statement in STATEMENTS:
        db.execute(statement)


def trainers_002_delivery_spans(db: Any) -> None:
    """Every programme's delivery dates, kept by triggers, for the calendar (see spans.py)."""
    from catalogue.core.trainers import spans

    for statement in spans.statements():
        db.execute(statement)
    seeded = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                        "name IN ('modules', 'costing')").fetchone()[0] == 2
    if seeded:  # an existing database; a new one is filled when it is first seeded
        for statement in filter(None, (s.strip() for s in spans.REBUILD.split(";"))):
            db.execute(statement)


def trainers_003_logins(db: Any) -> None:
    """Who made each roster, assignment and results change: the OS login and, when served
    behind single sign-on, the signed-in user, beside the typed name (``by``, read as "on
    behalf of" when it differs), as the request trail has. Rows written before keep what
    they had (both NULL)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(trainer_events)").fetchall()}
    for column in ("login", "signed_in"):
        if column not in columns:
            db.execute(f"ALTER TABLE trainer_events ADD COLUMN {column} TEXT")


STEPS: list[Callable[[Any], None]] = [trainers_001_roster, trainers_002_delivery_spans,
                                      trainers_003_logins]
