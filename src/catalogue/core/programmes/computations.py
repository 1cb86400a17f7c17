"""What a programme adds up to: hours and days, coverage, and warnings about its order.

Pure functions over plain data, so the outline is always computed from the current
programme and library; nothing derived is stored.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from catalogue.core.programmes.model import Programme, highest_sensitivity

#: Principles whose absence is always warned about.
REQUIRED_PRINCIPLES = ("human-rights", "gender-equality")


def resolve_modules(programme: Programme, library: dict[str, dict[str, Any]],
                    disciplines: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The programme's modules joined with the library, with effective hours, in order."""
    resolved = []
    for position, entry in enumerate(programme.modules, start=1):
        module = library.get(entry.module_id)
        if module is None:
            resolved.append({
                "position": position, "id": entry.module_id, "in_library": False,
                "title": f"{entry.module_id} (no longer in the library)", "summary": "",
                "discipline_id": None, "discipline_title": None, "library_hours": None,
                "hours": float(entry.hours or 0), "hours_overridden": entry.hours is not None,
                "level_from": None, "level_to": None, "level_rank": None,
                "sensitivity": "confidential", "principles": [], "prerequisites": [],
                "outcomes": [], "library_note": None, "notes": entry.notes,
            })
            continue
        discipline = disciplines.get(module["discipline_id"], {})
        resolved.append({
            "position": position, "id": module["id"], "in_library": True,
            "title": module["title"], "summary": module["summary"],
            "discipline_id": module["discipline_id"],
            "discipline_title": discipline.get("title", module["discipline_id"]),
            "library_hours": float(module["hours"]),
            "hours": float(entry.hours if entry.hours is not None else module["hours"]),
            "hours_overridden": entry.hours is not None,
            "level_from": module["level_from"], "level_to": module["level_to"],
            "level_rank": module["level_rank"], "sensitivity": module["sensitivity"],
            "principles": list(module["principles"]),
            "prerequisites": list(module["prerequisites"]),
            "outcomes": list(module["outcomes"]), "library_note": module["note"],
            "notes": entry.notes,
        })
    return resolved


def totals(modules: list[dict[str, Any]], hours_per_day: float) -> dict[str, Any]:
    hours = round(sum(m["hours"] for m in modules), 2)
    return {
        "modules": len(modules),
        "hours": hours,
        "hours_per_day": hours_per_day,
        "training_days": round(hours / hours_per_day, 2),
        "scheduled_days": math.ceil(round(hours / hours_per_day, 6)),
    }


def days_by_discipline(modules: list[dict[str, Any]], hours_per_day: float,
                       order: list[str]) -> list[dict[str, Any]]:
    """Hours and days per discipline, in the library's discipline order."""
    groups: dict[str, dict[str, Any]] = {}
    for m in modules:
        key = m["discipline_id"] or ""
        group = groups.setdefault(key, {"id": m["discipline_id"],
                                        "title": m["discipline_title"] or "(not in the library)",
                                        "modules": 0, "hours": 0.0})
        group["modules"] += 1
        group["hours"] += m["hours"]
    rank = {ident: i for i, ident in enumerate(order)}
    rows = sorted(groups.values(), key=lambda g: rank.get(g["id"], len(rank)))
    for row in rows:
        row["hours"] = round(row["hours"], 2)
        row["days"] = round(row["hours"] / hours_per_day, 2)
    return rows


def order_warnings(modules: list[dict[str, Any]], audience: dict[str, Any] | None,
                   levels: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Prerequisites out of order or missing, modules whose level range leaves out the
    audience's level (above it or below it), and modules no longer in the library."""
    position = {m["id"]: m["position"] for m in modules}
    titles = {m["id"]: m["title"] for m in modules}
    warnings: list[dict[str, Any]] = []
    for m in modules:
        if not m["in_library"]:
            warnings.append(_warning("not-in-library", m, None,
                                     f"module {m['id']} is no longer in the library; remove it "
                                     "or restore it in data/disciplines"))
            continue
        for prereq in m["prerequisites"]:
            if prereq not in position:
                warnings.append(_warning(
                    "prerequisite-missing", m, prereq,
                    f"{m['title']} ({m['id']}) builds on {prereq}, which is not in the programme"))
            elif position[prereq] > m["position"]:
                warnings.append(_warning(
                    "prerequisite-order", m, prereq,
                    f"{m['title']} (position {m['position']}) comes before its prerequisite "
                    f"{titles[prereq]} (position {position[prereq]})"))
        if audience and m["level_rank"] > audience["rank"]:
            level = levels.get(m["level_from"], {}).get("name", m["level_from"])
            warnings.append(_warning(
                "level", m, None,
                f"{m['title']} ({m['id']}) is aimed at {level} and above; the audience is "
                f"{audience['name']}"))
        elif audience and levels.get(m["level_to"], {}).get("rank", audience["rank"]) < (
                audience["rank"]):
            level = levels[m["level_to"]].get("name", m["level_to"])
            warnings.append(_warning(
                "level", m, None,
                f"{m['title']} ({m['id']}) is aimed at {level} and below; the audience is "
                f"{audience['name']}"))
    return warnings


def _warning(kind: str, module: dict[str, Any], related: str | None,
             message: str) -> dict[str, Any]:
    return {"kind": kind, "module_id": module["id"], "related_module_id": related,
            "message": message}


def principle_coverage(modules: list[dict[str, Any]], principles: list[dict[str, Any]]
                       ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Which Stabilisation Unit principles the modules serve, and warnings for the
    principles that must always be covered."""
    rows = []
    for principle in principles:
        serving = [m["id"] for m in modules if principle["id"] in m["principles"]]
        rows.append({"id": principle["id"], "name": principle["name"],
                     "covered": bool(serving), "modules": serving})
    covered = {r["id"] for r in rows if r["covered"]}
    names = {p["id"]: p["name"] for p in principles}
    warnings = [{"kind": "principle-missing", "module_id": None, "related_module_id": None,
                 "principle_id": pid,
                 "message": f"no module covers the principle '{names.get(pid, pid)}'"}
                for pid in REQUIRED_PRINCIPLES if pid not in covered]
    return rows, warnings


def content_sensitivity(modules: list[dict[str, Any]]) -> str:
    return highest_sensitivity([m["sensitivity"] for m in modules])


def end_date(start: str | None, days: int) -> str | None:
    """The indicative last training day: five training days, then two rest days, from ``start``.

    Counting from the start date rather than from Monday keeps it right for countries whose
    working week runs Sunday to Thursday.
    """
    if not start or days <= 0:
        return None
    elapsed = (days - 1) + 2 * ((days - 1) // 5)
    return (date.fromisoformat(start) + timedelta(days=elapsed)).isoformat()
