"""Gather what the rules need to know about a scope from the database, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.core.errors import NotFoundError
from catalogue.core.osja.riskfacts import RiskFacts, gather_risk, questions_doc
from catalogue.core.rules.baseline import KIND_LABELS
from catalogue.core.rules.scope import Scope
from catalogue.core.store import Store

SENSITIVITY_ORDER = ("public", "restricted", "confidential")


@dataclass
class Facts:
    """The scope plus everything looked up for it."""

    scope: Scope
    policy: dict[str, Any]
    country: dict[str, Any]
    hr_list: dict[str, Any] | None
    disciplines: list[dict[str, Any]] = field(default_factory=list)  # known, in scope order
    modules: list[dict[str, Any]] = field(default_factory=list)
    unknown_items: list[str] = field(default_factory=list)  # disciplines/modules not in catalogue
    coercive_units: list[dict[str, Any]] = field(default_factory=list)
    unknown_audience: list[str] = field(default_factory=list)
    advice: dict[str, Any] | None = None  # travel advice for where the work takes place
    risk: RiskFacts = field(default_factory=lambda: RiskFacts(code="", name=""))
    host: dict[str, Any] | None = None  # host country row (in-country work for the EU)
    questions: dict[str, Any] = field(default_factory=dict)  # the OSJA question set
    today: date = field(default_factory=date.today)

    @property
    def country_facts(self) -> dict[str, str]:
        c = self.country
        return {"country": c["name"], "code": c["code"],
                "kind": KIND_LABELS.get(c["kind"], c["kind"])}

    @property
    def discipline_ids(self) -> set[str]:
        """Disciplines in scope directly or through one of their modules."""
        return {d["id"] for d in self.disciplines} | {m["discipline_id"] for m in self.modules}

    @property
    def sensitivity(self) -> str:
        """The most sensitive class among the disciplines and modules in scope."""
        levels = [SENSITIVITY_ORDER.index(i["sensitivity"]) for i in self.disciplines + self.modules]
        return SENSITIVITY_ORDER[max(levels)] if levels else SENSITIVITY_ORDER[0]

    def items_at(self, sensitivity: str) -> list[str]:
        return [i["title"] for i in self.disciplines + self.modules
                if i["sensitivity"] == sensitivity]

    @property
    def in_country(self) -> bool:
        return self.scope.location == "in-country"

    @property
    def needs_host(self) -> bool:
        """In-country work for a body that is not a country, with no host country named."""
        return (self.in_country and self.country["kind"] == "supranational-union"
                and self.host is None)

    @property
    def serving_officers(self) -> bool:
        return "serving-officers" in self.scope.delivered_by


def gather(store: Store, scope: Scope, policy: dict[str, Any],
           today: date | None = None) -> Facts:
    row = store.one("SELECT * FROM countries WHERE code = ?", (scope.country,))
    if row is None:
        raise NotFoundError(f"no country with code {scope.country!r}")
    hr_list = store.one("SELECT year, published, title FROM hr_priority_lists WHERE current = 1")
    facts = Facts(scope=scope, policy=policy, country=dict(row),
                  hr_list=dict(hr_list) if hr_list else None, today=today or date.today())
    if scope.host:
        host = store.one("SELECT * FROM countries WHERE code = ?", (scope.host,))
        if host is None:
            raise NotFoundError(f"no country with code {scope.host!r}")
        facts.host = dict(host)
    _catalogue_items(store, facts)
    _audience(store, facts)
    facts.risk = gather_risk(store, facts.country, facts.host)
    facts.advice = facts.risk.travel_advice
    facts.questions = questions_doc(store)
    return facts


def _catalogue_items(store: Store, facts: Facts) -> None:
    scope = facts.scope
    found = {r["id"]: dict(r) for r in store.query(
        f"SELECT id, title, sensitivity FROM disciplines WHERE id IN "
        f"({','.join('?' * len(scope.disciplines))})", scope.disciplines)} \
        if scope.disciplines else {}
    modules = {r["id"]: dict(r) for r in store.query(
        f"SELECT id, title, sensitivity, discipline_id FROM modules WHERE id IN "
        f"({','.join('?' * len(scope.modules))})", scope.modules)} if scope.modules else {}
    for ident in scope.disciplines:
        if ident in found:
            facts.disciplines.append(found[ident])
        else:
            facts.unknown_items.append(ident)
    for ident in scope.modules:
        if ident in modules:
            facts.modules.append(modules[ident])
        else:
            facts.unknown_items.append(ident)


def _audience(store: Store, facts: Facts) -> None:
    units = {u["id"]: u for u in facts.policy.get("units", [])}
    levels = {r["id"] for r in store.query("SELECT id FROM levels")}
    for ident in facts.scope.audience:
        if ident in units:
            if units[ident]["coercive"]:
                facts.coercive_units.append(units[ident])
        elif ident not in levels:
            facts.unknown_audience.append(ident)
