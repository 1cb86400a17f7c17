"""Helpers for the request tests: a request with future dates, and walking it along."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from catalogue.core.requests.guards import StepInput
from catalogue.core.requests.model import Request
from catalogue.core.requests.register import create_request
from catalogue.core.requests.states import FORWARD
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import Scope
from catalogue.core.store import Store

START = date.today() + timedelta(days=200)
END = START + timedelta(days=9)


def new_request(store: Store, country: str = "KE", **scope: Any) -> Request:
    fields: dict[str, Any] = {"disciplines": ["leadership"], "start": START, "end": END}
    fields.update(scope)
    return create_request(store, "Test Police Service", Scope(country, **fields), by="tester")


def step_for(target: str, level: str = "minister", s26: str | None = "S26/1") -> StepInput:
    """What the user would supply to reach ``target`` (a Minister authorises: enough for any)."""
    if target == "authorised":
        return StepInput(authoriser="A. Minister", authoriser_level=level, s26_reference=s26)
    if target in {"ipab-submitted", "jiph-approved"}:
        return StepInput(reference=f"REF-{target}")
    return StepInput()


def day_for(target: str, request: Request) -> date | None:
    """The day to take a step on: the course's start day for ``delivered`` (the first day it
    can be marked delivered; every earlier step needs the course still to come), else today."""
    return request.start if target == "delivered" else None


def record_osja(store: Store, request_id: int, level: str = "minister", serious: str = "no",
                ihl: str = "does-not-apply", below: str | None = None,
                today: date | None = None, **extra: Any) -> dict[str, Any]:
    """Record an OSJA assessment version answering every prompt that applies ("unclear")."""
    from catalogue.core.osja.record import AssessmentInput, record_assessment
    from catalogue.core.osja.view import osja_overview

    day = today or date.today()
    prompts = osja_overview(store, request_id, day)["prompts"]
    data = AssessmentInput(
        author="A. Assessor", assessed_on=day, stage1_reference="BHC 2026/1",
        stage1_date=day - timedelta(days=30), serious_risk=serious, ihl=ihl,
        decided_level=level, decided_reason="as assessed",
        answers={p["id"]: "unclear" for p in prompts},
        consulted=[("BHC political section", day)], below_reason=below, **extra)
    return record_assessment(store, request_id, data, by="tester", today=day)


def prepare(store: Store, request: Request, target: str) -> None:
    """What must be recorded outside the request before it can reach ``target``: an OSJA
    assessment version (decided at Minister level) before osja-assessed, and current travel
    advice before in-country work is authorised."""
    from catalogue.core.osja.record import latest
    from catalogue.core.rules.advice import current_advice, set_advice

    if target == "osja-assessed" and latest(store, request.id) is None:
        record_osja(store, request.id)
    if target == "authorised" and request.location == "in-country":
        where = request.host_country or request.country
        if current_advice(store, where) is None:
            set_advice(store, where, "none", date.today(), by="tester")


def walk_to(store: Store, request: Request, target: str) -> Request:
    """Advance ``request`` step by step until it is in ``target`` (see :func:`prepare`)."""
    current = request
    while current.state != target:
        following = FORWARD[FORWARD.index(current.state) + 1]
        prepare(store, current, following)
        current = advance(store, current.id, by="tester", step=step_for(following),
                          today=day_for(following, current))
    return current
