"""Is a request's OSJA assessment current, or is *re-assessment needed*, and why?

An assessment is a living document: it needs re-assessment when a fact it relied on changed
(travel advice, priority list, sanctions, death-penalty data, the conflict register, a serious
incident, or the request's own scope), when its review date has passed, or when the suggested
minimum approval level (local practice) rose above the one it was made against.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from catalogue.core.osja.riskfacts import FACT_LABELS

if TYPE_CHECKING:
    from catalogue.core.requests.model import Request
    from catalogue.core.rules.engine import Assessment

NONE, CURRENT, REASSESS, LEGACY = "none", "current", "reassess", "legacy"
LABELS = {NONE: "no OSJA assessment recorded", CURRENT: "current",
          REASSESS: "re-assessment needed",
          LEGACY: "re-assessment needed (only a legacy local-practice grade is recorded)"}


def _shown(value: Any) -> str:
    return str(value) if value not in (None, "", []) else "none"


def changes(version: dict[str, Any], assessment: Assessment, today: date) -> list[dict[str, str]]:
    """What changed since ``version`` was recorded, each as fact, label, old -> new."""
    from catalogue.core.osja.record import scope_snapshot

    before = version.get("facts") or {}
    now = {**assessment.risk.snapshot(), "scope": scope_snapshot(assessment.scope)}
    found = []
    for key, label in FACT_LABELS.items():
        old, new = before.get(key), now.get(key)
        if old is None or new is None:
            continue
        if old.get("value") != new.get("value"):
            found.append({"fact": key, "label": label, "old": _shown(old.get("shown")),
                          "new": _shown(new.get("shown"))})
    if date.fromisoformat(version["review_on"]) < today:
        found.append({"fact": "review", "label": "Review date",
                      "old": f"review by {version['review_on']}",
                      "new": f"passed (today is {today.isoformat()})"})
    suggested = assessment.suggested
    ranks = {a["id"]: a["rank"] for a in (assessment.facts.policy["approvers"]
                                         if assessment.facts else [])}
    if suggested.rank > ranks.get(version["suggested_level"], suggested.rank):
        found.append({"fact": "suggested", "label": f"Suggested minimum ({suggested.label})",
                      "old": version["suggested_level"], "new": suggested.level})
    return found


def osja_status(request: Request, version: dict[str, Any] | None, assessment: Assessment,
                today: date) -> dict[str, Any]:
    """The state of a request's OSJA record, with what changed (JSON-ready)."""
    if version is None:
        state = LEGACY if request.osja_grade else NONE
        return {"state": state, "label": LABELS[state], "version": None, "changes": [],
                "legacy_grade": request.osja_grade}
    found = changes(version, assessment, today)
    state = REASSESS if found else CURRENT
    return {"state": state, "label": LABELS[state], "version": version["version"],
            "decided_level": version["decided_level"], "review_on": version["review_on"],
            "changes": found, "legacy_grade": request.osja_grade}


def change_lines(status: dict[str, Any]) -> list[str]:
    return [f"{c['label']}: {c['old']} -> {c['new']}" for c in status.get("changes", [])]
