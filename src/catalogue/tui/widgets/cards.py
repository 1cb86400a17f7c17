"""Rich ``Text`` for the detail pane: country cards, disciplines and modules.

The country card's rows and sections come from the core (:mod:`catalogue.core.card_view`,
the same as ``catalogue country`` prints); this module only styles them. Every value goes in
as plain text, never markup, so names or notes containing ``[bold]`` appear exactly as stored.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from catalogue.core.card_view import CardSection, CardView
from catalogue.core.counting import plural
from catalogue.core.names import one_line
from catalogue.tui.spelling import spell_out_text

LABEL_WIDTH = 15


def _row(text: Text, label: str, value: Any, style: str = "") -> None:
    if value in (None, ""):
        return
    text.append(f"{label:<{LABEL_WIDTH}}", style="dim")
    text.append(one_line(str(value)), style=style)
    text.append("\n")


def _heading(text: Text, title: str) -> None:
    text.append("\n")
    text.append(title, style="bold underline")
    text.append("\n")


#: How the app shows each emphasis the core's card names (catalogue.core.card_view).
EMPHASIS_STYLE: dict[str, str] = {
    "": "", "strong": "bold", "alert": "bold red", "warning": "yellow", "info": "cyan",
    "good": "green", "quiet": "dim", "note": "italic", "source": "dim italic", "ref": "cyan",
}


def country_text(view: CardView) -> Text:
    """A country card: the core's rows and sections (:mod:`catalogue.core.card_view`),
    styled."""
    text = Text()
    text.append(f"{view.flag} " if view.flag else "")
    text.append(view.title, style="bold")
    text.append("\n")
    if view.note:
        text.append(f"({view.note})\n", style="italic dim")
    for row in view.rows:
        _row(text, row.label, row.value, EMPHASIS_STYLE[row.emphasis])
    for section in view.sections:
        _section(text, section)
    return spell_out_text(text)


def _section(text: Text, section: CardSection) -> None:
    _heading(text, section.heading)
    if not section.items and section.empty:
        text.append(f"{section.empty}\n", style="dim italic")
    for item in section.items:
        text.append("• ")
        for span in item.line:
            text.append(span.text, style=EMPHASIS_STYLE[span.emphasis])
        text.append("\n")
        for row in item.details:
            line = f"  {row.label}: {row.value}" if row.label else f"  {row.value}"
            text.append(line + "\n", style=EMPHASIS_STYLE[row.emphasis])
    if section.more:
        text.append(f"  … {section.more}\n", style="dim")
    if section.footer:
        text.append(section.footer + "\n", style="dim italic")


def discipline_text(d: dict[str, Any], activity: dict[str, Any] | None = None) -> Text:
    text = Text()
    text.append(d["title"], style="bold")
    if d["sensitivity"] != "public":
        text.append(f"  [{d['sensitivity']}]", style="yellow")
    text.append("\n")
    text.append(f"{plural(d['modules'], 'module')} · {plural(d['hours'], 'hour')} in the "
                "library\n", style="dim")
    text.append("\n")
    text.append(d["description"])
    text.append("\n\n")
    _sensitivity(text, d)
    _heading(text, "Modules")
    for m in d.get("module_list", []):
        text.append(f"• {m['title']}")
        text.append(f"  {m['hours']} h · {m['id']}\n", style="dim")
    if activity is not None:
        _heading(text, "Countries with programmes or requests in it")
        countries = activity.get("countries", [])
        if not countries:
            text.append("none yet\n", style="dim italic")
        for c in countries:
            text.append(f"• {c['name']}")
            text.append(f"  {c['code']} · {plural(c['programmes'], 'programme')} · "
                        f"{plural(c['requests'], 'request')}\n", style="dim")
    return text


def _sensitivity(text: Text, item: dict[str, Any]) -> None:
    """The local level, its marking and where the level comes from."""
    _row(text, "Sensitivity", f"{item['sensitivity']} (the organisation's local scheme)",
         "" if item["sensitivity"] == "public" else "yellow")
    _row(text, "Marking", f"{item.get('marking')} (Government Security Classifications)")
    _row(text, "Basis", item.get("sensitivity_basis"), "dim")


def module_text(m: dict[str, Any]) -> Text:
    text = Text()
    text.append(m["title"], style="bold")
    text.append("\n")
    text.append(f"{m['discipline_title']} · {plural(m['hours'], 'hour')} · {m['id']}\n",
                style="dim")
    levels = m["level_from"] if m["level_from"] == m["level_to"] else \
        f"{m['level_from']} to {m['level_to']}"
    _row(text, "Levels", levels.replace("-", " "))
    _sensitivity(text, m)
    _row(text, "Principles", ", ".join(m["principle_titles"]))
    _row(text, "Prerequisites", ", ".join(m["prerequisites"]) or "none")
    text.append("\n")
    text.append(m["summary"])
    text.append("\n")
    _heading(text, "Outcomes")
    for outcome in m["outcomes"]:
        text.append(f"• {outcome}\n")
    _row(text, "Note", m.get("note"), "italic")
    return text
