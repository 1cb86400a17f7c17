"""Load and validate ``data/approval-policy.toml``; seed it as the ``policy`` reference table.

Reading the stored policy back is in :mod:`catalogue.core.rules.stored` (light).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from catalogue.core.data.fields import check_unique, records
from catalogue.core.data.textfiles import TextFile, parse_toml, read_text
from catalogue.core.rules.model import Severity

POLICY_FILE = "approval-policy.toml"
MISSION_KEYS = ("high-commission", "embassy", "consulate-general", "governor", "mission-to-eu",
                "crown-dependency", "administering-state", "no-mission", "home", "disputed",
                "unknown")
COUNTRY_KINDS = ("sovereign-state", "overseas-territory", "special-administrative-region",
                 "supranational-union", "crown-dependency", "dependent-territory",
                 "disputed-territory", "uninhabited-territory")
SEVERITIES = tuple(s.value for s in Severity)


def load_policy(root: Path) -> dict[str, Any]:
    """The whole policy as plain data (JSON-ready); raises DataFileError with file:line."""
    from catalogue.core.rules import policy_check as check

    file = read_text(root / POLICY_FILE, root)
    doc = parse_toml(file)
    known = {"flag", "missions", "missions_by_kind", "missions_by_code", "osja", "suggest",
             "approver", "unit", "disclosure", "reset", "duties"}
    for key in doc:
        if key not in known:
            raise file.fail(check.section_line(file, key) or file.line_of(key, ""),
                            f"unknown section {key!r} (expected: {', '.join(sorted(known))})")
    by_code = check.text_table(file, doc, "missions_by_code", None, MISSION_KEYS)
    for code in by_code:
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise file.fail(check.section_line(file, "missions_by_code", code),
                            f"[missions_by_code] key {code!r} must be a two-letter country code")
    approvers = _approvers(file, doc)
    units = _units(file, doc, root)
    audiences = {u["id"] for u in units} | set(_level_ids(root))
    return {
        "flags": _flags(file, doc),
        "missions": check.text_table(file, doc, "missions", MISSION_KEYS),
        "missions_by_kind": check.text_table(file, doc, "missions_by_kind", COUNTRY_KINDS,
                                             MISSION_KEYS),
        "missions_by_code": by_code,
        "osja": _osja(file, doc, {a["id"] for a in approvers}),
        "suggest": _suggest(file, doc, {a["id"] for a in approvers}, _discipline_ids(root),
                            audiences),
        "approvers": approvers,
        "units": units,
        "disclosure": _disclosure(file, doc, _discipline_ids(root), audiences),
        "reset": _reset(file, doc),
        "duties": _duties(file, doc),
    }


def _flags(file: TextFile, doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    from catalogue.core.rules.policy_check import FLAG_FACTS, boolean, placeholders

    flags = {}
    for ident, record in check_unique(records(file, doc, "flag", "flag"), "id").items():
        record.known({"id", "severity", "title", "why", "source", "decline"})
        if ident not in FLAG_FACTS:
            raise record.fail(f"unknown flag id {ident!r}; the rules engine raises: "
                              f"{', '.join(FLAG_FACTS)}", "id")
        allowed = FLAG_FACTS[ident]
        flags[ident] = {
            "id": ident,
            "severity": record.text("severity", choices=SEVERITIES),
            "title": placeholders(record, "title", allowed),
            "why": placeholders(record, "why", allowed),
            "source": placeholders(record, "source", allowed),
            "decline": boolean(record, "decline", False),
        }
    missing = [f for f in FLAG_FACTS if f not in flags]
    if missing:
        raise file.fail(None, f"missing [[flag]] entries for: {', '.join(missing)}")
    return flags


def _osja(file: TextFile, doc: dict[str, Any], approver_ids: set[str]) -> dict[str, Any]:
    """The [osja] settings: the suggestion's label and default, review and advice limits."""
    from catalogue.core.data.fields import Record

    table = doc.get("osja")
    if not isinstance(table, dict):
        raise file.fail(None, "missing the [osja] table (label, default_level, default_why, "
                              "default_source, review_days, travel_advice_max_days)")
    record = Record(file, table, "[osja] table", key="label")
    record.known({"label", "default_level", "default_why", "default_source", "review_days",
                  "travel_advice_max_days", "document_level", "document_level_why"})
    return {"label": record.text("label"),
            "default_level": record.text("default_level", choices=tuple(sorted(approver_ids))),
            "default_why": record.text("default_why"),
            "default_source": record.text("default_source"),
            "review_days": record.integer("review_days", 1, 3650),
            "travel_advice_max_days": record.integer("travel_advice_max_days", 1, 3650),
            "document_level": record.text("document_level",
                                          choices=("public", "restricted", "confidential")),
            "document_level_why": record.text("document_level_why")}


