"""The request register: record, find, list (paged) and edit requests.

Editing the scope after approvals sends the request back to the state the policy's
``[reset]`` table names and clears the approvals after it; the edit and the reset are
recorded in the audit trail in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NotRequired, TypedDict, cast

from catalogue.core.dates import stamp, utc_now
from catalogue.core.errors import InvalidInputError, NotFoundError, RefusedError
from catalogue.core.names import fold
from catalogue.core.requests import audit
from catalogue.core.requests.clock import DAYS_OVER_SQL, clocks
from catalogue.core.requests.model import EDITABLE, LIST_FIELDS, Request, columns_after, to_columns
from catalogue.core.requests.states import FORWARD, LABELS, TERMINAL, position
from catalogue.core.rules.scope import Scope, check_scope
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store

MAX_BODY = 200
MAX_SUBMISSION_TEXT = 500
SORTS = {"created": "r.created_at", "updated": "r.updated_at", "id": "r.id", "state": "r.state",
         "country": "r.country", "overdue": DAYS_OVER_SQL}
LIST_COLUMNS = ("id", "state", "country", "requesting_body", "disciplines", "modules",
                "location", "start", "cohort", "created_at", "updated_at", "programme_id")

#: The oldest age filter accepted (a hundred years), in days.
MAX_AGE_DAYS = 36_500


def _select() -> str:
    return ("SELECT r.*, c.name AS country_name FROM requests r "
            "LEFT JOIN countries c ON c.code = r.country")


def get_request(store: Store, request_id: int) -> Request:
    row = store.one(_select() + " WHERE r.id = ?", (request_id,))
    if row is None:
        raise NotFoundError(f"no request {request_id}")
    return Request.from_row(row)


def _check_body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise InvalidInputError("say who is asking: the requesting body must not be empty")
    if len(text) > MAX_BODY:
        raise InvalidInputError(f"requesting body is {len(text)} characters; keep it under {MAX_BODY}")
    return text


def _check_text(value: str | None, field: str) -> str | None:
    """A funder or partners text: trimmed, empty as None, at most MAX_SUBMISSION_TEXT."""
    text = (value or "").strip()
    if len(text) > MAX_SUBMISSION_TEXT:
        raise InvalidInputError(f"{field} is {len(text)} characters; keep it under "
                                f"{MAX_SUBMISSION_TEXT}", fields=(field,))
    return text or None


def _check_by(by: str) -> str:
    if not (by or "").strip():
        raise InvalidInputError("say who is making the change", fields=("by",))
    return by.strip()


def create_request(store: Store, requesting_body: str, scope: Scope, *, by: str,
                   notes: str | None = None, funder: str | None = None,
                   partners: str | None = None, now: datetime | None = None) -> Request:
    """Record a new request (state ``received``) and its first audit row, together."""
    body, who = _check_body(requesting_body), _check_by(by)
    paid_by, with_whom = _check_text(funder, "funder"), _check_text(partners, "partners")
    check_scope(scope)
    if store.one("SELECT 1 FROM countries WHERE code = ?", (scope.country,)) is None:
        raise NotFoundError(f"no country with code {scope.country!r}")
    at = stamp(now)
    values = to_columns({
        "requesting_body": body, "country": scope.country, "disciplines": scope.disciplines,
        "modules": scope.modules, "location": scope.location, "audience": scope.audience,
        "cohort": scope.cohort, "start": scope.start, "end": scope.end,
        "delivered_by": scope.delivered_by, "ethics_concerns": scope.ethics_concerns,
        "host_country": scope.host,
        "notes": (notes or "").strip() or None, "funder": paid_by, "partners": with_whom,
        "state": "received", "created_at": at,
        "created_by": who, "updated_at": at, "state_changed_at": at})
    names = ", ".join(f'"{k}"' for k in values)
    with store.write() as conn:
        cursor = conn.execute(f"INSERT INTO requests ({names}) VALUES "
                              f"({', '.join('?' * len(values))})", list(values.values()))
        request_id = int(cursor.lastrowid or 0)
        audit.record(conn, request_id, at=at, by=who, action="created", to_state="received",
                     note=values["notes"],
                     details={"requesting_body": body, **scope.to_dict(),
                              **{k: v for k, v in (("funder", paid_by), ("partners", with_whom))
                                 if v}})
    return get_request(store, request_id)


@dataclass
class RequestFilter:
    states: list[str] = field(default_factory=list)
    country: str | None = None  # a resolved country code
    region: str | None = None  # UN region, sub-region, intermediate region or liaison area
    older_than_days: int | None = None  # received at least this many days ago
    newer_than_days: int | None = None  # received at most this many days ago
    open_only: bool = False  # leave out delivered, declined and withdrawn
    programme_id: int | None = None
    #: Only requests past their state's target days (local practice; see clock.py).
    overdue_only: bool = False


def _region_clause(store: Store, text: str) -> tuple[str, list[Any]]:
    """Countries whose UN region, sub-region, intermediate region or liaison area (name or id)
    is ``text`` (any case): "Europe" covers the UN region and the liaison area with the EU."""
    wanted = fold(text)
    matches: list[tuple[str, str]] = []
    for column in ("region", "subregion", "intermediate", "liaison_area_name", "liaison_area"):
        for (value,) in store.query(f"SELECT DISTINCT {column} FROM countries "
                                    f"WHERE {column} IS NOT NULL"):
            if fold(value) == wanted:
                matches.append((column, value))
    if matches:
        where = " OR ".join(f"{column} = ?" for column, _ in matches)
        return (f"r.country IN (SELECT code FROM countries WHERE {where})",
                [value for _, value in matches])
    known = [r[0] for r in store.query("SELECT DISTINCT region FROM countries WHERE region IS NOT "
                                       "NULL UNION SELECT name FROM liaison_areas ORDER BY 1")]
    raise InvalidInputError(f"unknown region {text!r}; try a UN region, sub-region or liaison "
                            f"area such as: {', '.join(known)}")


def _where(store: Store, flt: RequestFilter, now: datetime | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.states:
        for state in flt.states:
            if state not in LABELS:
                raise InvalidInputError(f"unknown state {state!r}")
        clauses.append(f"r.state IN ({', '.join('?' * len(flt.states))})")
        params += flt.states
    if flt.open_only:
        clauses.append(f"r.state NOT IN ({', '.join('?' * len(TERMINAL))})")
        params += sorted(TERMINAL)
    if flt.country:
        clauses.append("r.country = ?")
        params.append(flt.country)
    if flt.region:
        clause, values = _region_clause(store, flt.region)
        clauses.append(clause)
        params += values
    moment = now or utc_now()
    for days, op in ((flt.older_than_days, "<="), (flt.newer_than_days, ">=")):
        if days is not None:
            if not 0 <= days <= MAX_AGE_DAYS:
                raise InvalidInputError(
                    f"age must be 0 to {MAX_AGE_DAYS} days (got {str(days)[:20]})")
            clauses.append(f"r.created_at {op} ?")
            params.append(stamp(moment - timedelta(days=days)))
    if flt.programme_id is not None:
        clauses.append("r.programme_id = ?")
        params.append(flt.programme_id)
    if flt.overdue_only:
        clauses.append(f"{DAYS_OVER_SQL} > 0")
        params.append(moment.date().isoformat())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


class RequestRow(TypedDict):
    """One request in a listing (``request list``, the board's table), with its age and
    clock; the board adds ``osja_state``."""

    id: int
    state: str
    country: str
    requesting_body: str
    disciplines: list[str]
    modules: list[str]
    location: str
    start: str | None
    cohort: int | None
    created_at: str
    updated_at: str
    programme_id: int | None
    country_name: str | None
    state_label: str
    age_days: int
    clock: dict[str, Any] | None
    osja_state: NotRequired[str]


def list_requests(store: Store, flt: RequestFilter | None = None, *, limit: int = 50,
                  offset: int = 0, sort: str = "created", descending: bool = True,
                  now: datetime | None = None) -> list[RequestRow]:
    """One page of requests (newest first by default), each with its age in days and its
    clock (days in its state against the target: :mod:`catalogue.core.requests.clock`).

    ``sort="overdue"``: the most days past target first (descending), then those nearest
    their target, then the states without one; ties oldest first."""
    if sort not in SORTS:
        raise InvalidInputError(f"cannot sort by {sort!r}; choose one of: {', '.join(SORTS)}")
    if limit < 1 or offset < 0:
        raise InvalidInputError("limit must be 1 or more and offset 0 or more")
    moment = now or utc_now()
    where, params = _where(store, flt or RequestFilter(), moment)
    direction = "DESC" if descending else "ASC"
    if sort == "overdue":
        order = f"{DAYS_OVER_SQL} {direction} NULLS LAST, r.created_at ASC, r.id ASC"
        params.append(moment.date().isoformat())
    else:
        order = f"{SORTS[sort]} {direction}, r.id {direction}"
    rows = store.query(f"{_select()} {where} ORDER BY {order} LIMIT ? OFFSET ?",
                       [*params, limit, offset])
    requests = [Request.from_row(row) for row in rows]
    timers = clocks(store, [(r.id, r.state) for r in requests], today=moment.date())
    result = []
    for request in requests:
        item = {key: getattr(request, key) for key in LIST_COLUMNS}
        item["start"] = request.start.isoformat() if request.start else None
        item["country_name"] = request.country_name
        item["state_label"] = request.state_label
        created = datetime.fromisoformat(request.created_at.replace("Z", "+00:00"))
        item["age_days"] = max(0, (moment - created).days)
        timer = timers.get(request.id)
        item["clock"] = timer.to_dict() if timer else None
        result.append(cast(RequestRow, item))
    return result


def count_requests(store: Store, flt: RequestFilter | None = None,
                   now: datetime | None = None) -> int:
    where, params = _where(store, flt or RequestFilter(), now)
    return int(store.scalar(f"SELECT count(*) FROM requests r {where}", params))


@dataclass
class EditResult:
    request: Request
    changed: dict[str, list[Any]]  # field -> [old, new]
    reset_to: str | None = None  # the state the request went back to, if any
    reset_steps: list[str] = field(default_factory=list)  # the approvals that were undone


def _comparable(key: str, value: Any) -> Any:
    if key in LIST_FIELDS:
        return list(value or [])
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip() or None
    return value


def reset_target(policy: dict[str, Any], state: str, fields: list[str]) -> str | None:
    """The state a request in ``state`` must go back to when ``fields`` change, if any."""
    targets = [policy.get("reset", {}).get("country" if f == "host_country" else f)
               for f in fields]
    earliest = min((t for t in targets if t), key=position, default=None)
    if earliest is None or state in TERMINAL or position(state) <= position(earliest):
        return None
    return earliest


def edit_request(store: Store, request_id: int, changes: dict[str, Any], *, by: str,
                 note: str | None = None, now: datetime | None = None) -> EditResult:
    """Change fields of a request; a scope change after approvals resets them (recorded)."""
    who = _check_by(by)
    unknown = [k for k in changes if k not in EDITABLE]
    if unknown:
        raise InvalidInputError(f"cannot edit {', '.join(unknown)}; editable: {', '.join(EDITABLE)}")
    if "requesting_body" in changes:
        changes["requesting_body"] = _check_body(changes["requesting_body"])
    for key in ("funder", "partners"):
        if key in changes:
            changes[key] = _check_text(changes[key], key)
    if "country" in changes and store.one("SELECT 1 FROM countries WHERE code = ?",
                                          (changes["country"],)) is None:
        raise NotFoundError(f"no country with code {changes['country']!r}")
    at = stamp(now)
    with store.write() as conn:
        current = get_request(store, request_id)
        if current.terminal:
            raise RefusedError(f"request {request_id} is {current.state}; it can no longer be edited")
        changed = {k: [_comparable(k, getattr(current, k)), _comparable(k, v)]
                   for k, v in changes.items()
                   if _comparable(k, getattr(current, k)) != _comparable(k, v)}
        if not changed:
            return EditResult(current, {})
        merged = current.scope()
        for key in changed:
            if hasattr(merged, key):
                setattr(merged, key, changes[key])
        if "host_country" in changed:
            merged.host = changes["host_country"]
        check_scope(merged)
        back_to = reset_target(stored_policy(store), current.state, list(changed))
        updates = to_columns({k: changes[k] for k in changed})
        steps: list[str] = []
        if back_to:
            steps = [LABELS[s] for s in FORWARD[position(back_to) + 1:position(current.state) + 1]]
            updates.update(dict.fromkeys(columns_after(back_to)))
            updates.update(state=back_to, state_changed_at=at)
        updates["updated_at"] = at
        assignments = ", ".join(f'"{k}" = ?' for k in updates)
        cursor = conn.execute(f"UPDATE requests SET {assignments} WHERE id = ? AND state = ?",
                              [*updates.values(), request_id, current.state])
        if cursor.rowcount != 1:
            raise RefusedError(f"request {request_id} changed meanwhile; nothing was saved")
        audit.record(conn, request_id, at=at, by=who, action="edited", from_state=current.state,
                     to_state=current.state, note=(note or "").strip() or None,
                     details={"changed": changed})
        if back_to:
            audit.record(conn, request_id, at=at, by=who, action="reset",
                         from_state=current.state, to_state=back_to,
                         note=f"scope changed ({', '.join(changed)}): reset "
                              f"{', '.join(steps)}",
                         details={"fields": list(changed), "undone": steps})
    return EditResult(get_request(store, request_id), changed, back_to, steps)


def link_programme(store: Store, request_id: int, programme_id: int | None, *, by: str,
                   now: datetime | None = None) -> Request:
    """Link a request to a programme outline (or unlink with None); recorded in the audit trail."""
    from catalogue.core.links import relink

    who = _check_by(by)
    at = stamp(now)
    with store.write() as conn:
        get_request(store, request_id)
        relink(conn, request_id=request_id, programme_id=programme_id, by=who, at=at)
    return get_request(store, request_id)
