"""A request's summary as plain text, to paste into an email or a note (the board's copy key).

Built from :func:`catalogue.core.requests.overview.request_overview` (the board's detail
adds ``programme``): who asks, for what, where the request stands, its clock against the
local-practice target, the next step, the approvals so far and the flags. No markup, no
styling; stored text is passed through :func:`catalogue.core.names.one_line` (notes through
``paragraph``, keeping their lines), so a control character, bidirectional override or stray
line break in it is shown, never obeyed, wherever the text is pasted. IPAB, JIPH, OSJA and
s.26 are spelled out on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue.core.abbreviations import spell_out
from catalogue.core.names import one_line, paragraph, printable
from catalogue.core.requests.workflow import need_text

LABEL = 14


def request_plain_text(detail: Mapping[str, Any]) -> str:
    r = detail["request"]
    lines = [f"Request {r['id']}: {one_line(r['requesting_body'])}"]

    def row(label: str, value: Any, *, paragraphs: bool = False) -> None:
        """A labelled row: on one line (a line break shown as "↵"), or, for notes, with
        its line breaks kept and indented under the value."""
        if value in (None, "", []):
            return
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        shown = paragraph(str(value), LABEL) if paragraphs else one_line(str(value))
        lines.append(f"{label + ':' if label else '':<{LABEL}}{shown}")

    clock = detail.get("clock")
    row("Country", f"{r.get('country_name') or r['country']} ({r['country']})")
    row("State", f"{r['state_label']} since "
                 f"{(clock['entered_at'] if clock else r['state_changed_at'])[:10]}")
    if clock and clock["target_days"] is not None:
        row("Clock", clock["summary"])
        row("", clock["source"])
    row("Received", f"{r['created_at'][:10]} by {r['created_by']}")
    row("Disciplines", r["disciplines"])
    row("Modules", r["modules"])
    row("Where", r["location"])
    row("Audience", r["audience"])
    row("Cohort", r["cohort"])
    if r["start"] or r["end"]:
        row("Dates", f"{r['start'] or '?'} to {r['end'] or '?'}")
    row("Delivered by", r["delivered_by"])
    row("Ethics", r["ethics_concerns"])
    row("Notes", r["notes"], paragraphs=True)
    programme = detail.get("programme")
    if programme:
        row("Programme", f"{programme['id']} {programme.get('title') or '(deleted)'}")
    lines += ["", *_next_step(detail), "", *_approvals(detail), "", *_flags(detail)]
    return spell_out("\n".join(lines).rstrip()) + "\n"


def _next_step(detail: Mapping[str, Any]) -> list[str]:
    step = detail["next_step"]
    if not step.get("next"):
        return ["Next step: none, this request is finished."]
    out = [f"Next step: {step['next_label']}"]
    out += [f"  needs {need_text(need)}" for need in step.get("needs") or []]
    problems = step.get("problems") or []
    out += [f"  in its way: {printable(str(p))}" for p in problems] or \
        ["  nothing stands in its way"]
    approver = detail.get("required_approver")
    if approver:
        out.append(f"  authorisation: {approver['title']} (from the {approver['from']})")
    return out


def _approvals(detail: Mapping[str, Any]) -> list[str]:
    items = detail.get("checklist") or []
    done = sum(1 for i in items if i["done"])
    out = [f"Approvals: {done} of {len(items)}"]
    for item in items:
        extra = f" ({printable(str(item['detail']))})" if item.get("detail") else ""
        out.append(f"  [{'x' if item['done'] else ' '}] {item['label']}{extra}")
    return out


def _flags(detail: Mapping[str, Any]) -> list[str]:
    flags = detail["assessment"].get("flags") or []
    out = [f"Flags: {len(flags)}" if flags else "Flags: none"]
    for flag in flags:
        out.append(f"  - {flag['title']} ({flag['severity']}): {flag['why']}")
        if flag.get("source"):
            out.append(f"    Source: {flag['source']}")
    return out