def _suggest(file: TextFile, doc: dict[str, Any], approver_ids: set[str], disciplines: set[str],
             audiences: set[str]) -> list[dict[str, Any]]:
    """The [[suggest]] rules (local practice): conditions, the level they name, why, source."""
    from catalogue.core.osja.vocabulary import check_condition, why_text

    judged = ("judged:serious-risk", "judged:ihl")
    rules = []
    for ident, record in check_unique(records(file, doc, "suggest", "suggestion rule"),
                                      "id").items():
        record.known({"id", "when", "when_any", "level", "why", "source"})
        when = [check_condition(record, c, disciplines, audiences, judged)
                for c in record.text_list("when", required=False)]
        when_any = [check_condition(record, c, disciplines, audiences, judged, "when_any")
                    for c in record.text_list("when_any", required=False)]
        if not when and not when_any:
            raise record.fail("give 'when' or 'when_any' (a rule that always fires is the "
                              "[osja] default_level)")
        rules.append({"id": ident, "when": when, "when_any": when_any,
                      "level": record.text("level", choices=tuple(sorted(approver_ids))),
                      "why": why_text(record, "why"), "source": record.text("source")})
    return rules


def _approvers(file: TextFile, doc: dict[str, Any]) -> list[dict[str, Any]]:
    approvers = []
    ranks: set[int] = set()
    for ident, record in check_unique(records(file, doc, "approver", "approver"), "id").items():
        record.known({"id", "title", "rank"})
        rank = record.integer("rank", 1, 99)
        if rank in ranks:
            raise record.fail(f"rank {rank} is used by another approver", "rank")
        ranks.add(rank or 0)
        approvers.append({"id": ident, "title": record.text("title"), "rank": rank})
    return sorted(approvers, key=lambda a: a["rank"])


def _units(file: TextFile, doc: dict[str, Any], root: Path) -> list[dict[str, Any]]:
    from catalogue.core.rules.policy_check import boolean

    levels = set(_level_ids(root))
    units = []
    for ident, record in check_unique(records(file, doc, "unit", "audience unit"), "id").items():
        record.known({"id", "label", "coercive"})
        if ident in levels:
            raise record.fail(f"unit id {ident!r} is already a rank in levels.toml", "id")
        units.append({"id": ident, "label": record.text("label"),
                      "coercive": boolean(record, "coercive", False)})
    return units


def _disclosure(file: TextFile, doc: dict[str, Any], disciplines: set[str],
                audiences: set[str]) -> list[dict[str, Any]]:
    from catalogue.core.rules.policy_check import DISCLOSURE_FACTS, condition, placeholders

    result = []
    items = records(file, doc, "disclosure", "disclosure category")
    for ident, record in check_unique(items, "id").items():
        record.known({"id", "severity", "title", "why", "source", "when"})
        when = record.text_list("when", min_items=1)
        result.append({
            "id": ident,
            "severity": record.text("severity", choices=SEVERITIES),
            "title": placeholders(record, "title", DISCLOSURE_FACTS),
            "why": placeholders(record, "why", DISCLOSURE_FACTS),
            "source": placeholders(record, "source", DISCLOSURE_FACTS),
            "when": [condition(record, c, disciplines, audiences) for c in when],
        })
    return result


def _reset(file: TextFile, doc: dict[str, Any]) -> dict[str, str]:
    from catalogue.core.requests.states import FORWARD
    from catalogue.core.rules.policy_check import RESET_FIELDS, text_table

    table = doc.get("reset", {})
    if not table:
        return {}
    targets = FORWARD[:FORWARD.index("authorised") + 1]
    found = text_table(file, doc, "reset", None, targets)
    for key in found:
        if key not in RESET_FIELDS:
            from catalogue.core.rules.policy_check import section_line

            raise file.fail(section_line(file, "reset", key),
                            f"[reset] has unknown field {key!r}; fields: {', '.join(RESET_FIELDS)}")
    return found


#: Separation-of-duties rules and when each applies: on every register, only on a register
#: shared by a team (``catalogue db init --shared``), or never.
DUTY_RULES = ("authorise", "osja")
DUTY_WHEN = ("always", "shared", "never")


def _duties(file: TextFile, doc: dict[str, Any]) -> dict[str, str]:
    from catalogue.core.rules.policy_check import section_line, text_table

    if not doc.get("duties"):
        return {}
    found = text_table(file, doc, "duties", None, DUTY_WHEN)
    for key in found:
        if key not in DUTY_RULES:
            raise file.fail(section_line(file, "duties", key),
                            f"[duties] has unknown rule {key!r}; rules: {', '.join(DUTY_RULES)}")
    return found


def _level_ids(root: Path) -> list[str]:
    file = read_text(root / "levels.toml", root)
    levels = parse_toml(file).get("level", [])
    return [lv["id"] for lv in levels if isinstance(lv, dict) and isinstance(lv.get("id"), str)]


def _discipline_ids(root: Path) -> set[str]:
    ids = set()
    for path in sorted((root / "disciplines").glob("*.toml")):
        head = parse_toml(read_text(path, root)).get("discipline")
        if isinstance(head, dict) and isinstance(head.get("id"), str):
            ids.add(head["id"])
    return ids


def policy_tables(root: Path) -> list[Any]:
    from catalogue.core.ref_table import RefTable
    from catalogue.core.rules.advice import advice_tables

    policy = load_policy(root)
    return [RefTable("policy", [{"key": "approval", "value": json.dumps(policy)}], pk="key"),
            *advice_tables(root)]
