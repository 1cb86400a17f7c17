"""The whole outline of one programme as plain, JSON-ready data.

This is what ``catalogue programme show`` prints, what the TUI displays and what every
export renders; it is computed from the stored programme and the current library each time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TypedDict

from catalogue.core.programmes import computations as calc
from catalogue.core.programmes.costing import estimate, stored_rates
from catalogue.core.programmes.model import Programme
from catalogue.core.programmes.queries import get_programme
from catalogue.core.store import Store

FORMAT = "catalogue-programme"
FORMAT_VERSION = 1


def _library(store: Store, programme: Programme) -> dict[str, dict[str, Any]]:
    ids = sorted({e.module_id for e in programme.modules})
    if not ids:
        return {}
    rows = store.query(f"SELECT * FROM modules WHERE id IN ({','.join('?' * len(ids))})", ids)
    library = {}
    for row in rows:
        module = dict(row)
        for key in ("outcomes", "principles", "prerequisites"):
            module[key] = json.loads(module[key])
        library[module["id"]] = module
    return library


class ProgrammeOutline(TypedDict):
    """Everything about one programme (``programme show --json``, the builder's outline, the
    exports): its fields, modules, totals, coverage, warnings, approval and costing."""

    format: str
    format_version: int
    generated_at: str
    redacted: bool
    programme: dict[str, Any]
    modules: list[dict[str, Any]]
    totals: dict[str, Any]
    days_by_discipline: Any
    principles: Any
    warnings: list[dict[str, Any]]
    sensitivity: Any
    approval: dict[str, Any]
    costing: dict[str, Any] | None
    withheld: list[Any]


def build_outline(store: Store, programme: Programme | int) -> ProgrammeOutline:
    """Everything about a programme: fields, modules, totals, coverage, warnings, approval
    flags, sensitivity and (when trainers are set) a cost estimate."""
    from catalogue.core.catalog import list_disciplines, principles
    from catalogue.core.programmes.approval import assess_programme

    if isinstance(programme, int):
        programme = get_programme(store, programme)
    rates = stored_rates(store)
    hours_per_day = float(programme.hours_per_day or rates["hours_per_day"])
    disciplines = list_disciplines(store)
    levels = {r["id"]: dict(r) for r in store.query("SELECT id, name, rank FROM levels")}
    modules = calc.resolve_modules(programme, _library(store, programme),
                                   {d["id"]: d for d in disciplines})
    totals = {**calc.totals(modules, hours_per_day), "withheld_modules": 0}
    audience = levels.get(programme.audience_level or "")
    coverage, principle_warnings = calc.principle_coverage(modules, principles(store))
    country = store.one("SELECT code, name FROM countries WHERE code = ?", (programme.country,))
    fields = {
        "id": programme.id,
        **programme.fields(),
        "country": {"code": programme.country,
                    "name": country["name"] if country else programme.country},
        "audience_level": audience,
        "end_date": calc.end_date(programme.start_date, totals["scheduled_days"]),
        "created_at": programme.created_at,
        "updated_at": programme.updated_at,
    }
    approval = assess_programme(store, programme, modules, fields["end_date"])
    outline: ProgrammeOutline = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "redacted": False,
        "programme": fields,
        "modules": modules,
        "totals": totals,
        "days_by_discipline": calc.days_by_discipline(modules, hours_per_day,
                                                      [d["id"] for d in disciplines]),
        "principles": coverage,
        "warnings": [*calc.order_warnings(modules, audience, levels), *principle_warnings],
        "sensitivity": calc.content_sensitivity(modules),
        "approval": approval,
        "costing": None,
        "withheld": [],
    }
    if programme.trainers:
        grade, source = ((programme.osja_grade, "risk grade recorded for pricing")
                         if programme.osja_grade else (None, None))
        outline["costing"] = estimate(rates, trainers=programme.trainers,
                                      scheduled_days=totals["scheduled_days"],
                                      delivery_mode=programme.delivery_mode,
                                      grade=grade, grade_source=source)
    return outline
