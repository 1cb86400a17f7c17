"""The trainer roster: add, edit, list and read trainers; what they may deliver and their
accreditation; when they are unavailable. Every change writes an audit row in the same
transaction, after all input has been checked (bad input changes nothing).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from catalogue.core.dates import stamp
from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.names import fold
from catalogue.core.store import Store
from catalogue.core.trainers import audit
from catalogue.core.trainers.model import (
    Subject,
    Trainer,
    Unavailable,
    check_span,
    iso,
    parse_kind,
    parse_languages,
    parse_name,
    parse_text,
    resolve_subject,
)


def _check_by(by: str) -> str:
    if not (by or "").strip():
        raise InvalidInputError("say who made the change", fields=("by",))
    return by.strip()


def _subject_titles(store: Store) -> dict[tuple[str, str], str]:
    titles = {("discipline", r["id"]): r["title"] for r in
              store.query("SELECT id, title FROM disciplines")}
    titles.update({("module", r["id"]): r["title"] for r in
                   store.query("SELECT id, title FROM modules")})
    return titles


def get_trainer(store: Store, trainer_id: int) -> Trainer:
    row = store.one("SELECT * FROM trainers WHERE id = ?", (trainer_id,))
    if row is None:
        raise NotFoundError(f"no trainer {trainer_id} (list them with 'catalogue trainer list')")
    titles = _subject_titles(store)
    subjects = tuple(Subject(
        kind=r["kind"], subject=r["subject"],
        title=titles.get((r["kind"], r["subject"]), f"{r['subject']} (no longer in the library)"),
        accredited_on=r["accredited_on"], expires_on=r["expires_on"], reference=r["reference"])
        for r in store.query("SELECT * FROM trainer_subjects WHERE trainer_id = ? "
                             "ORDER BY kind, subject", (trainer_id,)))
    unavailable = tuple(Unavailable(r["id"], r["start"], r["end"], r["reason"]) for r in
                        store.query('SELECT id, start, "end", reason FROM trainer_unavailable '
                                    "WHERE trainer_id = ? ORDER BY start", (trainer_id,)))
    return Trainer(id=row["id"], name=row["name"], kind=row["kind"], force=row["force"],
                   languages=tuple(json.loads(row["languages"])), notes=row["notes"],
                   created_at=row["created_at"], updated_at=row["updated_at"],
                   subjects=subjects, unavailable=unavailable)


def resolve_trainer(store: Store, text: str | int) -> int:
    """A trainer id from an id or a (unique) name."""
    value = str(text).strip()
    if value.isascii() and value.isdigit():
        if len(value) > 18 or store.scalar("SELECT 1 FROM trainers WHERE id = ?", (int(value),)) is None:
            raise NotFoundError(f"no trainer {value} (list them with 'catalogue trainer list')")
        return int(value)
    wanted = fold(value)
    rows = [r for r in store.query("SELECT id, name FROM trainers") if fold(r["name"]) == wanted]
    if len(rows) == 1:
        return int(rows[0]["id"])
    if rows:
        raise InvalidInputError(f"{len(rows)} trainers are called {value!r}; give the id: "
                                f"{', '.join(str(r['id']) for r in rows)}")
    raise NotFoundError(f"no trainer called {value!r} (list them with 'catalogue trainer list')")


def _force_for(kind: str, force: str | None) -> str | None:
    force = parse_text(force, "force")
    if kind == "serving-officer" and not force:
        raise InvalidInputError("a serving officer needs their force (for the section 26 "
                                "authority)")
    if kind != "serving-officer" and force:
        raise InvalidInputError("only serving officers have a force: leave the force out, or "
                                "make the trainer a serving officer")
    return force


def add_trainer(store: Store, name: str, kind: str, *, by: str, force: str | None = None,
                languages: list[str] | tuple[str, ...] = (), notes: str | None = None,
                disciplines: list[str] | tuple[str, ...] = (),
                modules: list[str] | tuple[str, ...] = ()) -> int:
    """A new trainer with the disciplines and modules they may deliver (not yet accredited)."""
    who = _check_by(by)
    kind = parse_kind(kind)
    spoken = parse_languages(languages)
    row = {"name": parse_name(name), "kind": kind, "force": _force_for(kind, force),
           "languages": json.dumps(spoken, ensure_ascii=False),
           "notes": parse_text(notes, "notes")}
    subjects = [("discipline", resolve_subject(store, "discipline", d)[0]) for d in disciplines]
    subjects += [("module", resolve_subject(store, "module", m)[0]) for m in modules]
    at = stamp()
    with store.write() as conn:
        cursor = conn.execute(
            "INSERT INTO trainers (name, kind, force, languages, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (*row.values(), at, at))
        trainer_id = int(cursor.lastrowid or 0)
        conn.executemany("INSERT OR IGNORE INTO trainer_subjects (trainer_id, kind, subject) "
                         "VALUES (?, ?, ?)", [(trainer_id, k, s) for k, s in subjects])
        audit.record(conn, at=at, by=who, action="added", trainer_id=trainer_id,
                     details={**row, "languages": spoken,
                              "subjects": [f"{k}:{s}" for k, s in subjects]})
    return trainer_id


def edit_trainer(store: Store, trainer_id: int, *, by: str, name: str | None = None,
                 kind: str | None = None, force: str | None = None,
                 languages: list[str] | None = None, notes: str | None = None) -> Trainer:
    """Change some of a trainer's details; ``None`` leaves a field as it is."""
    who = _check_by(by)
    current = get_trainer(store, trainer_id)
    new_kind = parse_kind(kind) if kind is not None else current.kind
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = parse_name(name)
    if kind is not None or force is not None:
        changes["kind"] = new_kind
        changes["force"] = _force_for(new_kind, force if force is not None else current.force)
    if languages is not None:
        changes["languages"] = json.dumps(parse_languages(languages), ensure_ascii=False)
    if notes is not None:
        changes["notes"] = parse_text(notes, "notes")
    if not changes:
        return current
    at = stamp()
    with store.write() as conn:
        sets = ", ".join(f"{key} = ?" for key in changes)
        conn.execute(f"UPDATE trainers SET {sets}, updated_at = ? WHERE id = ?",
                     [*changes.values(), at, trainer_id])
        audit.record(conn, at=at, by=who, action="edited", trainer_id=trainer_id,
                     details={"changed": sorted(changes)})
    return get_trainer(store, trainer_id)


