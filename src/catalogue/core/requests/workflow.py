"""Guarded transitions: advance one step, decline, withdraw, or go back (reset).

Each transition runs in one write transaction: re-read the request, run the guard, then a
conditional ``UPDATE ... WHERE id = ? AND state = ?`` (checked for rowcount) and the audit
row. A refusal or a lost race raises and saves nothing. ``expected_state`` is the state the
caller saw; when omitted it is read just before the transaction, so two processes that both
saw ``scoping`` cannot both move the request on from it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypedDict

from catalogue.core.dates import stamp, utc_now
from catalogue.core.errors import InvalidInputError, Need, RefusedError, need_words, refused
from catalogue.core.identity import current_actor
from catalogue.core.requests import audit, guards
from catalogue.core.requests.guards import Context, StepInput
from catalogue.core.requests.model import Request, columns_after
from catalogue.core.requests.register import get_request
from catalogue.core.requests.states import (
    EXITS,
    FORWARD,
    LABELS,
    STATES,
    TERMINAL,
    next_state,
    position,
    refusal_lead,
)
from catalogue.core.rules.engine import assess
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store


def person_of(store: Store, request_id: int, action: str, *, last: bool = False) -> str | None:
    """Who took an audited action on the request (its first, or ``last``, such event): the
    signed-in user or OS login of the event (for events written before logins were recorded,
    the name given then)."""
    order = "DESC" if last else "ASC"
    row = store.one('SELECT "by", login, signed_in FROM request_events WHERE request_id = ? '
                    f"AND action = ? ORDER BY id {order} LIMIT 1", (request_id, action))
    if row is None:
        return None
    return str(row["signed_in"] or row["login"] or row["by"])


def logged_by(store: Store, request_id: int) -> str | None:
    """The person who logged the request."""
    return person_of(store, request_id, "created")


def context(store: Store, request: Request, today: date | None = None) -> Context:
    """Everything a guard needs: the rules' view of the scope (counting what the latest OSJA
    assessment judged), the latest assessment version and whether it is still current."""
    from catalogue.core.osja.record import judgement_of, latest
    from catalogue.core.osja.status import osja_status

    day = today or utc_now().date()
    country = store.one("SELECT * FROM countries WHERE code = ?", (request.country,))
    version = latest(store, request.id)
    assessment = assess(store, request.scope(), day, judgement_of(version))
    return Context(request=request, assessment=assessment, policy=stored_policy(store),
                   country=dict(country or {}), today=day, osja=version,
                   osja_status=osja_status(request, version, assessment, day),
                   actor=current_actor().person, logged_by=logged_by(store, request.id),
                   osja_recorded_by=person_of(store, request.id, "osja-recorded", last=True),
                   shared=store.meta("shared_group") is not None)


def _legal(request: Request, target: str) -> None:
    """Refuse moves out of a terminal state, skipped steps and backward moves."""
    if target not in STATES:
        raise InvalidInputError(f"unknown state {target!r}; states are: {', '.join(STATES)}")
    rid, state = request.id, request.state
    if state in TERMINAL:
        raise RefusedError(f"{refusal_lead(target, rid)}: it is {state}, "
                           "and a finished request cannot change")
    if target in EXITS:
        return
    following = next_state(state)
    if target == following:
        return
    if position(target) <= position(state):
        raise RefusedError(f"cannot move request {rid} from {state} to {target}: that is not "
                           "forward (use 'request reset' to go back)")
    raise RefusedError(f"cannot move request {rid} from {state} to {target}: steps cannot be "
                       f"skipped; the next step is {following}")


def _race(request_id: int, store: Store) -> RefusedError:
    now = store.scalar("SELECT state FROM requests WHERE id = ?", (request_id,))
    return RefusedError(f"request {request_id} changed state meanwhile (now {now!r}); "
                        "nothing was saved")


def _conditional_update(store: Store, request_id: int, expected_state: str,
                        updates: dict[str, Any]) -> None:
    """Write ``updates`` only if the request is still in ``expected_state`` (else a race)."""
    assignments = ", ".join(f'"{k}" = ?' for k in updates)
    cursor = store.conn.execute(f"UPDATE requests SET {assignments} WHERE id = ? AND state = ?",
                                [*updates.values(), request_id, expected_state])
    if cursor.rowcount != 1:
        raise _race(request_id, store)


def _transition(store: Store, request_id: int, target: str, step: StepInput, *, by: str,
                action: str, expected_state: str | None, now: datetime | None,
                today: date | None) -> Request:
    who = (by or "").strip()
    if not who:
        raise InvalidInputError("say who is making the change", fields=("by",))
    if target not in STATES:
        raise InvalidInputError(f"unknown state {target!r}; states are: {', '.join(STATES)}")
    if expected_state is None:
        expected_state = get_request(store, request_id).state
    at = stamp(now)
    with store.write() as conn:
        current = get_request(store, request_id)
        if current.state != expected_state:
            raise _race(request_id, store)
        _legal(current, target)
        problems, updates = guards.check(context(store, current, today), target, step)
        if problems:
            raise refused(f"{refusal_lead(target, request_id)}: ", problems)
        updates.update(state=target, updated_at=at, state_changed_at=at)
        _conditional_update(store, request_id, expected_state, updates)
        details = {k: v for k, v in updates.items()
                   if v is not None and k not in {"state", "updated_at", "state_changed_at"}}
        audit.record(conn, request_id, at=at, by=who, action=action, from_state=expected_state,
                     to_state=target, note=(step.note or "").strip() or None, details=details)
    return get_request(store, request_id)


def advance(store: Store, request_id: int, *, by: str, to: str | None = None,
            expected_state: str | None = None, step: StepInput | None = None,
            now: datetime | None = None, today: date | None = None) -> Request:
    """Move a request one step forward (``to`` may name that step, as a check)."""
    if to is None:
        state = expected_state or get_request(store, request_id).state
        to = next_state(state)
        if to is None:
            raise RefusedError(f"request {request_id} is {state}: there is no next step")
        expected_state = state
    if to in EXITS:
        raise InvalidInputError(f"use 'decline' or 'withdraw' to move a request to {to}")
    return _transition(store, request_id, to, step or StepInput(), by=by, action="advanced",
                       expected_state=expected_state, now=now, today=today)


def decline(store: Store, request_id: int, *, by: str, reason: str, signal: str | None = None,
            expected_state: str | None = None, now: datetime | None = None) -> Request:
    """Decline (with a reason, and optionally which decline reason of the policy applies)."""
    return _transition(store, request_id, "declined", StepInput(note=reason, signal=signal),
                       by=by, action="declined", expected_state=expected_state, now=now,
                       today=None)


def withdraw(store: Store, request_id: int, *, by: str, reason: str,
             expected_state: str | None = None, now: datetime | None = None) -> Request:
    return _transition(store, request_id, "withdrawn", StepInput(note=reason), by=by,
                       action="withdrawn", expected_state=expected_state, now=now, today=None)


def reset(store: Store, request_id: int, *, to: str, by: str, reason: str,
          expected_state: str | None = None, now: datetime | None = None) -> Request:
    """Go back to an earlier state, undoing the approvals after it (e.g. to re-assess)."""
    who, why = (by or "").strip(), (reason or "").strip()
    if not who or not why:
        raise InvalidInputError("a reset needs who makes it and a reason",
                                fields=("by", "reason"))
    if to not in FORWARD:
        raise InvalidInputError(f"can only reset to one of: {', '.join(FORWARD[:-2])}")
    if expected_state is None:
        expected_state = get_request(store, request_id).state
    at = stamp(now)
    with store.write() as conn:
        current = get_request(store, request_id)
        if current.state != expected_state:
            raise _race(request_id, store)
        if current.terminal:
            raise RefusedError(f"cannot reset request {request_id}: it is {current.state}, and "
                               "a finished request cannot change")
        if position(to) >= position(current.state):
            raise RefusedError(f"cannot reset request {request_id} to {to}: it is {current.state};"
                               " a reset goes back to an earlier state")
        undone = [LABELS[s] for s in FORWARD[position(to) + 1:position(current.state) + 1]]
        updates: dict[str, Any] = dict.fromkeys(columns_after(to))
        updates.update(state=to, updated_at=at, state_changed_at=at)
        _conditional_update(store, request_id, expected_state, updates)
        audit.record(conn, request_id, at=at, by=who, action="reset", from_state=current.state,
                     to_state=to, note=why, details={"undone": undone})
    return get_request(store, request_id)


#: What a step needs given, in words for anyone (the app, a copied summary); the CLI says its
#: options instead (cli/field_words.py).
NEED_WORDS = {"authoriser": "the authoriser's name",
              "authoriser_level": "authoriser level {value} or above",
              "s26_reference": "the s.26 reference"}


def need_text(need: Need) -> str:
    """What a step needs, in plain words (``authoriser level minister or above``)."""
    return need_words(need, NEED_WORDS)


class NextStep(TypedDict, total=False):
    """The next step (None when the request is finished), its label, what stands in its way
    (sentences naming fields) and what it needs given."""

    next: str | None
    next_label: str
    problems: list[str]
    needs: list[Need]


def next_step(store: Store, request: Request, today: date | None = None) -> NextStep:
    """What the next step is and what still stands in its way (nothing is saved)."""
    target = next_state(request.state)
    if target is None:
        return {"next": None, "problems": [], "needs": []}
    ctx = context(store, request, today)
    step = StepInput(authoriser=request.authoriser, authoriser_level=request.authoriser_level,
                     s26_reference=request.s26_reference)
    problems, _ = guards.check(ctx, target, step)
    needs: list[Need] = []
    if target == "authorised":
        level = ctx.osja["decided_level"] if ctx.osja else ctx.assessment.suggested.level
        needs += [Need(field="authoriser", value=None),
                  Need(field="authoriser_level", value=level)]
        if "serving-officers" in request.delivered_by:
            needs.append(Need(field="s26_reference", value=None))
        problems = [p for p in problems if "no authoriser is recorded" not in p]
    return {"next": target, "next_label": LABELS[target], "problems": problems, "needs": needs}
