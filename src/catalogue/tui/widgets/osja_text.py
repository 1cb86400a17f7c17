"""The OSJA part of the request card and the assessment dialog: the record's state (and what
changed), the suggested minimum approval level labelled as local practice, the dated risk facts
and the prompts with why and source. Stored and data text is appended plainly (no markup)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

STATE_STYLE = {"current": "green", "none": "yellow", "reassess": "bold red", "legacy": "bold red"}


def status_line(text: Text, status: dict[str, Any]) -> None:
    state = status.get("state", "none")
    text.append("  ")
    text.append(str(status.get("label", state)), style=STATE_STYLE.get(state, ""))
    if status.get("version"):
        text.append(f"  (version {status['version']}, level decided "
                    f"{status.get('decided_level')}, review by {status.get('review_on')})",
                    style="dim")
    text.append("\n")
    for change in status.get("changes") or []:
        text.append(f"    {change['label']}: ", style="bold")
        text.append(f"{change['old']} → {change['new']}\n")
    if status.get("legacy_grade"):
        text.append(f"    legacy local-practice grade in the history: {status['legacy_grade']}\n",
                    style="dim")


def suggestion_lines(text: Text, suggested: dict[str, Any]) -> None:
    text.append(f"  Suggested minimum ({suggested['label']}, not OSJA policy): ", style="dim")
    text.append(f"{suggested['title']}\n", style="bold")
    for reason in suggested["reasons"]:
        text.append(f"    · {reason['why']}", style="")
        text.append(f"  [{reason['source']}]\n", style="dim")


def facts_lines(text: Text, risk: dict[str, Any]) -> None:
    for fact in risk.get("lines") or []:
        text.append(f"  {fact['label']}: ", style="dim")
        text.append(f"{fact['text']}\n")


def prompt_lines(text: Text, prompts: list[dict[str, Any]]) -> None:
    for prompt in prompts:
        text.append(f"  [{prompt['id']}] ", style="cyan")
        text.append(f"{prompt['text']}\n", style="bold")
        text.append(f"      why: {prompt['why']}\n")
        text.append(f"      source: {prompt['source']}\n", style="dim")
        if prompt["wording"] == "local":
            text.append(f"      {prompt['wording_label']}\n", style="dim italic")


def osja_sections(text: Text, osja: dict[str, Any], assessment: dict[str, Any],
                  heading: Callable[[Text, str, str], None], *, finished: bool = False) -> None:
    """``finished``: the request is delivered, declined or withdrawn, so ``o`` is off and
    the heading says why nothing more can be recorded instead of offering it."""
    heading(text, "OSJA assessment", "finished: no new version can be recorded" if finished
            else "o records a new version")
    status_line(text, osja)
    suggestion_lines(text, assessment["suggested_minimum"])
    heading(text, "Risk facts", "each with its date and source")
    facts_lines(text, assessment["risk_facts"])
    edition = assessment.get("guidance_edition") or {}
    heading(text, "OSJA prompts",
            f"{len(assessment['prompts'])}; {edition.get('title', '')} — people answer")
    prompt_lines(text, assessment["prompts"])
