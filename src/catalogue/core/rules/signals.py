"""The flags the rules engine raises, each built from the facts that made it fire."""

from __future__ import annotations

from typing import Any

from catalogue.core.osja.prompts import Suggestion
from catalogue.core.rules.advice import LEVELS
from catalogue.core.rules.baseline import make_flag, mission_flag
from catalogue.core.rules.facts import SENSITIVITY_ORDER, Facts
from catalogue.core.rules.model import Flag, Severity
from catalogue.core.rules.scope import DELIVERERS


def _flag(f: Facts, flag_id: str, **extra: Any) -> Flag:
    return make_flag(f.policy, flag_id, {**f.country_facts, **extra})


def approvals(f: Facts, suggestion: Suggestion) -> list[Flag]:
    """What every request needs: IPAB to JIPH, OSJA (and the suggested level), the mission,
    s.26."""
    flags = [_flag(f, "ipab-jiph"), _flag(f, "osja-assessment")]
    reasons = "; ".join(r["why"] for r in suggestion.reasons)
    flags.append(_flag(f, "osja-suggested-level", level=suggestion.title, reasons=reasons,
                       label=suggestion.label))
    flags.append(mission_flag(f.policy, f.country))
    if f.serving_officers:
        names = ", ".join(DELIVERERS[d] for d in f.scope.delivered_by)
        flags.append(_flag(f, "s26-serving-officers", deliverers=names))
    return flags


def _advice_facts(advice: dict[str, Any]) -> dict[str, Any]:
    return {"level": LEVELS[advice["level"]], "part": advice.get("part") or "the whole country",
            "as_of": advice["as_of"], "origin": advice["origin"]}


def declines(f: Facts) -> list[Flag]:
    """The source document's reasons to decline, where the facts show one."""
    flags = []
    if f.scope.jiph_refused:
        flags.append(_flag(f, "decline-jiph-refused"))
    advice = f.advice
    if (f.in_country and advice and advice["level"] == "against-all"
            and not advice.get("part")):
        flags.append(_flag(f, "decline-staff-risk", **_place(f), **_advice_facts(advice)))
    if f.unknown_items:
        flags.append(_flag(f, "decline-no-skills", unknown=", ".join(f.unknown_items),
                           count=len(f.unknown_items)))
    if f.scope.ethics_concerns:
        flags.append(_flag(f, "decline-ethics", concerns="; ".join(f.scope.ethics_concerns),
                           count=len(f.scope.ethics_concerns)))
    return flags


def travel(f: Facts) -> list[Flag]:
    """What the recorded travel advice means for staff going to the country."""
    if not f.in_country:
        return []
    advice = f.advice
    if f.needs_host:
        return []
    if advice is None:
        return [_flag(f, "travel-advice-unrecorded", **_place(f))]
    old = advice_too_old(f)
    flags = [_flag(f, "travel-advice-old", **_place(f), as_of=advice["as_of"],
                   origin=advice["origin"], days=old)] if old else []
    return flags + _travel_level(f, advice)


def _place(f: Facts) -> dict[str, str]:
    """Where the work takes place: the host country for EU work, else the country."""
    return {"country": f.risk.name, "code": f.risk.code} if f.host else {}


def advice_too_old(f: Facts) -> int | None:
    """The policy's limit in days, if the recorded advice is older than it (else None)."""
    from datetime import date

    advice = f.advice
    limit = int(f.policy.get("osja", {}).get("travel_advice_max_days") or 0)
    if not advice or not limit:
        return None
    age = (f.today - date.fromisoformat(advice["as_of"])).days
    return limit if age > limit else None


def _travel_level(f: Facts, advice: dict[str, Any]) -> list[Flag]:
    if advice["level"] == "none":
        return [_flag(f, "travel-advice-clear", **_place(f), as_of=advice["as_of"],
                      origin=advice["origin"])]
    if advice["level"] == "against-all" and advice.get("part"):
        return [_flag(f, "travel-part-against-all", **_place(f), **_advice_facts(advice))]
    if advice["level"] == "against-all-but-essential":
        return [_flag(f, "travel-essential-only", **_place(f), **_advice_facts(advice))]
    return []  # whole-country "against all travel" is a decline signal (see declines)


def scope_gaps(f: Facts) -> list[Flag]:
    flags = []
    if not f.scope.disciplines and not f.scope.modules:
        flags.append(_flag(f, "scope-empty"))
    if f.needs_host:
        flags.append(_flag(f, "host-country-needed"))
    if f.unknown_audience:
        flags.append(_flag(f, "audience-unknown", unknown=", ".join(f.unknown_audience)))
    return flags


def _matches(f: Facts, condition: str, units: dict[str, str]) -> str | None:
    """A description of why ``condition`` holds for these facts, or None."""
    name = f.country["name"]
    if condition == "always":
        return "applies to all assistance"
    if condition == "in-country":
        return f"delivered in {name}" if f.in_country else None
    if condition == "serving-officers":
        return "serving officers deliver" if f.serving_officers else None
    if condition == "hr-priority":
        return f"{name} is a human-rights priority country" if f.country.get("hr_priority") else None
    if condition == "coercive-audience":
        return ("audience: " + ", ".join(u["label"] for u in f.coercive_units)
                if f.coercive_units else None)
    kind, _, value = condition.partition(":")
    if kind == "discipline" and value in f.discipline_ids:
        return f"discipline {value}"
    if kind == "sensitivity":
        floor = SENSITIVITY_ORDER.index(value)
        items = [i["title"] for i in f.disciplines + f.modules
                 if SENSITIVITY_ORDER.index(i["sensitivity"]) >= floor]
        return f"{value} or above: {', '.join(items)}" if items else None
    if kind == "audience" and value in f.scope.audience:
        return f"audience: {units.get(value, value)}"
    return None


def disclosure(f: Facts) -> list[Flag]:
    """The details public material must withhold, per the policy's categories."""
    units = {u["id"]: u["label"] for u in f.policy.get("units", [])}
    flags = []
    for category in f.policy.get("disclosure", []):
        matched = [m for c in category["when"] if (m := _matches(f, c, units))]
        if not matched:
            continue
        facts = {**f.country_facts, "matched": "; ".join(matched)}
        values = {k: str(v) for k, v in facts.items()}
        flags.append(Flag(id="withhold-" + category["id"],
                          severity=Severity(category["severity"]),
                          title=category["title"].format_map(values),
                          why=category["why"].format_map(values),
                          source=category["source"].format_map(values), facts=facts))
    return flags
