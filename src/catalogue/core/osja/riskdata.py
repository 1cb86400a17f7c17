"""Load and validate the dated risk-fact files and the OSJA question set (file:line errors):

- ``data/death-penalty-status.csv``  death-penalty status of every state (Amnesty categories)
- ``data/uk-sanctions-regimes.csv``  UK sanctions regimes by country
- ``data/osja-questions.toml``       the OSJA prompts, with the guidance edition they follow

They are seeded as reference tables ``death_penalty``, ``sanctions_regimes`` and ``osja``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from catalogue.core.data.fields import check_unique, records
from catalogue.core.data.textfiles import TextFile, parse_toml, read_csv, read_text
from catalogue.core.osja.vocabulary import (
    DP_STATUSES,
    SANCTION_KINDS,
    WORDINGS,
    check_condition,
    why_text,
)

DEATH_PENALTY_FILE = "death-penalty-status.csv"
SANCTIONS_FILE = "uk-sanctions-regimes.csv"
QUESTIONS_FILE = "osja-questions.toml"

_CODE = re.compile(r"^[A-Z]{2}$")
#: A row's as_of may be as precise as its source: a year (an annual report), a month or a day.
_AS_OF_FORMS = ("year", "month", "day")


def _code(file: TextFile, line: int, text: str, required: bool = True) -> str:
    if not text and not required:
        return ""
    if not _CODE.match(text):
        raise file.fail(line, f"alpha2 {text!r} must be a two-letter country code in capitals")
    return text


def _as_of(file: TextFile, line: int, text: str) -> str:
    return file.checked_date(line, text, "as_of", _AS_OF_FORMS)


def death_penalty_rows(root: Path) -> list[dict[str, Any]]:
    file = read_text(root / DEATH_PENALTY_FILE, root)
    rows: dict[str, dict[str, Any]] = {}
    for row in read_csv(file, ["alpha2", "name", "status", "source", "as_of", "note"]):
        code = _code(file, row.line, row.get("alpha2"))
        if code in rows:
            raise file.fail(row.line, f"second row for {code}; keep one row per state")
        status = row.get("status")
        if status not in DP_STATUSES:
            raise file.fail(row.line, f"status {status!r} is not one of: {', '.join(DP_STATUSES)}")
        if not row.get("source"):
            raise file.fail(row.line, "source must not be empty: say where the status comes from")
        note = row.get("note")
        rows[code] = {"code": code, "name": row.get("name"), "status": status,
                      "source": row.get("source"), "as_of": _as_of(file, row.line, row.get("as_of")),
                      "note": note or None, "unconfirmed": int("unconfirmed" in note.lower())}
    if not rows:
        raise file.fail(None, "no rows: the file needs one row per state")
    return list(rows.values())


def sanctions_rows(root: Path) -> list[dict[str, Any]]:
    file = read_text(root / SANCTIONS_FILE, root)
    rows = []
    seen: set[tuple[str, str]] = set()
    for row in read_csv(file, ["alpha2", "regime", "kind", "source", "as_of"]):
        kind = row.get("kind")
        if kind not in SANCTION_KINDS:
            raise file.fail(row.line, f"kind {kind!r} is not one of: {', '.join(SANCTION_KINDS)}")
        code = _code(file, row.line, row.get("alpha2"), required=kind == "country")
        if kind == "thematic" and code:
            raise file.fail(row.line, "a thematic regime covers no one country: leave alpha2 empty")
        regime = row.get("regime")
        if not regime or not row.get("source"):
            raise file.fail(row.line, "regime and source must not be empty")
        if (code, regime) in seen:
            raise file.fail(row.line, f"regime {regime!r} is listed twice")
        seen.add((code, regime))
        rows.append({"code": code or None, "regime": regime, "kind": kind,
                     "source": row.get("source"), "as_of": _as_of(file, row.line, row.get("as_of")),
                     "line": row.line})
    return rows


def _sanctions_list_date(root: Path) -> str | None:
    """The date the list was checked ("List as of YYYY-MM-DD" in its header comment)."""
    file = read_text(root / SANCTIONS_FILE, root)
    for number, line in enumerate(file.text.splitlines(), start=1):
        found = re.search(r"List as of (\S+)", line)
        if found:
            return file.checked_date(number, found.group(1).rstrip(".,;:"), "'List as of'")
    return None


def load_questions(root: Path, disciplines: set[str], audiences: set[str]) -> dict[str, Any]:
    file = read_text(root / QUESTIONS_FILE, root)
    doc = parse_toml(file)
    for key in doc:
        if key not in ("edition", "question"):
            raise file.fail(file.line_containing(key) or None,
                            f"unknown section {key!r} (expected: edition, question)")
    head = doc.get("edition")
    if not isinstance(head, dict):
        raise file.fail(None, "missing the [edition] table (id, title, published, source)")
    from catalogue.core.data.fields import Record

    ed = Record(file, head, "edition")
    ed.known({"id", "title", "published", "source", "note"})
    edition = {"id": ed.text("id"), "title": ed.text("title"),
               "published": ed.date("published"), "source": ed.text("source"),
               "note": ed.text("note", required=False) or None}
    questions = []
    for ident, record in check_unique(records(file, doc, "question", "question"), "id").items():
        record.known({"id", "text", "when", "when_any", "why", "source", "wording"})
        if not re.match(r"^[a-z0-9][a-z0-9-]*$", ident):
            raise record.fail(f"id {ident!r} may use only lower-case letters, digits and dashes",
                              "id")
        when = [check_condition(record, c, disciplines, audiences)
                for c in record.text_list("when", required=False)]
        when_any = [check_condition(record, c, disciplines, audiences, (), "when_any")
                    for c in record.text_list("when_any", required=False)]
        if not when and not when_any:
            raise record.fail("give 'when' (use [\"always\"] for every request) or 'when_any'")
        questions.append({"id": ident, "text": record.text("text"), "when": when,
                          "when_any": when_any, "why": why_text(record, "why"),
                          "source": record.text("source"),
                          "wording": record.text("wording", choices=WORDINGS)})
    return {"edition": edition, "questions": questions}


def osja_tables(root: Path) -> list[Any]:
    """Reference tables: death penalty, sanctions regimes, and the question set."""
    from catalogue.core.ref_table import RefTable
    from catalogue.core.rules.policy import _discipline_ids, _level_ids

    policy = parse_toml(read_text(root / "approval-policy.toml", root))
    units = {u.get("id") for u in policy.get("unit", []) if isinstance(u, dict)}
    audiences = {str(u) for u in units if u} | set(_level_ids(root))
    questions = load_questions(root, _discipline_ids(root), audiences)
    questions["sanctions_list_as_of"] = _sanctions_list_date(root)
    sanction_cols: dict[str, type] = {"code": str, "regime": str, "kind": str, "source": str,
                                      "as_of": str, "line": int}
    return [
        RefTable("death_penalty", death_penalty_rows(root), pk="code",
                 columns={"note": str}),
        RefTable("sanctions_regimes", sanctions_rows(root), columns=sanction_cols,
                 indexes=[["code"]]),
        RefTable("osja", [{"key": "questions", "value": json.dumps(questions)}], pk="key"),
    ]
