"""Text rendering of flags and gradings (shared by ``check`` and ``request show``)."""

from __future__ import annotations

from typing import Any

from catalogue.core.names import printable

SEVERITY_LABELS = {"blocker": "BLOCKER", "needs-action": "ACTION", "info": "info"}


def render_facts(assessment: dict[str, Any], indent: str = "  ") -> list[str]:
    risk = assessment["risk_facts"]
    host = f" (host country for {printable(risk['host_of'])})" if risk.get("host_of") else ""
    lines = [f"{indent}Risk facts for {printable(risk['name'])}{host}, each with its source "
             "and date:"]
    for fact in risk["lines"]:
        lines.append(f"{indent}  {fact['label']}: {printable(fact['text'])}")
    return lines


def render_prompts(assessment: dict[str, Any], indent: str = "  ") -> list[str]:
    edition = assessment.get("guidance_edition") or {}
    lines = [f"{indent}OSJA prompts ({len(assessment['prompts'])}; questions from "
             f"{edition.get('title', 'the OSJA guidance')}, published "
             f"{edition.get('published', '?')}). The tool asks; people answer and record:"]
    for prompt in assessment["prompts"]:
        lines.append(f"{indent}  [{prompt['id']}] {printable(prompt['text'])}")
        lines.append(f"{indent}      why: {printable(prompt['why'])}")
        lines.append(f"{indent}      source: {printable(prompt['source'])}")
        if prompt["wording"] == "local":
            lines.append(f"{indent}      wording: {prompt['wording_label']}")
    return lines


def render_suggestion(assessment: dict[str, Any], indent: str = "  ") -> list[str]:
    s = assessment["suggested_minimum"]
    lines = [f"{indent}Suggested minimum approval level ({s['label']}, not OSJA policy): "
             f"{s['title']}"]
    for reason in s["reasons"]:
        lines.append(f"{indent}  - {printable(reason['why'])} [{reason['level']}; rule "
                     f"{reason['rule']}; source: {printable(reason['source'])}]")
    return lines


def render_grading(assessment: dict[str, Any], indent: str = "  ") -> list[str]:
    """Risk facts, the suggested minimum approval level and the sensitivity (no prompts)."""
    return [*render_facts(assessment, indent), *render_suggestion(assessment, indent),
            f"{indent}Sensitivity: {assessment['sensitivity']} (the organisation's local "
            "scheme; see catalogue disciplines)"]


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
