"""Labels and number formats shared by the Markdown, CSV and Word exports."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from catalogue.core.counting import days_and_hours, plural
from catalogue.core.names import printable

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

MODE_LABELS = {"uk": "in the UK", "in-country": "in the country", "remote": "remotely",
               "blended": "blended (in the country and remotely)"}
_XML_UNSAFE = re.compile("[\ufffe\uffff\ud800-\udfff]")


def clean(text: Any) -> str:
    """User or library text made safe to write: control characters shown, not obeyed."""
    if text is None:
        return ""
    return _XML_UNSAFE.sub("\ufffd", printable(str(text)))


def number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money(value: float, currency: str) -> str:
    return f"{currency} {value:,.2f}"


def dates(programme: dict[str, Any]) -> str:
    start, end = programme.get("start_date"), programme.get("end_date")
    if not start:
        return "not set"
    if end and end != start:
        return f"{start} to {end} (end date indicative)"
    return str(start)


def audience(programme: dict[str, Any]) -> str:
    level = programme.get("audience_level")
    return str(level["name"]) if level else "not set"


def totals_sentence(totals: dict[str, Any]) -> str:
    """"86 hours in 7 modules: 14 training days and 2 hours at 6 hours a day (15 scheduled
    days)"; a public version says how many of the modules are withheld."""
    modules = plural(totals["modules"], "module")
    withheld = totals.get("withheld_modules") or 0
    if withheld:
        shown = totals["modules"] - withheld
        modules += (f" ({shown} listed, {withheld} withheld)" if shown
                    else " (all withheld, none listed)")
    per_day = totals["hours_per_day"]
    return (f"{plural(float(totals['hours']), 'hour')} in {modules}: "
            f"{days_and_hours(totals['hours'], per_day)} at {plural(float(per_day), 'hour')} "
            f"a day ({plural(totals['scheduled_days'], 'scheduled day')})")


def principle_modules(row: dict[str, Any]) -> str:
    """The modules serving a principle; a principle covered only by withheld modules says so
    rather than showing "yes" beside no module."""
    if row["covered"] and not row["modules"]:
        return "withheld content"
    return ", ".join(row["modules"])


def training_time(hours: float, outline: ProgrammeOutline) -> str:
    """Hours as whole training days and hours at the programme's hours a day."""
    return days_and_hours(hours, outline["totals"]["hours_per_day"])


def no_modules_line(outline: ProgrammeOutline) -> str:
    """What the modules section says when it lists none, agreeing with the totals."""
    withheld = outline["totals"].get("withheld_modules") or 0
    if withheld:
        return (f"No modules are listed: {'the' if withheld == 1 else 'all'} "
                f"{plural(withheld, 'module')} of this programme "
                f"{'is' if withheld == 1 else 'are'} withheld (see \"Withheld\").")
    return "No modules yet."


def summary_rows(outline: ProgrammeOutline) -> list[tuple[str, str]]:
    """The facts table at the top of a document: (label, value)."""
    p = outline["programme"]
    rows = [
        ("Country", f"{p['country']['name']} ({p['country']['code']})"),
        *([("Public title", clean(p["public_title"]))]
          if p.get("public_title") and not outline["redacted"] else []),
        ("Delivery", MODE_LABELS.get(p["delivery_mode"], p["delivery_mode"])),
        ("Dates", dates(p)),
        ("Audience level", audience(p)),
        ("Cohort size", str(p["cohort_size"]) if p.get("cohort_size") else "not set"),
    ]
    if p.get("request_id"):
        rows.append(("Linked request", str(p["request_id"])))
    if p.get("language_notes"):
        rows.append(("Language", clean(p["language_notes"])))
    if outline.get("sensitivity"):
        rows.append(("Sensitivity", outline["sensitivity"]))
    rows.append(("Total", totals_sentence(outline["totals"])))
    if p.get("created_at"):
        rows.append(("Programme", f"no. {p['id']}, created {p['created_at']}, "
                                  f"updated {p['updated_at']}"))
    return rows


def module_row(module: dict[str, Any]) -> list[str]:
    """#, module, discipline, levels, hours, notes."""
    levels = f"{module['level_from']} to {module['level_to']}" if module["level_from"] else ""
    hours = number(module["hours"])
    if module["hours_overridden"] and module["library_hours"] is not None:
        hours += f" (library {number(module['library_hours'])})"
    return [str(module["position"]), f"{clean(module['title'])} ({module['id']})",
            clean(module["discipline_title"]), levels, hours, clean(module["notes"])]


MODULE_HEADINGS = ["#", "Module", "Discipline", "Levels", "Hours", "Notes"]


def grade_sentence(approval: dict[str, Any], programme: dict[str, Any]) -> str:
    """The suggested minimum approval level, labelled as local practice, and any risk grade
    recorded for pricing. The approval level itself is decided in the OSJA assessment."""
    approver = approval.get("approver_title") or approval.get("approver") or "unknown"
    label = approval.get("suggested_label") or "local practice"
    text = (f"Suggested minimum approval level ({label}): {approver}; the level is decided "
            "and recorded in the request's OSJA assessment")
    if programme.get("osja_grade"):
        text += f". Risk grade recorded for pricing (local practice): {programme['osja_grade']}"
    return text
