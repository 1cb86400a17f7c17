"""One request's OSJA picture as plain data: the prompts that apply (with why and source), the
dated risk facts, the suggested minimum approval level (local practice), the latest recorded
version and whether re-assessment is needed. Shared by ``catalogue osja show`` and the app."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class ReviewMark:
    """A request's OSJA state today, its latest version's review date, and the labels of
    what changed since that version (empty unless re-assessment is needed)."""

    state: str  # none, current, reassess, legacy (core/osja/status.py)
    review_on: str | None = None
    changed: tuple[str, ...] = ()


def needing_reassessment(store: Store, request_ids: list[int],
                         today: date | None = None) -> dict[int, str]:
    """For each request id given: its OSJA state (none, current, reassess, legacy)."""
    return {rid: mark.state for rid, mark in review_marks(store, request_ids, today).items()}


def review_marks(store: Store, request_ids: list[int],
                 today: date | None = None) -> dict[int, ReviewMark]:
    """For each request id given: its :class:`ReviewMark`.

    One query finds which requests have a version; only those (open ones) are worked out in
    full against today's facts. A request with no version is "none", or "legacy" when an old
    grade is recorded and it reached the osja-assessed step.
    """
    from catalogue.core.osja.record import judgement_of, latest
    from catalogue.core.osja.status import osja_status
    from catalogue.core.requests.register import get_request
    from catalogue.core.requests.states import TERMINAL
    from catalogue.core.rules.engine import assess

    if not request_ids:
        return {}
    day = today or date.today()
    marks = ",".join("?" * len(request_ids))
    rows = {r["id"]: r for r in store.query(
        f"SELECT r.id, r.state, r.osja_grade, a.version, a.review_on FROM requests r "
        f"LEFT JOIN osja_assessments a ON a.request_id = r.id AND a.version = (SELECT "
        f"max(version) FROM osja_assessments b WHERE b.request_id = r.id) "
        f"WHERE r.id IN ({marks})", list(request_ids))}
    found: dict[int, ReviewMark] = {}
    for rid in request_ids:
        row = rows.get(rid)
        if row is None or row["version"] is None:
            legacy = row is not None and row["osja_grade"]
            found[rid] = ReviewMark("legacy" if legacy else "none")
            continue
        if row["state"] in TERMINAL:
            found[rid] = ReviewMark("current", row["review_on"])
            continue
        request = get_request(store, rid)
        version = latest(store, rid)
        assessment = assess(store, request.scope(), day, judgement_of(version))
        status = osja_status(request, version, assessment, day)
        found[rid] = ReviewMark(status["state"], row["review_on"],
                                tuple(c["label"] for c in status["changes"]))
    return found
