"""The approvals any programme in a country needs, whatever its content."""

from __future__ import annotations

from typing import Any

from catalogue.core.rules.model import Flag, Severity
from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store

KIND_LABELS = {
    "sovereign-state": "sovereign state",
    "overseas-territory": "British overseas territory",
    "special-administrative-region": "special administrative region",
    "supranational-union": "supranational union",
    "crown-dependency": "Crown dependency",
    "dependent-territory": "dependent territory",
    "disputed-territory": "territory of disputed status",
    "uninhabited-territory": "uninhabited territory",
}


def mission_for(policy: dict[str, Any], country: dict[str, Any]) -> str:
    missions = policy["missions"]
    return missions.get(country.get("uk_mission") or "unknown", missions.get("unknown", ""))


def make_flag(policy: dict[str, Any], flag_id: str, facts: dict[str, Any]) -> Flag:
    spec = policy["flags"][flag_id]
    values = {k: str(v) for k, v in facts.items()}
    return Flag(
        id=flag_id,
        severity=Severity(spec["severity"]),
        title=spec["title"].format_map(_Blank(values)),
        why=spec["why"].format_map(_Blank(values)),
        source=spec["source"],
        facts=facts,
    )


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def country_requirements(store: Store, country: dict[str, Any]) -> list[Flag]:
    """IPAB to JIPH, OSJA assessment and the mission to consult, for one country."""
    policy = stored_policy(store)
    mission = mission_for(policy, country)
    facts = {
        "country": country["name"],
        "kind": KIND_LABELS.get(country["kind"], country["kind"]),
        "mission": mission.split(" (")[0],
    }
    flags = [make_flag(policy, fid, facts) for fid in ("ipab-jiph", "osja-assessment",
                                                        "consult-mission")
             if fid in policy["flags"]]
    for flag in flags:
        if flag.id == "consult-mission" and "(" in mission:
            flag.why += " Note: " + mission.split(" (", 1)[1].rstrip(")") + "."
    return flags
