"""Gather what the rules need to know about a scope from the database, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.core.errors import NotFoundError
from catalogue.core.rules.advice import current_advice
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
    advice: dict[str, Any] | None = None

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
    def serving_officers(self) -> bool:
        return "serving-officers" in self.scope.delivered_by


def gather(store: Store, scope: Scope, policy: dict[str, Any]) -> Facts:
    row = store.one("SELECT * FROM countries WHERE code = ?", (scope.country,))
    if row is None:
        raise NotFoundError(f"no country with code {scope.country!r}")
    hr_list = store.one("SELECT year, published, title FROM hr_priority_lists WHERE current = 1")
    facts = Facts(scope=scope, policy=policy, country=dict(row),
                  hr_list=dict(hr_list) if hr_list else None)
    _catalogue_items(store, facts)
    _audience(store, facts)
    facts.advice = current_advice(store, scope.country)
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
