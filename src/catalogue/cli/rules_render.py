"""Text rendering of flags and gradings (shared by ``check`` and ``request show``)."""

from __future__ import annotations

from typing import Any

from catalogue.core.names import printable

SEVERITY_LABELS = {"blocker": "BLOCKER", "needs-action": "ACTION", "info": "info"}


def render_grading(assessment: dict[str, Any], indent: str = "  ") -> list[str]:
    lines = [f"{indent}Computed OSJA grade: {assessment['grade']} ({assessment['points']} "
             f"point(s)), authorisation by {assessment['approver_title']}"]
    for reason in assessment["grade_reasons"] or ["no grading factor applies"]:
        lines.append(f"{indent}  + {printable(reason)}")
    lines.append(f"{indent}Sensitivity: {assessment['sensitivity']}")
    advice = assessment.get("travel_advice")
    if advice:
        part = f" ({printable(advice['part'])})" if advice.get("part") else ""
        lines.append(f"{indent}Travel advice: {advice['label']}{part}, as of {advice['as_of']} "
                     f"({advice['origin']})")
    else:
        lines.append(f"{indent}Travel advice: none recorded (catalogue advice set ...)")
    hr = assessment.get("hr_priority_list")
    if hr:
        mark = "yes" if assessment["country"]["hr_priority"] else "no"
        lines.append(f"{indent}Human-rights priority country: {mark} (FCDO {hr['year']} list)")
    return lines


def render_flags(flags: list[dict[str, Any]], indent: str = "  ") -> list[str]:
    lines: list[str] = []
    width = max((len(v) for v in SEVERITY_LABELS.values()), default=7)
    pad = indent + " " * (width + 2)
    for flag in flags:
        label = ("done" if flag.get("satisfied")
                 else SEVERITY_LABELS.get(flag["severity"], flag["severity"]))
        decline = " [decline signal]" if flag.get("decline") else ""
        lines.append(f"{indent}{label:<{width}}  {printable(flag['title'])}{decline}")
        lines.append(f"{pad}why: {printable(flag['why'])}")
        lines.append(f"{pad}source: {printable(flag['source'])}")
    return lines
