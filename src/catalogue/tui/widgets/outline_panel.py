"""The builder's live side panel: totals, principle coverage, warnings, costing, approval.

Laid out from :func:`catalogue.core.programmes.outline.build_outline`'s plain data; every
value is appended as plain text (a title with ``[bold]`` in it is shown as typed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from catalogue.core.counting import days_and_hours, plural, short_days
from catalogue.tui.spelling import spell_out_text

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

SEVERITY_STYLE = {"blocker": "bold red", "needs-action": "yellow", "info": "cyan"}
SEVERITY_MARK = {"blocker": "■", "needs-action": "▲", "info": "●"}


def _heading(text: Text, title: str, extra: str = "") -> None:
    if text:
        text.append("\n")
    text.append(title, style="bold underline")
    if extra:
        text.append(f"  {extra}", style="dim")
    text.append("\n")


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def outline_text(outline: ProgrammeOutline, fixes: list[str | None] | None = None) -> Text:
    """The panel; ``fixes`` (one per warning, or None) says what each warning's fix does."""
    text = Text()
    totals_text(text, outline)
    principles_text(text, outline)
    warnings_text(text, outline, fixes or [])
    costing_text(text, outline.get("costing"))
    approval_text(text, outline["approval"])
    return spell_out_text(text)


def totals_text(text: Text, outline: ProgrammeOutline) -> None:
    t = outline["totals"]
    _heading(text, "Totals")
    text.append(f"{_number(t['hours'])} h", style="bold")
    text.append(f" in {plural(t['modules'], 'module')}\n")
    text.append(days_and_hours(t["hours"], t["hours_per_day"]), style="bold")
    text.append(f" at {_number(t['hours_per_day'])} h/day · "
                f"{plural(t['scheduled_days'], 'day')} scheduled\n")
    programme = outline["programme"]
    if programme.get("start_date"):
        text.append(f"{programme['start_date']} → {programme.get('end_date') or '?'}\n",
                    style="dim")
    for row in outline["days_by_discipline"]:
        text.append(f"  {row['title']:<24.24}")
        text.append(f"{_number(row['hours']):>6} h  {short_days(row['hours'], t['hours_per_day'])}"
                    "\n", style="dim")


def principles_text(text: Text, outline: ProgrammeOutline) -> None:
    rows = outline["principles"]
    covered = sum(1 for r in rows if r["covered"])
    _heading(text, "Principles", f"{covered} of {len(rows)} covered")
    for row in rows:
        if row["covered"]:
            text.append("  ✓ ", style="green")
            text.append(f"{row['name']}\n")
        else:
            text.append("  ✗ ", style="red")
            text.append(f"{row['name']}\n", style="dim")


def warnings_text(text: Text, outline: ProgrammeOutline, fixes: list[str | None]) -> None:
    warnings = outline["warnings"]
    extra = str(len(warnings)) if warnings else "none"
    if any(fixes):
        extra += " · f fixes the highlighted module's, else the first"
    _heading(text, "Warnings", extra)
    for index, warning in enumerate(warnings):
        text.append("  ! ", style="yellow")
        text.append(f"{warning['message']}\n")
        fix = fixes[index] if index < len(fixes) else None
        if fix:
            text.append(f"    → fix: {fix}\n", style="cyan")


def costing_text(text: Text, costing: dict[str, Any] | None) -> None:
    if not costing:
        _heading(text, "Costing")
        text.append("  set the number of trainers for an estimate\n", style="dim italic")
        return
    cur = costing["currency"]
    _heading(text, "Costing", f"{costing['label']}, {cur}")
    for line in costing["lines"]:
        text.append(f"  {line['item']:<14}")
        text.append(f"{line['amount']:>12,.2f}\n", style="bold")
        text.append(f"    {line['basis']}\n", style="dim")
    text.append(f"  {'Total':<14}")
    text.append(f"{costing['total']:>12,.2f}\n", style="bold reverse")
    text.append(f"  Rates: {costing['rates_source']}\n", style="dim italic")


def approval_text(text: Text, approval: dict[str, Any]) -> None:
    _heading(text, "Approval", "suggested minimum "
                               f"({approval.get('suggested_label') or 'local practice'}): "
                               f"{approval.get('approver_title') or approval['approver']}")
    for reason in approval.get("suggested_reasons") or []:
        text.append(f"  {reason}\n", style="dim")
    for flag in approval.get("flags") or []:
        severity = flag["severity"]
        style = SEVERITY_STYLE.get(severity, "")
        text.append(f"  {SEVERITY_MARK.get(severity, '•')} ", style=style)
        text.append(flag["title"], style="bold")
        text.append(f"  {severity}\n", style=style)
        text.append(f"    {flag['why']}\n", style="dim")
