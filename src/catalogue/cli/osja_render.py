"""Text rendering for ``catalogue osja``; user text always through ``printable``."""

from __future__ import annotations

from typing import Any

from catalogue.cli.rules_render import render_facts, render_prompts, render_suggestion
from catalogue.core.names import printable


def render_osja(data: dict[str, Any]) -> str:
    r, status = data["request"], data["status"]
    country = printable(r["country_name"] or r["country"])
    lines = [f"Request {r['id']}: {printable(r['requesting_body'])} ({country}), {r['state']}",
             f"  OSJA assessment: {status['label']}"]
    for change in status.get("changes", []):
        lines.append(f"    changed: {change['label']}: {printable(change['old'])} -> "
                     f"{printable(change['new'])}")
    if status.get("legacy_grade"):
        lines.append(f"    legacy local-practice grade in the history: {status['legacy_grade']}")
    if data["latest"]:
        lines.append("  Latest version:")
        lines += ["    " + line for line in version_lines(data["latest"])]
    lines.append("")
    lines += render_facts(data)
    lines.append("")
    lines += render_suggestion(data)
    lines.append("")
    lines += render_prompts(data)
    if status["state"] != "current" and not r["terminal"]:
        ids = " ".join(f"--answer {p['id']}=..." for p in data["prompts"])
        lines += ["", f"  Record a version: catalogue osja record {r['id']} --author NAME "
                      "--stage1-ref REF --stage1-date DATE --serious-risk yes|no "
                      f"--ihl applies|assumed|does-not-apply --consulted 'NAME, DATE' "
                      f"--level LEVEL --level-reason TEXT {ids}"]
    return "\n".join(lines)


def version_lines(v: dict[str, Any]) -> list[str]:
    consulted = "; ".join(f"{printable(c['who'])} ({c['on']})" for c in v["consulted"] or [])
    lines = [
        f"Version {v['version']}: by {printable(v['author'])}, assessed {v['assessed_on']}, "
        f"recorded {v['recorded_at']}",
        f"Guidance edition: {printable(v['edition_title'])}",
        f"Stage 1 (in-country) assessment: {printable(v['stage1_reference'])} of "
        f"{v['stage1_date']}",
        f"Serious risk: {v['serious_risk']}; IHL: {v['ihl']}",
        f"Mitigations: {printable(v['mitigations'] or '-')}",
        f"Consulted: {consulted or '-'}",
        f"Level decided: {v['decided_level']} ({printable(v['decided_reason'])}); suggested "
        f"minimum (local practice) then: {v['suggested_level']}",
    ]
    if v.get("below_reason"):
        lines.append(f"Below the suggested minimum because: {printable(v['below_reason'])}")
    lines.append(f"Review by: {v['review_on']}")
    lines.append("Answers:")
    for a in v["answers"]:
        note = f" ({printable(a['note'])})" if a.get("note") else ""
        lines.append(f"  [{a['question_id']}] {a['answer']}{note}")
    lines.append("Facts relied on:")
    for key, fact in (v["facts"] or {}).items():
        lines.append(f"  {key}: {printable(str(fact.get('shown')))}")
    return lines


def render_versions(found: list[dict[str, Any]]) -> str:
    blocks = ["\n".join(version_lines(v)) for v in found]
    return "\n\n".join(blocks)
