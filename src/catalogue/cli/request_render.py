"""Text rendering for the request commands; user text always through ``printable``."""

from __future__ import annotations

from typing import Any

from catalogue.cli.field_words import cli_message, cli_need
from catalogue.cli.rules_render import render_flags, render_grading, render_prompts
from catalogue.core.abbreviations import spell_out
from catalogue.core.names import one_line, paragraph, printable
from catalogue.core.requests.model import Request
from catalogue.core.requests.overview import RequestOverview
from catalogue.core.requests.register import EditResult

HISTORY_COLUMNS = [("id", "#"), ("at", "When (UTC)"), ("who", "By"), ("action", "Action"),
                   ("move", "From -> to"), ("note", "Note")]
ROW_LABEL = 15
LOCATIONS = {"uk": "in the UK", "in-country": "in the country", "remote": "remotely"}


def _list(values: list[str]) -> str:
    return ", ".join(one_line(v) for v in values) if values else "-"


def render_saved(request: Request, verb: str) -> str:
    country = one_line(request.country_name or request.country)
    return (f"{verb} request {request.id} ({one_line(request.requesting_body)}, {country}): "
            f"now {request.state}. Next: catalogue request show {request.id}")


def render_edit(result: EditResult) -> str:
    request = result.request
    if not result.changed:
        return f"Request {request.id}: nothing changed."
    lines = [f"Edited request {request.id}: {', '.join(result.changed)}."]
    if result.reset_to:
        lines.append(f"Scope changed after approvals: back to {result.reset_to}; reset "
                     f"{', '.join(result.reset_steps)} (recorded in the history).")
    lines.append(f"Now {request.state}. Next: catalogue request show {request.id}")
    return "\n".join(lines)


def render_overview(overview: RequestOverview) -> str:
    """``request show``: the request's card (IPAB, JIPH, OSJA and s.26 spelled out once)."""
    return spell_out(_overview_text(overview))


def _overview_text(overview: RequestOverview) -> str:
    r, a = overview["request"], overview["assessment"]
    country = one_line(r["country_name"] or r["country"])
    lines = [f"Request {r['id']}: {one_line(r['requesting_body'])} ({country}, {r['country']})"]

    def row(label: str, value: Any) -> None:
        """A labelled one-line row: user text goes in through ``one_line`` (or, for a
        paragraph, ``paragraph``), so a line break it holds never breaks the card."""
        lines.append(f"  {label:<{ROW_LABEL}}{value}")

    clock = overview.get("clock")
    row("State", f"{r['state_label']} (since {clock['entered_at'] if clock else r['state_changed_at']})")
    if clock and clock["target_days"] is not None:
        row("Clock", clock["summary"])
        row("", clock["source"])
    row("Disciplines", _list(r["disciplines"]))
    row("Modules", _list(r["modules"]))
    row("Location", LOCATIONS.get(r["location"], r["location"]))
    row("Audience", _list(r["audience"]))
    if r.get("host_country"):
        row("Host country", one_line(r["host_country"]))
    row("Delivered by", _list(r["delivered_by"]))
    row("Cohort", r["cohort"] or "-")
    row("Dates", f"{r['start'] or '?'} to {r['end'] or '?'}" if r["start"] or r["end"] else "-")
    row("Ethics", _list(r["ethics_concerns"]))
    for key, label in (("funder", "Funder"), ("partners", "Partners")):
        if r.get(key):
            row(label, one_line(r[key]))
    if r["notes"]:
        row("Notes", paragraph(r["notes"], 2 + ROW_LABEL))
    if r["decline_signal"]:
        row("Decline reason", r["decline_signal"])
    row("Programme", r["programme_id"] if r["programme_id"] is not None else "-")
    row("Received", f"{r['created_at']} by {one_line(r['received_by'])}")
    lines.append("")
    lines += render_osja_status(overview["osja"], r["id"])
    lines.append("")
    lines += render_grading(a)
    needed = overview["required_approver"]
    lines.append(f"  Authorisation needed: {needed['title']} (from the {needed['from']})")
    lines.append("")
    lines += render_prompts(a)
    lines.append("")
    lines.append("  Approvals:")
    for item in overview["checklist"]:
        mark = "x" if item["done"] else " "
        detail = f"  ({one_line(str(item['detail']))})" if item["detail"] else ""
        lines.append(f"    [{mark}] {item['label']}{detail}")
    step = overview["next_step"]
    lines.append("")
    if step["next"] is None:
        lines.append(f"  Finished: {r['state_label'].lower()}.")
    else:
        needs = (f" with {' '.join(cli_need(n) for n in step['needs'])}" if step["needs"]
                 else "")
        lines.append(f"  Next step: {step['next']} (catalogue request advance {r['id']}{needs})")
        for problem in step["problems"]:
            lines.append(f"    blocked: {printable(cli_message(problem))}")
    lines.append("")
    lines.append("  Flags:")
    lines += render_flags(a["flags"], indent="    ")
    return "\n".join(lines)


def render_osja_status(osja: dict[str, Any], request_id: int) -> list[str]:
    """The OSJA record's state: current, re-assessment needed (and why), none or legacy."""
    lines = [f"  OSJA assessment: {osja['label'].upper() if osja['state'] != 'current' else 'current'}"]
    latest = osja.get("latest")
    if latest:
        lines.append(f"    version {latest['version']} by {printable(latest['author'])} on "
                     f"{latest['assessed_on']} ({latest['edition']}); Stage 1: "
                     f"{printable(latest['stage1_reference'])} of {latest['stage1_date']}")
        lines.append(f"    serious risk: {latest['serious_risk']}; IHL: {latest['ihl']}; level "
                     f"decided: {latest['decided_level']} (suggested minimum "
                     f"{latest['suggested_level']}); review by {latest['review_on']}")
    for change in osja.get("changes", []):
        lines.append(f"    changed: {change['label']}: {printable(change['old'])} -> "
                     f"{printable(change['new'])}")
    if osja.get("legacy_grade"):
        lines.append(f"    legacy local-practice grade in the history: {osja['legacy_grade']}")
    if osja["state"] != "current":
        lines.append(f"    record a version: catalogue osja record {request_id} ... "
                     f"(see catalogue osja show {request_id})")
    return lines


LEGACY_KEYS = {"osja_grade": "legacy local-practice grade",
               "osja_computed_grade": "legacy points-score grade"}


def history_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for event in events:
        move = event["to_state"] or ""
        if event["from_state"] and event["from_state"] != event["to_state"]:
            move = f"{event['from_state']} -> {event['to_state']}"
        note = event["note"] or ""
        details = event["details"]
        if event["action"] == "edited":
            changed = details.get("changed", {})
            extra = "; ".join(f"{k}: {v[0]} -> {v[1]}" for k, v in changed.items())
        elif event["action"] in {"advanced", "declined", "linked"}:
            extra = "; ".join(f"{LEGACY_KEYS.get(k, k.replace('_', ' '))}: {v}"
                              for k, v in details.items())
        elif event["action"] == "osja-recorded":
            extra = (f"OSJA assessment version {details.get('version')} by "
                     f"{details.get('author')} ({details.get('edition')}): serious risk "
                     f"{details.get('serious_risk')}, IHL {details.get('ihl')}, level decided "
                     f"{details.get('decided_level')}, suggested minimum "
                     f"{details.get('suggested_level')} ({details.get('suggested_label')}), "
                     f"review by {details.get('review_on')}")
        else:
            extra = ""
        note = "; ".join(filter(None, [printable(note), printable(extra)]))
        rows.append({**event, "move": move, "note": note})
    return rows
