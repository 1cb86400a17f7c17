"""The rules engine: what a request needs, with reasons, before it may go ahead.

``assess(store, scope)`` never saves anything. Unknown disciplines or modules produce the
"no skills to deliver" decline flag rather than an error; an unknown country code is a
NotFoundError (resolve user text with :func:`catalogue.core.rules.scope.build_scope`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.core.osja.conditions import Judgement
from catalogue.core.osja.prompts import Prompt, Suggestion, prompts_for, suggest
from catalogue.core.osja.riskfacts import RiskFacts
from catalogue.core.rules import signals
from catalogue.core.rules.facts import Facts, gather
from catalogue.core.rules.model import Flag
from catalogue.core.rules.scope import Scope, check_scope
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store


@dataclass
class Assessment:
    """What the rules say about a scope: flags, the OSJA prompts that apply, the dated risk
    facts they rest on, and the suggested minimum approval level (local practice)."""

    flags: list[Flag]
    suggested: Suggestion  # local practice, labelled so wherever shown
    prompts: list[Prompt]
    risk: RiskFacts
    sensitivity: str  # most sensitive discipline/module in scope: public|restricted|confidential
    edition: dict[str, Any] = field(default_factory=dict)  # the guidance edition of the prompts
    country: dict[str, Any] = field(default_factory=dict)  # code, name, kind, hr_priority ...
    travel_advice: dict[str, Any] | None = None  # with as_of and origin, or None if unrecorded
    hr_list: dict[str, Any] | None = None  # the FCDO priority list used (year, title)
    scope: dict[str, Any] = field(default_factory=dict)
    facts: Facts | None = None

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
            "suggested_minimum": self.suggested.to_dict(),
            "prompts": [p.to_dict() for p in self.prompts],
            "guidance_edition": self.edition,
            "risk_facts": self.risk.to_dict(),
            "sensitivity": self.sensitivity,
            "travel_advice": self.travel_advice,
            "hr_priority_list": self.hr_list,
            "decline_signals": [f.id for f in self.decline_signals],
            "withhold": self.withhold,
            "flags": [f.to_dict() for f in self.flags],
        }


def assess(store: Store, scope: Scope, today: date | None = None,
           judged: Judgement | None = None) -> Assessment:
    """Every flag the scope raises, the OSJA prompts that apply and the suggested minimum
    approval level (with ``judged``: counting what a recorded assessment judged)."""
    check_scope(scope)
    policy = stored_policy(store)
    facts = gather(store, scope, policy, today)
    suggestion = suggest(facts, judged)
    flags = [*signals.declines(facts), *signals.approvals(facts, suggestion),
             *signals.travel(facts), *signals.scope_gaps(facts), *signals.disclosure(facts)]
    flags.sort(key=lambda f: f.severity.order)
    c = facts.country
    return Assessment(
        flags=flags, suggested=suggestion,
        prompts=prompts_for(facts, facts.questions.get("questions", [])), risk=facts.risk,
        sensitivity=facts.sensitivity, edition=dict(facts.questions.get("edition", {})),
        country={"code": c["code"], "name": c["name"], "kind": c["kind"],
                 "hr_priority": facts.risk.on_hr_list, "assisted": bool(c["assisted"]),
                 "host": ({"code": facts.host["code"], "name": facts.host["name"]}
                          if facts.host else None)},
        travel_advice=facts.advice, hr_list=facts.hr_list, scope=scope.to_dict(), facts=facts,
    )
