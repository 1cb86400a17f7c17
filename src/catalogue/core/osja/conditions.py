"""Conditions over a request's facts, shared by the OSJA prompts and the suggestion rules.

Every condition is monotone: adding a risk fact (a sanctions regime, a conflict entry, a
retained death penalty, a coercive unit ...) can only make more conditions hold, never fewer.
That is what keeps the suggested minimum approval level from ever dropping when a risk is added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalogue.core.rules.advice import LEVELS

if TYPE_CHECKING:
    from catalogue.core.rules.facts import Facts

SENSITIVITY_ORDER = ("public", "restricted", "confidential")


class Judgement:
    """What a recorded assessment judged (only the suggestion rules look at it)."""

    __slots__ = ("ihl", "serious_risk")

    def __init__(self, serious_risk: bool = False, ihl: bool = False) -> None:
        self.serious_risk = serious_risk
        self.ihl = ihl  # IHL applies, or is assumed to

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Judgement) and (self.serious_risk, self.ihl) == \
            (other.serious_risk, other.ihl)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Judgement(serious_risk={self.serious_risk}, ihl={self.ihl})"


def holds(f: Facts, condition: str, judged: Judgement | None = None) -> str | None:
    """A short description of why ``condition`` holds for these facts, or None."""
    risk = f.risk
    name = risk.name
    simple: dict[str, Any] = {
        "always": lambda: "all assistance",
        "in-country": lambda: f"delivered in {name}" if f.in_country else None,
        "hr-priority": lambda: f"{name} on the FCDO priority list" if risk.on_hr_list else None,
        "death-penalty": lambda: (f"{name}: {(risk.death_penalty or {}).get('status')}"
                                  if risk.death_penalty_retained else None),
        "sanctions": lambda: f"UK sanctions regime for {name}" if risk.has_sanctions else None,
        "conflict": lambda: f"armed conflict recorded for {name}" if risk.conflict else None,
        "incident": lambda: f"serious incident recorded for {name}" if risk.incidents else None,
        "travel-advice": lambda: (f"FCDO advice for {name}: "
                                  f"{LEVELS[(risk.travel_advice or {})['level']]}"
                                  if risk.advice_against else None),
        "coercive-audience": lambda: (", ".join(u["label"] for u in f.coercive_units)
                                      if f.coercive_units else None),
        "serving-officers": lambda: "serving officers deliver" if f.serving_officers else None,
        "judged:serious-risk": lambda: ("serious risk recorded in the assessment"
                                        if judged and judged.serious_risk else None),
        "judged:ihl": lambda: ("IHL applies (or is assumed to), as recorded"
                               if judged and judged.ihl else None),
    }
    if condition in simple:
        result: str | None = simple[condition]()
        return result
    kind, _, value = condition.partition(":")
    if kind == "discipline":
        titles = [d["title"] for d in f.disciplines if d["id"] == value]
        titles += [m["title"] for m in f.modules if m["discipline_id"] == value]
        return ", ".join(titles) if titles else None
    if kind == "sensitivity":
        floor = SENSITIVITY_ORDER.index(value)
        items = [i["title"] for i in f.disciplines + f.modules
                 if SENSITIVITY_ORDER.index(i["sensitivity"]) >= floor]
        return f"{value}: {', '.join(items)}" if items else None
    if kind == "audience":
        return f"audience {value}" if value in f.scope.audience else None
    return None


def matches(f: Facts, rule: dict[str, Any], judged: Judgement | None = None) -> list[str] | None:
    """The descriptions of what made a rule or question apply, or None if it does not."""
    found_all = [holds(f, c, judged) for c in rule.get("when", [])]
    if any(m is None for m in found_all):
        return None
    found_any = [m for c in rule.get("when_any", []) if (m := holds(f, c, judged))]
    if rule.get("when_any") and not found_any:
        return None
    return found_any or [m for m in found_all if m]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def why_values(f: Facts, matched: list[str]) -> dict[str, str]:
    """The placeholders a prompt's or rule's why-text may use."""
    risk = f.risk
    dp = risk.death_penalty or {}
    advice = risk.travel_advice or {}
    conflict = risk.conflict or {}
    last = risk.incidents[-1] if risk.incidents else {}
    hr = risk.hr_priority
    values = {
        **f.country_facts,
        "facts_country": risk.name if not risk.host_of else f"{risk.name} (host country)",
        "dp_status": dp.get("label", "no status recorded")
        + (" [unconfirmed]" if dp.get("unconfirmed") else ""),
        "dp_as_of": str(dp.get("as_of", "")), "dp_source": str(dp.get("source", "")),
        "regimes": "; ".join(r["regime"] for r in risk.sanctions.get("regimes", [])),
        "sanctions_as_of": str(risk.sanctions.get("list_as_of") or "unknown"),
        "hr_year": str(hr.get("year") or ""), "hr_title": str(hr.get("title") or ""),
        "conflict_part": conflict.get("part") or "the whole country",
        "conflict_as_of": str(conflict.get("as_of", "")),
        "incident_on": str(last.get("occurred_on", "")), "incident_note": last.get("note", ""),
        "advice": (LEVELS.get(advice.get("level", ""), "") +
                   (f" ({advice['part']})" if advice.get("part") else "")),
        "advice_as_of": str(advice.get("as_of", "")),
        "units": ", ".join(u["label"] for u in f.coercive_units),
        "disciplines": ", ".join(d["title"] for d in f.disciplines),
        "matched": "; ".join(matched),
    }
    if hr.get("via"):
        values["hr_title"] += f"; entry of its administering state {hr['via']}"
    if dp.get("via"):
        values["dp_status"] = (f"its administering state {dp['via']} {values['dp_status']} "
                               f"({risk.name} has no entry of its own)")
    return values


def fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(_Blank(values))
