"""The terminal view of a programme outline (``catalogue programme show``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalogue.cli.output import render_table
from catalogue.core.abbreviations import spell_out
from catalogue.core.counting import days_and_hours, plural
from catalogue.core.exports import wording as w
from catalogue.core.names import one_line, paragraph, printable

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

MODULE_COLUMNS = [("position", "#"), ("id", "Module"), ("title", "Title"),
                  ("discipline_title", "Discipline"), ("hours_text", "Hours"),
                  ("notes", "Notes")]


def render_outline(outline: ProgrammeOutline) -> str:
    p = outline["programme"]
    lines = [f"Programme {p['id']}: {one_line(p['title'])}"]
    for label, value in w.summary_rows(outline)[:-1]:
        lines.append(f"  {label:<16}{one_line(value)}")
    if p.get("hours_per_day"):
        lines.append(f"  {'Hours per day':<16}{w.number(p['hours_per_day'])} (set for this programme)")
    for key, label in (("notes", "Notes"), ("vulnerability_notes", "Vulnerability"),
                       ("commercial_terms", "Commercial")):
        if p.get(key):
            lines.append(f"  {label:<16}{paragraph(p[key], 18)}")
    lines.append("")
    if outline["modules"]:
        rows = [{**m, "hours_text": w.module_row(m)[4]} for m in outline["modules"]]
        lines += [render_table(rows, MODULE_COLUMNS), ""]
    else:
        lines += ["  No modules yet: add some with 'catalogue programme add "
                  f"{p['id']} MODULE'.", ""]
    if outline["days_by_discipline"]:
        lines.append("Days by discipline:")
        per_day = outline["totals"]["hours_per_day"]
        lines += [f"  {printable(r['title'])}: {days_and_hours(r['hours'], per_day)} "
                  f"({plural(float(r['hours']), 'hour')}, {plural(r['modules'], 'module')})"
                  for r in outline["days_by_discipline"]]
        lines.append("")
    covered = [r["name"] for r in outline["principles"] if r["covered"]]
    missing = [r["name"] for r in outline["principles"] if not r["covered"]]
    lines.append(f"Principles covered: {', '.join(covered) or 'none'}")
    if missing:
        lines.append(f"Not covered: {', '.join(missing)}")
    lines.append("")
    if outline["warnings"]:
        lines.append("Warnings:")
        lines += [f"  ! {printable(x['message'])}" for x in outline["warnings"]]
        lines.append("")
    lines += _approval(outline)
    lines += _costing(outline["costing"])
    return spell_out("\n".join(lines).rstrip())


def _approval(outline: ProgrammeOutline) -> list[str]:
    approval = outline["approval"]
    lines = [w.grade_sentence(approval, outline["programme"]) + "."]
    lines += [f"  - {printable(r)}" for r in approval.get("suggested_reasons") or []]
    lines.append("Approvals:")
    for flag in approval.get("flags") or []:
        lines.append(f"  - {printable(flag['title'])} ({flag['severity']})")
        lines.append(f"    why: {printable(flag['why'])}")
    return [*lines, ""]


def _costing(costing: dict[str, Any] | None) -> list[str]:
    if not costing:
        return ["Costs: set the number of trainers to see an estimate "
                "('catalogue programme set ID --trainers 2')."]
    cur = costing["currency"]
    lines = [f"Cost estimate ({cur}, estimate):"]
    for line in costing["lines"]:
        lines.append(f"  {line['item']:<14}{w.number(line['amount']):>12}  {line['basis']}")
    lines.append(f"  {'Total':<14}{w.number(costing['total']):>12}  (estimate)")
    lines.append(f"  Rates: {printable(costing['rates_source'])}")
    return lines
