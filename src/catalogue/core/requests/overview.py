"""Everything about one request on one screen: its record, its flags, its approvals so far
and what the next step needs."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from catalogue.core.requests.audit import received_by
from catalogue.core.requests.guards import approver_by_id
from catalogue.core.requests.model import Request
from catalogue.core.requests.register import get_request
from catalogue.core.requests.states import EXITS, reached
from catalogue.core.requests.workflow import NextStep, context, next_step
from catalogue.core.store import Store

#: Flags a request's progress satisfies: flag id -> the state that satisfies it.
SATISFIED_BY = {
    "ipab-jiph": "jiph-approved",
    "osja-assessment": "osja-assessed",
    "osja-suggested-level": "authorised",
    "consult-mission": "embassy-consulted",
    "no-mission": "embassy-consulted",
}

APPROVAL_STEPS = (
    ("ipab-submitted", "IPAB form submitted to JIPH"),
    ("jiph-approved", "JIPH approved the IPAB"),
    ("osja-assessed", "OSJA human-rights assessment"),
    ("embassy-consulted", "Mission consulted"),
    ("authorised", "Authorised"),
)


class ChecklistItem(TypedDict):
    """One approval on the way to authorisation: done or not, with its record."""

    step: str
    label: str
    done: bool
    detail: str | None


#: Who must authorise, and where that level comes from (``from`` is a keyword, hence the form).
RequiredApprover = TypedDict("RequiredApprover", {"id": str, "title": str, "from": str})


class RequestOverview(TypedDict):
    """Everything about one request on one screen, as ``request show`` and the board show it
    (JSON-ready: ``request show --json`` writes it as it is)."""

    request: dict[str, Any]  # Request.to_dict() and received_by
    assessment: dict[str, Any]  # Assessment.to_dict(), each flag with ``satisfied``
    required_approver: RequiredApprover
    osja: dict[str, Any]  # osja_status's fields and the latest version's summary
    checklist: list[ChecklistItem]
    next_step: NextStep
    clock: dict[str, Any] | None


def _last_active_state(store: Store, request: Request) -> str:
    """For a declined or withdrawn request, the state it was in when it stopped."""
    if request.state not in EXITS:
        return request.state
    before = store.scalar("SELECT from_state FROM request_events WHERE request_id = ? AND "
                          "to_state = ? ORDER BY id DESC LIMIT 1", (request.id, request.state))
    return str(before or "received")


def _osja_detail(request: Request, policy: dict[str, Any]) -> str | None:
    if request.osja_version:
        return f"assessment version {request.osja_version}"
    if request.osja_grade:
        return (f"legacy local-practice grade {request.osja_grade} (points score "
                f"{request.osja_computed_grade or '-'}); no assessment record")
    return None


def checklist(store: Store, request: Request, policy: dict[str, Any]) -> list[ChecklistItem]:
    state = _last_active_state(store, request)
    details = {
        "ipab-submitted": request.ipab_reference,
        "jiph-approved": request.jiph_reference,
        "osja-assessed": _osja_detail(request, policy),
        "embassy-consulted": request.mission,
        "authorised": None,
    }
    if request.authoriser and request.authoriser_level:
        title = approver_by_id(policy, request.authoriser_level)["title"]
        details["authorised"] = f"by {request.authoriser} ({title})"
    items = [ChecklistItem(step=step, label=label, done=reached(state, step),
                           detail=details[step]) for step, label in APPROVAL_STEPS]
    if "serving-officers" in request.delivered_by:
        items.append(ChecklistItem(step="s26", label="Police Act 1996 s.26 approval and Home "
                                   "Office consent", done=bool(request.s26_reference),
                                   detail=request.s26_reference))
    return items


def request_overview(store: Store, request_id: int,
                     today: date | None = None) -> RequestOverview:
    """The request, its assessment, the approvals checklist and the next step (JSON-ready)."""
    request = get_request(store, request_id)
    ctx = context(store, request, today)
    suggested = ctx.assessment.suggested
    if ctx.osja is not None:
        decided = approver_by_id(ctx.policy, ctx.osja["decided_level"])
        needed: RequiredApprover = {
            "id": decided["id"], "title": decided["title"],
            "from": f"level decided in OSJA assessment version {ctx.osja['version']}"}
    else:
        needed = {"id": suggested.level, "title": suggested.title,
                  "from": f"suggested minimum ({suggested.label}); no assessment recorded yet"}
    state = _last_active_state(store, request)
    assessment = ctx.assessment.to_dict()
    for flag in assessment["flags"]:
        milestone = SATISFIED_BY.get(flag["id"])
        flag["satisfied"] = (bool(request.s26_reference) if flag["id"] == "s26-serving-officers"
                             else bool(milestone and reached(state, milestone)))
    return {
        "request": {**request.to_dict(),
                    "received_by": received_by(store, request.id, request.created_by)},
        "assessment": assessment,
        "required_approver": needed,
        "osja": {**(ctx.osja_status or {}),
                 "latest": _summary(ctx.osja) if ctx.osja else None},
        "checklist": checklist(store, request, ctx.policy),
        "next_step": next_step(store, request, today),
        "clock": _clock(store, request, today),
    }


def _clock(store: Store, request: Request, today: date | None) -> dict[str, Any] | None:
    """Days in the current state against its target (local practice), JSON-ready."""
    from catalogue.core.requests.clock import request_clock

    clock = request_clock(store, request.id, request.state, today=today)
    return clock.to_dict() if clock else None


def _summary(version: dict[str, Any]) -> dict[str, Any]:
    """The latest version in brief (the full record: catalogue osja history)."""
    keys = ("version", "author", "assessed_on", "recorded_at", "edition", "stage1_reference",
            "stage1_date", "serious_risk", "ihl", "decided_level", "decided_reason",
            "suggested_level", "below_reason", "review_on")
    return {k: version[k] for k in keys}
