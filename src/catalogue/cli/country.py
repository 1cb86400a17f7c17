"""``catalogue country QUERY``: the quick lookup liaison officers use every day."""

from __future__ import annotations

from typing import Any

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json
from catalogue.core.abbreviations import spell_out
from catalogue.core.counting import plural
from catalogue.core.country_card import codes_line, country_card, fuzzy_note, region_line
from catalogue.core.lookup import resolve_country
from catalogue.core.names import printable


def complete_country(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion: country names starting with what has been typed."""
    from catalogue.core.names import fold
    from catalogue.core.store import default_db_path, open_store

    try:
        db_path = ctx.find_root().params.get("db_path") or default_db_path()
        with open_store(db_path) as store:
            rows = store.query(
                "SELECT DISTINCT name FROM country_names WHERE key LIKE ? AND source NOT IN "
                "('alpha-2','alpha-3','numeric') ORDER BY name LIMIT 50",
                (fold(incomplete) + "%",))
    except Exception:
        return []
    return [r[0] for r in rows]


@click.command()
@click.argument("query", nargs=-1, required=True, shell_complete=complete_country)
@click.option("--json", "as_json", is_flag=True, help="Write the card as JSON.")
@pass_app
def country(app: AppContext, query: tuple[str, ...], as_json: bool) -> None:
    """Show the card for a country or region.

    QUERY may be the name as listed, a common or official name, an ISO code (KE, KEN,
    404) or an alias (UAE, Ivory Coast, Burma ...); case, accents and apostrophes are
    ignored and clear misspellings are corrected (the card says so).

    \b
    Examples:
      catalogue country Kenya
      catalogue country "cote d'ivoire" --json
      catalogue country 404
    """
    store = app.store()
    from catalogue.core.country_activity import country_activity

    typed = " ".join(query)
    match = resolve_country(store, typed)
    card = country_card(store, match, typed)
    card["activity"] = country_activity(store, card["code"])
    if as_json:
        click.echo(dump_json(card))
    else:
        click.echo(render_card(card))


def render_card(card: dict[str, Any]) -> str:
    """The country card (IPAB, JIPH, OSJA and s.26 spelled out on first use)."""
    return spell_out(_card_text(card))


def _card_text(card: dict[str, Any]) -> str:
    names = card["names"]
    hr = card["human_rights_priority"]
    lines = [f"{card['flag']} {names['common']}".strip()]
    note = fuzzy_note(card.get("match"), names["common"])
    if note:
        lines.append(f"  ({printable(note)})")

    def row(label: str, value: Any) -> None:
        if value not in (None, ""):
            lines.append(f"  {label:<16}{value}")

    row("Listed as", names["listed_as"] or "(not listed among the countries assisted)")
    row("Official name", names["official"])
    if names["iso"] and names["iso"] != names["common"]:
        row("ISO name", names["iso"])
    row("Codes", codes_line(card))
    kind = card["kind_label"]
    if card["administered_by"]:
        kind += f" ({card['administered_by']})"
    row("Kind", kind)
    row("UN M49 region", region_line(card))
    row("Liaison area", card["liaison_area"] or "(none)")
    row("Area basis", card.get("liaison_area_basis"))
    row("Assisted", "yes" if card["assisted"] else "no")
    year = f"FCDO {hr['list_year']} list" if hr["list_year"] else "no list loaded"
    via = f", the entry of its administering state {hr['via']}" if hr.get("via") else ""
    row("HR priority", f"{'YES' if hr['priority'] else 'no'} ({year}{via})")
    row("Note", card["note"])
    if "activity" in card:
        lines += activity_lines(card["activity"], card["code"])
    lines.append("")
    lines.append("  Disciplines on offer [local sensitivity level → marking]:")
    for d in card["disciplines"]:
        lines.append(f"    - {d['title']}  [{d['sensitivity']} → {d['marking']}]")
    lines.append(f"    ({card['sensitivity_scheme']})")
    lines.append("")
    lines.append("  Approvals any programme here needs:")
    for flag in card["approvals"]:
        lines.append(f"    - {flag['title']} ({flag['severity']})")
        lines.append(f"      why: {flag['why']}")
        lines.append(f"      source: {flag['source']}")
    lines += delivery_lines(card["deliveries"])
    lines += osja_lines(card["osja"])
    return "\n".join(lines)


def activity_lines(activity: dict[str, Any], code: str) -> list[str]:
    """The country's programmes and open requests, as the app's card lists them."""
    lines = ["", f"  Programmes ({activity['programmes_total']}):"]
    for p in activity["programmes"]:
        extra = ", ".join(v for v in (p["status"], p["starts"] and f"starts {p['starts']}") if v)
        lines.append(f"    - #{p['id']} {printable(p['title'])}" + (f"  ({extra})" if extra else ""))
    if not activity["programmes"]:
        lines.append("    none yet")
    elif activity["programmes_total"] > len(activity["programmes"]):
        lines.append(f"    ... and {activity['programmes_total'] - len(activity['programmes'])} more"
                     f" (catalogue programme list --country {code})")
    lines.append(f"  Open requests ({activity['requests_total']}):")
    for r in activity["requests"]:
        lines.append(f"    - #{r['id']} {printable(r['title'])}  ({r['state']}, "
                     f"{plural(r['age_days'], 'day')} old)")
    if not activity["requests"]:
        lines.append("    none open")
    elif activity["requests_total"] > len(activity["requests"]):
        lines.append(f"    ... and {activity['requests_total'] - len(activity['requests'])} more"
                     f" (catalogue request list --open --country {code})")
    return lines


def osja_lines(osja: dict[str, Any]) -> list[str]:
    """The OSJA risk facts (with date and source) and the prompts for any request here."""
    lines = ["", "  OSJA risk facts, each with its date and source:"]
    for fact in osja["risk_facts"]["lines"]:
        lines.append(f"    - {fact['label']}: {printable(fact['text'])}")
    edition = osja["guidance_edition"]
    lines.append("")
    lines.append(f"  OSJA prompts for any request here ({edition.get('title', 'OSJA guidance')}; "
                 "more apply once the training is known, see catalogue check):")
    for prompt in osja["prompts"]:
        own = " [organisation's own wording]" if prompt["wording"] == "local" else ""
        lines.append(f"    - [{prompt['id']}] {prompt['text']}{own}")
        lines.append(f"      why: {printable(prompt['why'])}")
        lines.append(f"      source: {prompt['source']}")
    return lines


def delivery_lines(history: dict[str, Any]) -> list[str]:
    """The country's delivery history and what each delivery achieved."""
    from catalogue.core.trainers.schema import LEVEL_LABELS

    shown = history["deliveries"]
    more = f" (latest {len(shown)})" if history["total"] > len(shown) else ""
    lines = ["", f"  Deliveries here: {history['total']}{more}"]
    for d in shown:
        lines.append(f"    - {d['start']}..{d['end']}  #{d['programme_id']} "
                     f"{printable(d['title'])} ({d['mode']})")
        cohort = d["cohort"]
        if cohort["participants"]:
            done = cohort["completed"]
            lines.append(f"      trained {cohort['participants']} ({cohort['women']} women, "
                         f"{cohort['men']} men)" + (f", {done} completed" if done is not None
                                                    else "")
                         + (f"; attendance {d['attendance']:g}%" if d["attendance"] is not None
                            else ""))
        else:
            lines.append("      cohort not recorded")
        scores = [f"{LEVEL_LABELS[e['level']]} {e['score']:g}/{e['out_of']:g}"
                  for e in d["evaluations"]]
        lines.append(f"      evaluation: {', '.join(scores) if scores else 'not recorded'}")
    return lines
