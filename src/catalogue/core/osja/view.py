"""One request's OSJA picture as plain data: the prompts that apply (with why and source), the
dated risk facts, the suggested minimum approval level (local practice), the latest recorded
version and whether re-assessment is needed. Shared by ``catalogue osja show`` and the app."""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.core.store import Store


def osja_overview(store: Store, request_id: int, today: date | None = None) -> dict[str, Any]:
    from catalogue.core.requests.register import get_request
    from catalogue.core.requests.workflow import context

    request = get_request(store, request_id)
    ctx = context(store, request, today)
    a = ctx.assessment
    return {
        "request": {"id": request.id, "state": request.state,
                    "requesting_body": request.requesting_body, "country": request.country,
                    "country_name": request.country_name, "host_country": request.host_country,
                    "terminal": request.terminal},
        "status": ctx.osja_status,
        "latest": ctx.osja,
        "prompts": [p.to_dict() for p in a.prompts],
        "guidance_edition": a.edition,
        "suggested_minimum": a.suggested.to_dict(),
        "risk_facts": a.risk.to_dict(),
        "approvers": [{"id": x["id"], "title": x["title"], "rank": x["rank"]}
                      for x in ctx.policy.get("approvers", [])],
        "review_days": ctx.policy.get("osja", {}).get("review_days"),
    }


def needing_reassessment(store: Store, request_ids: list[int],
                         today: date | None = None) -> dict[int, str]:
    """For each request id given: its OSJA state (none, current, reassess, legacy).

    Only requests that reached the osja-assessed step (or have a version) are worked out in
    full; the others are "none" without looking at their facts.
    """
    from catalogue.core.osja.record import judgement_of, latest
    from catalogue.core.osja.status import osja_status
    from catalogue.core.requests.register import get_request
    from catalogue.core.rules.engine import assess

    day = today or date.today()
    found: dict[int, str] = {}
    for rid in request_ids:
        request = get_request(store, rid)
        version = latest(store, rid)
        if version is None and not request.osja_grade:
            found[rid] = "none"
            continue
        if request.terminal:
            found[rid] = "current" if version else "legacy"
            continue
        assessment = assess(store, request.scope(), day, judgement_of(version))
        found[rid] = osja_status(request, version, assessment, day)["state"]
    return found
