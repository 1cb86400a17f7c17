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

#: Mission keys that mean nobody to consult: the "no-mission" flag replaces "consult-mission".
NO_MISSION_KEYS = ("no-mission", "home")


def mission_key(policy: dict[str, Any], country: dict[str, Any]) -> str:
    """Which mission to consult: recorded for assisted countries, else by code, else by kind."""
    return (country.get("uk_mission")
            or policy.get("missions_by_code", {}).get(country.get("code") or "")
            or policy.get("missions_by_kind", {}).get(country.get("kind") or "")
            or "unknown")


def mission_basis(policy: dict[str, Any], country: dict[str, Any]) -> str:
    """Where the mission to consult comes from: the organisation's record or an assumption."""
    if country.get("uk_mission"):
        return (f"recorded for {country['name']} in data/countries-assisted.csv "
                "(the organisation's own record)")
    if (country.get("code") or "") in policy.get("missions_by_code", {}):
        return ("data/approval-policy.toml [missions_by_code], by country code "
                "(a local assumption)")
    if (country.get("kind") or "") in policy.get("missions_by_kind", {}):
        return ("data/approval-policy.toml [missions_by_kind], by the kind of country "
                "(a local assumption)")
    return "no mission recorded (a local assumption)"


def mission_for(policy: dict[str, Any], country: dict[str, Any]) -> str:
    """The mission's text; the EU, territories and Crown dependencies get their own wording."""
    missions = policy["missions"]
    text = missions.get(mission_key(policy, country), missions.get("unknown", ""))
    return text.replace("{administered_by}", country.get("administered_by") or "the administering state")


def split_mission(text: str) -> tuple[str, str]:
    """("British Embassy ...", "note in brackets") from a mission text."""
    if " (" in text and text.endswith(")"):
        name, note = text.split(" (", 1)
        return name, note[:-1]
    return text, ""


def make_flag(policy: dict[str, Any], flag_id: str, facts: dict[str, Any]) -> Flag:
    spec = policy["flags"][flag_id]
    values = _Blank({k: str(v) for k, v in facts.items()})
    return Flag(
        id=flag_id,
        severity=Severity(spec["severity"]),
        title=spec["title"].format_map(values),
        why=spec["why"].format_map(values),
        source=spec["source"].format_map(values),
        facts=facts,
        decline=bool(spec.get("decline")),
    )


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def mission_flag(policy: dict[str, Any], country: dict[str, Any]) -> Flag:
    """Consult the mission; says so when the country has no British embassy of its own, and
    raises "no-mission" instead when there is nobody to consult (the UK itself, Antarctica)."""
    name, note = split_mission(mission_for(policy, country))
    facts = {"country": country["name"], "code": country["code"],
             "kind": KIND_LABELS.get(country["kind"], country["kind"]),
             "mission": name, "mission_note": note,
             "mission_basis": mission_basis(policy, country)}
    flag_id = ("no-mission" if mission_key(policy, country) in NO_MISSION_KEYS
               and "no-mission" in policy["flags"] else "consult-mission")
    flag = make_flag(policy, flag_id, facts)
    if note and "{mission_note}" not in policy["flags"][flag_id]["why"]:
        flag.why += " Note: " + note + "."
    return flag


def country_requirements(store: Store, country: dict[str, Any],
                         policy: dict[str, Any] | None = None) -> list[Flag]:
    """IPAB to JIPH, OSJA assessment and the mission to consult, for one country
    (``policy``: the stored policy, when the caller has read it already)."""
    policy = policy if policy is not None else stored_policy(store)
    facts = {"country": country["name"], "code": country["code"],
             "kind": KIND_LABELS.get(country["kind"], country["kind"])}
    flags = [make_flag(policy, fid, facts) for fid in ("ipab-jiph", "osja-assessment")
             if fid in policy["flags"]]
    if "consult-mission" in policy["flags"]:
        flags.append(mission_flag(policy, country))
    return flags
