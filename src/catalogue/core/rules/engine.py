"""The rules engine: what a request needs, with reasons, before it may go ahead.

``assess(store, scope)`` never saves anything. Unknown disciplines or modules produce the
"no skills to deliver" decline flag rather than an error; an unknown country code is a
NotFoundError (resolve user text with :func:`catalogue.core.rules.scope.build_scope`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.core.rules import signals
from catalogue.core.rules.facts import gather
from catalogue.core.rules.grading import grade
from catalogue.core.rules.model import Flag
from catalogue.core.rules.scope import Scope, check_scope
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store


@dataclass
class Assessment:
    flags: list[Flag]
    grade: str  # computed OSJA grade: "low" | "medium" | "high"
    grade_reasons: list[str]  # one line per grading factor that applied
    approver: str  # approver id the grade needs, e.g. "head-of-department", "minister"
    sensitivity: str  # most sensitive discipline/module in scope: public|restricted|confidential
    points: int = 0
    approver_title: str = ""
    factors: list[dict[str, Any]] = field(default_factory=list)
    country: dict[str, Any] = field(default_factory=dict)  # code, name, kind, hr_priority ...
    travel_advice: dict[str, Any] | None = None  # with as_of and origin, or None if unrecorded
    hr_list: dict[str, Any] | None = None  # the FCDO priority list used (year, title)
    scope: dict[str, Any] = field(default_factory=dict)

    @property
    def decline_signals(self) -> list[Flag]:
        """Flags that are reasons to decline (policy ``decline = true``)."""
        return [f for f in self.flags if f.decline]

    @property
    def withhold(self) -> list[str]:
        return [f.id.removeprefix("withhold-") for f in self.flags if f.id.startswith("withhold-")]

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "scope": self.scope,
            "grade": self.grade,
            "points": self.points,
            "grade_reasons": self.grade_reasons,
            "factors": [{k: v for k, v in f.items() if k != "facts"} for f in self.factors],
            "approver": self.approver,
            "approver_title": self.approver_title,
            "sensitivity": self.sensitivity,
            "travel_advice": self.travel_advice,
            "hr_priority_list": self.hr_list,
            "decline_signals": [f.id for f in self.decline_signals],
            "withhold": self.withhold,
            "flags": [f.to_dict() for f in self.flags],
        }


def assess(store: Store, scope: Scope) -> Assessment:
    """Every flag the scope raises, the computed OSJA grade and the approver it implies."""
    check_scope(scope)
    policy = stored_policy(store)
    facts = gather(store, scope, policy)
    grading = grade(facts)
    flags = [*signals.declines(facts), *signals.approvals(facts, grading),
             *signals.travel(facts), *signals.scope_gaps(facts), *signals.disclosure(facts)]
    flags.sort(key=lambda f: f.severity.order)
    c = facts.country
    return Assessment(
        flags=flags, grade=grading.grade, grade_reasons=grading.reasons,
        approver=grading.approver, sensitivity=facts.sensitivity, points=grading.points,
        approver_title=grading.approver_title, factors=grading.factors,
        country={"code": c["code"], "name": c["name"], "kind": c["kind"],
                 "hr_priority": bool(c["hr_priority"]), "assisted": bool(c["assisted"])},
        travel_advice=facts.advice, hr_list=facts.hr_list, scope=scope.to_dict(),
    )
