"""A request as the board's detail pane shows it: next step, approvals, flags, programme, history.

Built from :func:`catalogue.core.requests.pages.request_detail`; stored text is appended plainly.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from catalogue.core.counting import plural
from catalogue.core.names import one_line, paragraph
from catalogue.core.requests.pages import RequestDetail
from catalogue.core.requests.states import TERMINAL
from catalogue.core.requests.workflow import need_text
from catalogue.tui.field_words import app_message
from catalogue.tui.spelling import spell_out_text
from catalogue.tui.widgets.osja_text import osja_sections
from catalogue.tui.widgets.outline_panel import SEVERITY_MARK, SEVERITY_STYLE

LABEL_WIDTH = 13


def _heading(text: Text, title: str, extra: str = "") -> None:
    text.append("\n")
    text.append(title, style="bold underline")
    if extra:
        text.append(f"  {extra}", style="dim")
    text.append("\n")


def _row(text: Text, label: str, value: Any, style: str = "", *, lines: bool = False) -> None:
    """A labelled row. Stored text is shown safely: on one line (a line break shown as "↵"),
    or, with ``lines`` (notes), with its line breaks kept and indented under the value."""
    if value in (None, "", []):
        return
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text.append(f"{label:<{LABEL_WIDTH}}", style="dim")
    text.append(paragraph(value, LABEL_WIDTH) if lines else one_line(str(value)), style=style)
    text.append("\n")


def request_text(detail: RequestDetail) -> Text:
    r = detail["request"]
    text = Text()
    text.append(f"Request {r['id']}  ", style="bold cyan")
    text.append(one_line(r["requesting_body"]), style="bold")
    text.append("\n")
    clock = detail.get("clock")
    since = (clock["entered_at"] if clock else r["state_changed_at"])[:10]
    _row(text, "State", f"{r['state_label']} (since {since})", "bold")
    if clock and clock["target_days"] is not None:
        _row(text, "Clock", ("! " if clock["overdue"] else "") + clock["summary"],
             "bold red" if clock["overdue"] else "")
        _row(text, "", clock["source"], "dim")
    _row(text, "Country", f"{r.get('country_name') or r['country']} ({r['country']})")
    _row(text, "Received", f"{r['created_at'][:10]} by {r['received_by']}")
    _row(text, "Disciplines", r["disciplines"])
    _row(text, "Modules", r["modules"])
    _row(text, "Where", r["location"])
    _row(text, "Audience", r["audience"])
    _row(text, "Cohort", r["cohort"])
    if r["start"] or r["end"]:
        _row(text, "Dates", f"{r['start'] or '?'} to {r['end'] or '?'}")
    _row(text, "Delivered by", r["delivered_by"])
    _row(text, "Ethics", r["ethics_concerns"], "yellow")
    _row(text, "Funder", r.get("funder"))
    _row(text, "Partners", r.get("partners"))
    _row(text, "Notes", r["notes"], "italic", lines=True)
    next_step_text(text, detail)
    programme = detail.get("programme")
    _heading(text, "Linked programme")
    if programme:
        text.append(f"#{programme['id']} ", style="cyan")
        text.append(one_line(str(programme.get("title") or "(deleted)")))
        text.append("  (g opens it)\n", style="dim")
    else:
        text.append("none\n", style="dim italic")
    checklist_text(text, detail)
    osja_text(text, detail)
    flags_text(text, detail["assessment"])
    history_text(text, detail.get("history") or [])
    return spell_out_text(text)


def next_step_text(text: Text, detail: RequestDetail) -> None:
    step = detail["next_step"]
    if not step.get("next"):
        _heading(text, "Next step", "none: this request is finished")
        return
    _heading(text, "Next step", step["next_label"])
    for need in step.get("needs") or []:
        text.append("  needs ", style="dim")
        text.append(f"{need_text(need)}\n")
    problems = step.get("problems") or []
    if not problems:
        text.append("  ✓ nothing stands in its way\n", style="green")
    for problem in problems:
        text.append("  ✗ ", style="red")
        text.append(f"{app_message(problem)}\n")
    approver = detail.get("required_approver")
    if approver:
        text.append(f"  authorisation: {approver['title']} (from the {approver['from']})\n",
                    style="dim")


def checklist_text(text: Text, detail: RequestDetail) -> None:
    items = detail.get("checklist") or []
    done = sum(1 for i in items if i["done"])
    _heading(text, "Approvals", f"{done} of {len(items)}")
    for item in items:
        text.append("  ✓ " if item["done"] else "  · ", style="green" if item["done"] else "dim")
        text.append(item["label"], style="" if item["done"] else "dim")
        if item.get("detail"):
            text.append(f"  {one_line(str(item['detail']))}", style="dim")
        text.append("\n")


def flags_text(text: Text, assessment: dict[str, Any]) -> None:
    flags = assessment.get("flags") or []
    _heading(text, "Flags", f"{len(flags)}")
    for flag in flags:
        severity = flag["severity"]
        style = SEVERITY_STYLE.get(severity, "")
        text.append(f"  {SEVERITY_MARK.get(severity, '•')} ", style=style)
        text.append(flag["title"], style="bold")
        text.append(f"  {severity}\n", style=style)
        text.append(f"    {flag['why']}\n", style="dim")


def osja_text(text: Text, detail: RequestDetail) -> None:
    """The OSJA record's state, the suggested minimum (local practice), facts and prompts."""
    osja_sections(text, detail.get("osja") or {}, detail["assessment"], _heading,
                  finished=detail["request"]["state"] in TERMINAL)


def history_text(text: Text, events: list[dict[str, Any]]) -> None:
    _heading(text, "History", plural(len(events), "event"))
    for event in events:
        text.append(f"  {event['at'][:16].replace('T', ' ')} ", style="dim")
        text.append(f"{one_line(event.get('who') or event['by'])} ", style="cyan")
        text.append(event["action"], style="bold")
        if event.get("from_state") and event.get("to_state") and \
                event["from_state"] != event["to_state"]:
            text.append(f" {event['from_state']} → {event['to_state']}")
        elif event.get("to_state") and event["action"] == "created":
            text.append(f" as {event['to_state']}")
        text.append("\n")
        if event.get("note"):
            text.append(f"      {paragraph(event['note'], 6)}\n", style="italic")
