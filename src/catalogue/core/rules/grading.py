"""The computed OSJA grading: documented factors add points, thresholds pick the grade.

The factors' points, the thresholds and the grade -> approver table all come from
``data/approval-policy.toml``; this module only decides which factors apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.core.rules.advice import LEVELS
from catalogue.core.rules.facts import Facts


@dataclass
class Grading:
    grade: str
    points: int
    approver: str  # approver id, e.g. "minister"
    approver_title: str
    factors: list[dict[str, Any]] = field(default_factory=list)  # the factors that applied

    @property
    def reasons(self) -> list[str]:
        return [f"{f['label']} (+{f['points']}): {f['why']}" for f in self.factors]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _applied(factor: dict[str, Any], points: int, facts: dict[str, Any]) -> dict[str, Any]:
    values = _Blank({k: str(v) for k, v in facts.items()})
    return {"id": factor["id"], "label": factor["label"], "points": points,
            "why": factor["why"].format_map(values), "facts": facts}


def _hr_priority(factor: dict[str, Any], f: Facts) -> dict[str, Any] | None:
    if not f.country.get("hr_priority") or not f.hr_list:
        return None
    return _applied(factor, factor["points"], {**f.country_facts, "hr_year": f.hr_list["year"],
                                               "hr_title": f.hr_list["title"]})


def _sensitivity(factor: dict[str, Any], f: Facts) -> dict[str, Any] | None:
    level = f.sensitivity
    items = f.items_at(level)
    if not items:
        return None
    return _applied(factor, factor["points"][level], {**f.country_facts,
                                                      "items": ", ".join(items),
                                                      "sensitivity": level})


def _coercive(factor: dict[str, Any], f: Facts) -> dict[str, Any] | None:
    if not f.coercive_units:
        return None
    units = ", ".join(u["label"] for u in f.coercive_units)
    return _applied(factor, factor["points"], {**f.country_facts, "units": units})


def travel_key(advice: dict[str, Any] | None) -> str | None:
    """The points key for recorded advice: ``against-all``, ``against-all-part`` ... or None."""
    if not advice or advice["level"] == "none":
        return None
    return advice["level"] + ("-part" if advice.get("part") else "")


def _travel(factor: dict[str, Any], f: Facts) -> dict[str, Any] | None:
    key = travel_key(f.advice)
    if key is None or f.advice is None:
        return None
    return _applied(factor, factor["points"][key], {
        **f.country_facts, "level": LEVELS[f.advice["level"]],
        "part": f.advice.get("part") or "whole country", "as_of": f.advice["as_of"]})


def _in_country(factor: dict[str, Any], f: Facts) -> dict[str, Any] | None:
    return _applied(factor, factor["points"], f.country_facts) if f.in_country else None


TESTS = {
    "hr-priority-country": _hr_priority,
    "discipline-sensitivity": _sensitivity,
    "coercive-audience": _coercive,
    "travel-advice": _travel,
    "in-country": _in_country,
}


def grade(facts: Facts) -> Grading:
    """Add up the factors that apply and look the grade and approver up in the policy."""
    policy = facts.policy
    applied = []
    for ident, factor in policy["factors"].items():
        result = TESTS[ident](factor, facts)
        if result is not None and result["points"] > 0:
            applied.append(result)
    total = sum(f["points"] for f in applied)
    chosen = policy["grades"][0]
    for candidate in policy["grades"]:
        if total >= candidate["min_points"]:
            chosen = candidate
    approver = approver_by_id(policy, chosen["approver"])
    return Grading(grade=chosen["id"], points=total, approver=approver["id"],
                   approver_title=approver["title"], factors=applied)


def approver_by_id(policy: dict[str, Any], ident: str) -> dict[str, Any]:
    for approver in policy["approvers"]:
        if approver["id"] == ident:
            return dict(approver)
    raise KeyError(ident)


def grade_rank(policy: dict[str, Any], grade_id: str) -> int:
    return [g["id"] for g in policy["grades"]].index(grade_id)


def required_approver(policy: dict[str, Any], grade_id: str) -> dict[str, Any]:
    """The approver a recorded grade needs (from the policy's grade table)."""
    for g in policy["grades"]:
        if g["id"] == grade_id:
            return approver_by_id(policy, g["approver"])
    raise KeyError(grade_id)
