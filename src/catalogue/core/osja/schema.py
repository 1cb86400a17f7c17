"""User tables for OSJA records (a migration; light, like every schema module).

- ``osja_assessments``: one row per assessment version, never updated or deleted
- ``osja_answers``: the answer and note recorded for each prompt of a version
- ``osja_incidents``: serious incidents recorded for a country (append-only)
- ``conflict_register``: the user's armed-conflict / occupation register, one entry per country
- ``requests.host_country`` (where in-country work for the European Union takes place) and
  ``requests.osja_version`` (the assessment version the osja-assessed step relied on)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ASSESSMENTS = """
CREATE TABLE IF NOT EXISTS osja_assessments (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    version INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    author TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    edition TEXT NOT NULL,
    edition_title TEXT NOT NULL,
    stage1_reference TEXT NOT NULL,
    stage1_date TEXT NOT NULL,
    serious_risk TEXT NOT NULL CHECK (serious_risk IN ('yes', 'no')),
    ihl TEXT NOT NULL CHECK (ihl IN ('applies', 'assumed', 'does-not-apply')),
    mitigations TEXT,
    consulted TEXT NOT NULL DEFAULT '[]',
    decided_level TEXT NOT NULL,
    decided_reason TEXT NOT NULL,
    suggested_level TEXT NOT NULL,
    suggested_reasons TEXT NOT NULL DEFAULT '[]',
    below_reason TEXT,
    review_on TEXT NOT NULL,
    facts TEXT NOT NULL DEFAULT '{}',
    UNIQUE (request_id, version)
)
"""

ANSWERS = """
CREATE TABLE IF NOT EXISTS osja_answers (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES osja_assessments(id),
    question_id TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    note TEXT
)
"""

INCIDENTS = """
CREATE TABLE IF NOT EXISTS osja_incidents (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
)
"""

CONFLICTS = """
CREATE TABLE IF NOT EXISTS conflict_register (
    code TEXT PRIMARY KEY,
    part TEXT,
    as_of TEXT NOT NULL,
    note TEXT,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
)
"""


def _append_only(table: str) -> list[str]:
    return [f"""CREATE TRIGGER IF NOT EXISTS {table}_append_only_update BEFORE UPDATE ON {table}
               BEGIN SELECT RAISE(ABORT, 'OSJA records are never changed: record a new version');
               END""",
            f"""CREATE TRIGGER IF NOT EXISTS {table}_append_only_delete BEFORE DELETE ON {table}
               BEGIN SELECT RAISE(ABORT, 'OSJA records are never deleted'); END"""]


def m_osja_001_records(db: Any) -> None:
    """Assessment versions, answers, incidents, the conflict register; two request columns."""
    for statement in (ASSESSMENTS, ANSWERS, INCIDENTS, CONFLICTS,
                      "CREATE INDEX IF NOT EXISTS osja_assessments_request "
                      "ON osja_assessments (request_id, version)",
                      "CREATE INDEX IF NOT EXISTS osja_answers_assessment "
                      "ON osja_answers (assessment_id)",
                      "CREATE INDEX IF NOT EXISTS osja_incidents_code ON osja_incidents (code)",
                      *_append_only("osja_assessments"), *_append_only("osja_answers"),
                      *_append_only("osja_incidents")):
        db.execute(statement)
    columns = {row[1] for row in db.execute("PRAGMA table_info(requests)").fetchall()}
    if "host_country" not in columns:
        db.execute("ALTER TABLE requests ADD COLUMN host_country TEXT")
    if "osja_version" not in columns:
        db.execute("ALTER TABLE requests ADD COLUMN osja_version INTEGER")


STEPS: list[Callable[[Any], None]] = [m_osja_001_records]
