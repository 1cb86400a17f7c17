"""Rich ``Text`` for the detail pane: country cards, disciplines and modules.

The same content as ``catalogue country`` (from :func:`catalogue.core.countries.country_card`),
laid out with styles. Every value goes in as plain text, never markup, so names or notes
containing ``[bold]`` appear exactly as stored.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from catalogue.core.counting import plural
from catalogue.core.country_card import codes_line, fuzzy_note, region_line
from catalogue.tui.spelling import spell_out_text

SEVERITY_STYLE = {"blocker": "bold red", "needs-action": "yellow", "info": "cyan"}
LABEL_WIDTH = 15


def _row(text: Text, label: str, value: Any, style: str = "") -> None:
    if value in (None, ""):
        return
    text.append(f"{label:<{LABEL_WIDTH}}", style="dim")
    text.append(str(value), style=style)
    text.append("\n")


def _heading(text: Text, title: str) -> None:
    text.append("\n")
    text.append(title, style="bold underline")
    text.append("\n")


def country_text(card: dict[str, Any], activity: dict[str, Any] | None = None) -> Text:
    """A country card, plus its programmes and open requests when ``activity`` is given."""
    names = card["names"]
    hr = card["human_rights_priority"]
    text = Text()
    text.append(f"{card['flag']} " if card["flag"] else "")
    text.append(names["common"], style="bold")
    text.append("\n")
    note = fuzzy_note(card.get("match"), names["common"])
    if note:
        text.append(f"({note})\n", style="italic dim")
    _row(text, "Listed as", names["listed_as"] or "(not listed among the countries assisted)")
    _row(text, "Official name", names["official"])
    if names["iso"] and names["iso"] != names["common"]:
        _row(text, "ISO name", names["iso"])
    _row(text, "Codes", codes_line(card))
    kind = card["kind_label"]
    if card["administered_by"]:
        kind += f" ({card['administered_by']})"
    _row(text, "Kind", kind)
    _row(text, "UN M49 region", region_line(card))
    _row(text, "Liaison area", card["liaison_area"] or "(none)")
    _row(text, "Area basis", card.get("liaison_area_basis"), "dim")
    _row(text, "Assisted", "yes" if card["assisted"] else "no",
         "green" if card["assisted"] else "")
    year = f"FCDO {hr['list_year']} list" if hr["list_year"] else "no list loaded"
    _row(text, "HR priority", f"{'YES' if hr['priority'] else 'no'} ({year})",
         "bold red" if hr["priority"] else "")
    _row(text, "Note", card["note"], "italic")
    if activity is not None:
        activity_text(text, activity)
    if card.get("deliveries") is not None:
        delivery_history_text(text, card["deliveries"])
    _heading(text, "Approvals any programme here needs")
    for flag in card["approvals"]:
        text.append("• ")
        text.append(flag["title"], style="bold")
        text.append(f"  {flag['severity']}\n", style=SEVERITY_STYLE.get(flag["severity"], ""))
        text.append(f"  why: {flag['why']}\n", style="dim")
        text.append(f"  source: {flag['source']}\n", style="dim italic")
    _heading(text, "Disciplines on offer [local sensitivity level → marking]")
    for d in card["disciplines"]:
        text.append(f"• {d['title']}")
        text.append(f"  [{d['sensitivity']} → {d['marking']}]",
                    style="dim" if d["sensitivity"] == "public" else "yellow")
        text.append("\n")
    text.append(card["sensitivity_scheme"] + "\n", style="dim italic")
    return spell_out_text(text)


def activity_text(text: Text, activity: dict[str, Any]) -> None:
    """A country's programmes and open requests (the first few, with the totals)."""
    programmes, requests = activity["programmes"], activity["requests"]
    total = activity["programmes_total"]
    _heading(text, f"Programmes ({total})")
    if not programmes:
        text.append("none yet\n", style="dim italic")
    for p in programmes:
        text.append(f"• #{p['id']} ", style="cyan")
        text.append(str(p["title"]))
        extra = " · ".join(v for v in (p.get("status"), p.get("starts")) if v)
        text.append(f"  {extra}\n" if extra else "\n", style="dim")
    if total > len(programmes):
        text.append(f"  … and {total - len(programmes)} more\n", style="dim")
    total = activity["requests_total"]
    _heading(text, f"Open requests ({total})")
    if not requests:
        text.append("none open\n", style="dim italic")
    for r in requests:
        text.append(f"• #{r['id']} ", style="cyan")
        text.append(str(r["title"]))
        text.append(f"  {r['state']} · {r['age_days']} d old\n", style="dim")
    if total > len(requests):
        text.append(f"  … and {total - len(requests)} more\n", style="dim")


def delivery_history_text(text: Text, history: dict[str, Any]) -> None:
    """The country's deliveries that have started, latest first, with what each achieved."""
    from catalogue.core.trainers.schema import LEVEL_LABELS

    shown = history["deliveries"]
    _heading(text, f"Deliveries and results ({history['total']})")
    if not shown:
        text.append("no delivery has started here yet\n", style="dim italic")
    for d in shown:
        text.append(f"• #{d['programme_id']} ", style="cyan")
        text.append(str(d["title"]))
        text.append(f"  {d['start']}..{d['end']} · {d['mode']}\n", style="dim")
        cohort = d["cohort"]
        if cohort["participants"]:
            done = cohort["completed"]
            line = (f"  trained {cohort['participants']}: {cohort['women']} women, "
                    f"{cohort['men']} men")
            line += f", {done} completed" if done is not None else ""
            line += f"; attendance {d['attendance']:g}%" if d["attendance"] is not None else ""
            text.append(line + "\n")
        else:
            text.append("  cohort not recorded\n", style="dim")
        scores = [f"{LEVEL_LABELS[e['level']]} {e['score']:g}/{e['out_of']:g}"
                  for e in d["evaluations"]]
        text.append(f"  evaluation: {', '.join(scores) if scores else 'not recorded'}\n",
                    style="" if scores else "dim")
    if history["total"] > len(shown):
        text.append(f"  … and {history['total'] - len(shown)} earlier\n", style="dim")


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
