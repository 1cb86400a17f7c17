"""A programme seen by the rules engine: its country and content as a Scope, assessed.

Delivery mode ``blended`` counts as ``in-country`` for risk (staff travel). When the
programme is linked to a request, who delivers, the audience unit tags and any ethics
concerns recorded on the request are taken into account too.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from catalogue.core.programmes.model import Programme
from catalogue.core.store import Store

#: Delivery mode -> the engine's location.
RISK_LOCATION = {"uk": "uk", "in-country": "in-country", "remote": "remote",
                 "blended": "in-country"}


def _request_facts(store: Store, request_id: int | None) -> dict[str, list[str]]:
    """delivered_by, audience and ethics_concerns of the linked request, if it exists."""
    empty: dict[str, list[str]] = {"delivered_by": [], "audience": [], "ethics_concerns": []}
    if request_id is None or not store.scalar(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'"):
        return empty
    columns = {r["name"] for r in store.query("PRAGMA table_info(requests)")}
    wanted = [c for c in empty if c in columns]
    if not wanted:
        return empty
    row = store.one(f"SELECT {', '.join(wanted)} FROM requests WHERE id = ?", (request_id,))
    if row is None:
        return empty
    for column in wanted:
        try:
            value = json.loads(row[column] or "[]")
        except ValueError:
            value = []
        empty[column] = [str(v) for v in value] if isinstance(value, list) else []
    return empty


def programme_scope(store: Store, programme: Programme, modules: list[dict[str, Any]],
                    end: str | None) -> Any:
    """The engine's Scope for a programme (its country, content, audience and dates)."""
    from catalogue.core.rules.scope import Scope

    linked = _request_facts(store, programme.request_id)
    disciplines: list[str] = []
    for module in modules:
        if module["discipline_id"] and module["discipline_id"] not in disciplines:
            disciplines.append(module["discipline_id"])
    audience = [programme.audience_level] if programme.audience_level else []
    audience += [a for a in linked["audience"] if a not in audience]
    return Scope(
        country=programme.country,
        disciplines=disciplines,
        modules=[m["id"] for m in modules],
        location=RISK_LOCATION[programme.delivery_mode],
        audience=audience,
        cohort=programme.cohort_size,
        start=date.fromisoformat(programme.start_date) if programme.start_date else None,
        end=date.fromisoformat(end) if end else None,
        delivered_by=linked["delivered_by"],
        ethics_concerns=linked["ethics_concerns"],
    )


def assess_programme(store: Store, programme: Programme, modules: list[dict[str, Any]],
                     end: str | None) -> dict[str, Any]:
    """The rules engine's assessment of the programme, as plain data (flags, prompts, the
    suggested minimum approval level (local practice) with its reasons, sensitivity ...)."""
    from catalogue.core.rules.engine import assess

    scope = programme_scope(store, programme, modules, end)
    assessment = assess(store, scope)
    result: dict[str, Any] = assessment.to_dict()
    result["location"] = scope.location
    result["approver"] = assessment.suggested.level
    result["approver_title"] = assessment.suggested.title
    result["suggested_label"] = assessment.suggested.label
    result["suggested_reasons"] = assessment.suggested.reason_lines
    return result