def list_trainers(store: Store, *, search: str | None = None, kind: str | None = None,
                  subject: str | None = None, limit: int | None = None,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Trainers by name, with their kind, force, languages, subjects and assignment count
    (``limit``/``offset`` page in SQL when there is no word search)."""
    clauses: list[str] = []
    params: list[Any] = []
    if kind:
        clauses.append("t.kind = ?")
        params.append(parse_kind(kind))
    if subject:
        clauses.append("t.id IN (SELECT trainer_id FROM trainer_subjects WHERE subject = ? "
                       "OR subject = (SELECT discipline_id FROM modules WHERE id = ?))")
        params += [subject, subject]
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    wanted = fold(search or "")
    page = ""
    if limit is not None and not wanted:
        page = " LIMIT ? OFFSET ?"
        params += [limit, offset]
    rows = [dict(r) for r in store.query(
        "SELECT t.id, t.name, t.kind, t.force, t.languages, "
        "(SELECT group_concat(subject, ', ') FROM trainer_subjects s WHERE s.trainer_id = t.id "
        " ORDER BY kind, subject) AS subjects, "
        "(SELECT count(*) FROM trainer_assignments a WHERE a.trainer_id = t.id) AS assignments "
        f"FROM trainers t {where} ORDER BY t.name COLLATE NOCASE, t.id{page}", params)]
    out = []
    for row in rows:
        row["languages"] = json.loads(row["languages"])
        row["subjects"] = row["subjects"] or ""
        if wanted and wanted not in fold(f"{row['name']} {row['force'] or ''} "
                                         f"{' '.join(row['languages'])} {row['subjects']}"):
            continue
        out.append(row)
    return out


def trainer_page(store: Store, *, search: str | None = None, limit: int = 200,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of the roster (by name) and how many trainers match."""
    if not fold(search or ""):
        total = int(store.scalar("SELECT count(*) FROM trainers"))
        return list_trainers(store, limit=limit, offset=offset), total
    rows = list_trainers(store, search=search)
    return rows[offset:offset + limit], len(rows)


def add_subjects(store: Store, trainer_id: int, *, by: str, disciplines: list[str] | tuple[str, ...] = (),
                 modules: list[str] | tuple[str, ...] = ()) -> Trainer:
    who = _check_by(by)
    get_trainer(store, trainer_id)
    subjects = [("discipline", resolve_subject(store, "discipline", d)[0]) for d in disciplines]
    subjects += [("module", resolve_subject(store, "module", m)[0]) for m in modules]
    if not subjects:
        raise InvalidInputError("name at least one discipline or module", fields=("skills",))
    at = stamp()
    with store.write() as conn:
        conn.executemany("INSERT OR IGNORE INTO trainer_subjects (trainer_id, kind, subject) "
                         "VALUES (?, ?, ?)", [(trainer_id, k, s) for k, s in subjects])
        conn.execute("UPDATE trainers SET updated_at = ? WHERE id = ?", (at, trainer_id))
        audit.record(conn, at=at, by=who, action="subject-added", trainer_id=trainer_id,
                     details={"subjects": [f"{k}:{s}" for k, s in subjects]})
    return get_trainer(store, trainer_id)


def remove_subject(store: Store, trainer_id: int, kind: str, subject: str, *, by: str) -> Trainer:
    who = _check_by(by)
    get_trainer(store, trainer_id)
    ident = subject.strip().lower()
    at = stamp()
    with store.write() as conn:
        gone = conn.execute("DELETE FROM trainer_subjects WHERE trainer_id = ? AND kind = ? "
                            "AND subject = ?", (trainer_id, kind, ident)).rowcount
        if not gone:
            raise NotFoundError(f"trainer {trainer_id} has no {kind} {subject!r}")
        conn.execute("UPDATE trainers SET updated_at = ? WHERE id = ?", (at, trainer_id))
        audit.record(conn, at=at, by=who, action="subject-removed", trainer_id=trainer_id,
                     details={"subject": f"{kind}:{ident}"})
    return get_trainer(store, trainer_id)


def accredit(store: Store, trainer_id: int, kind: str, subject: str, *, by: str,
             accredited_on: str | date, expires_on: str | date | None,
             reference: str | None = None, today: date | None = None) -> Subject:
    """Record a trainer's accreditation for a discipline or module (adding the subject when
    it is new). An expiry already past is refused: an expired accreditation is not valid."""
    who = _check_by(by)
    get_trainer(store, trainer_id)
    ident, title = resolve_subject(store, kind, subject)
    on = iso(accredited_on, "accreditation date")
    until = iso(expires_on, "expiry date") if expires_on else None
    now = (today or date.today()).isoformat()
    if on > now:
        raise InvalidInputError(f"accreditation date {on} is in the future; record it once "
                                "it has been granted")
    if until is not None:
        check_span(on, until, "the accreditation")
        if until < now:
            raise InvalidInputError(f"the accreditation expired on {until} (today is {now}); an "
                                    "expired accreditation cannot be recorded as valid")
    ref = parse_text(reference, "reference")
    at = stamp()
    with store.write() as conn:
        conn.execute("INSERT INTO trainer_subjects (trainer_id, kind, subject, accredited_on, "
                     "expires_on, reference) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                     "(trainer_id, kind, subject) DO UPDATE SET accredited_on = "
                     "excluded.accredited_on, expires_on = excluded.expires_on, "
                     "reference = excluded.reference", (trainer_id, kind, ident, on, until, ref))
        conn.execute("UPDATE trainers SET updated_at = ? WHERE id = ?", (at, trainer_id))
        audit.record(conn, at=at, by=who, action="accredited", trainer_id=trainer_id,
                     details={"subject": f"{kind}:{ident}", "accredited_on": on,
                              "expires_on": until, "reference": ref})
    return Subject(kind, ident, title, on, until, ref)


def set_unavailable(store: Store, trainer_id: int, start: str | date, end: str | date, *,
                    by: str, reason: str | None = None) -> Unavailable:
    """Record dates a trainer cannot deliver; a period overlapping one already recorded is
    refused (change or remove that one), so the roster never holds two views of one day."""
    who = _check_by(by)
    get_trainer(store, trainer_id)
    first, last = iso(start, "start date"), iso(end, "end date")
    check_span(first, last, "the unavailable period")
    text = parse_text(reason, "reason")
    at = stamp()
    with store.write() as conn:
        clash = conn.execute('SELECT id, start, "end" FROM trainer_unavailable WHERE '
                             'trainer_id = ? AND start <= ? AND "end" >= ? ORDER BY start',
                             (trainer_id, last, first)).fetchone()
        if clash is not None:
            raise InvalidInputError(
                f"{first}..{last} overlaps the unavailable period {clash[1]}..{clash[2]} "
                f"already recorded (#{clash[0]}); remove it with 'catalogue trainer available "
                f"{trainer_id} {clash[0]}' first or give dates outside it")
        cursor = conn.execute('INSERT INTO trainer_unavailable (trainer_id, start, "end", '
                              "reason) VALUES (?, ?, ?, ?)", (trainer_id, first, last, text))
        period = int(cursor.lastrowid or 0)
        conn.execute("UPDATE trainers SET updated_at = ? WHERE id = ?", (at, trainer_id))
        audit.record(conn, at=at, by=who, action="unavailable", trainer_id=trainer_id,
                     details={"period": period, "start": first, "end": last, "reason": text})
    return Unavailable(period, first, last, text)


def clear_unavailable(store: Store, trainer_id: int, period: int, *, by: str) -> None:
    who = _check_by(by)
    at = stamp()
    with store.write() as conn:
        row = conn.execute('SELECT start, "end" FROM trainer_unavailable WHERE id = ? AND '
                           "trainer_id = ?", (period, trainer_id)).fetchone()
        if row is None:
            raise NotFoundError(f"trainer {trainer_id} has no unavailable period #{period}")
        conn.execute("DELETE FROM trainer_unavailable WHERE id = ?", (period,))
        conn.execute("UPDATE trainers SET updated_at = ? WHERE id = ?", (at, trainer_id))
        audit.record(conn, at=at, by=who, action="available", trainer_id=trainer_id,
                     details={"period": period, "start": row[0], "end": row[1]})
