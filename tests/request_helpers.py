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


def walk_to(store: Store, request: Request, target: str) -> Request:
    """Advance ``request`` step by step until it is in ``target``."""
    current = request
    while current.state != target:
        following = FORWARD[FORWARD.index(current.state) + 1]
        current = advance(store, current.id, by="tester", step=step_for(following),
                          today=day_for(following, current))
    return current
