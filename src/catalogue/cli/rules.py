"""``catalogue check`` (what a request would need; nothing saved) and ``catalogue advice``
(the user-maintained FCDO travel-advice register)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.cli.rules_render import render_flags, render_grading, render_prompts
from catalogue.cli.scope_options import ISO_DATE, by_option, needs_country, scope_options
from catalogue.core.abbreviations import spell_out
from catalogue.core.names import printable


@click.command()
@scope_options()
@click.option("--jiph-refused", is_flag=True,
              help="JIPH has not approved the IPAB form (raises the decline signal).")
@click.option("--json", "as_json", is_flag=True, help="Write the assessment as JSON.")
@needs_country
@pass_app
def check(app: AppContext, country: str, disciplines: tuple[str, ...],
          modules: tuple[str, ...], location: str, audience: tuple[str, ...],
          delivered_by: tuple[str, ...], cohort: int | None, start: date | None,
          end: date | None, ethics_concerns: tuple[str, ...], host: str | None,
          jiph_refused: bool, as_json: bool) -> None:
    """Show what a request would need before it may go ahead; nothing is saved.

    Shows the dated risk facts (death penalty, UK sanctions, human-rights priority list,
    travel advice, armed-conflict register, serious incidents), the OSJA (Overseas Security
    and Justice Assistance) prompts that apply, each with why and its source, and the
    suggested minimum approval level with its reasons: local practice, not OSJA policy. The
    tool decides nothing: people answer the prompts and decide the level (catalogue osja
    record). Then every flag, blockers first, with why it fired and its source.
    A discipline or module that is not in the catalogue is an error (exit 2) naming the
    nearest ones.

    \b
    Examples:
      catalogue check --country Kenya --discipline leadership
      catalogue check --country Pakistan --discipline counter-terrorism \\
          --location in-country --audience armed-units --json
      catalogue check --country "European Union" --discipline investigation \\
          --location in-country --host Belgium --delivered-by serving-officers
    """
    from catalogue.core.rules.engine import assess
    from catalogue.core.rules.known_training import check_known_training
    from catalogue.core.rules.scope import build_scope

    store = app.store()
    check_known_training(store, disciplines, modules)
    scope = build_scope(store, country, disciplines=disciplines, modules=modules,
                        location=location, audience=audience, cohort=cohort, start=start,
                        end=end, delivered_by=delivered_by, ethics_concerns=ethics_concerns,
                        jiph_refused=jiph_refused, host=host)
    result = assess(store, scope).to_dict()
    if as_json:
        click.echo(dump_json(result))
        return
    c = result["country"]
    lines = [f"{printable(c['name'])} ({c['code']}): quick check, nothing saved",
             *render_grading(result), "", *render_prompts(result)]
    if result["withhold"]:
        lines.append(f"  Withhold from public material: {', '.join(result['withhold'])}")
    lines += ["", *render_flags(result["flags"])]
    click.echo(spell_out("\n".join(lines)))


@click.group()
def advice() -> None:
    """The FCDO travel-advice register: advice you record, with the date it was current.

    Nothing is fetched or invented: a country has advice only once you record it.
    Your entries win over data/travel-advice.csv (empty as shipped).

    \b
    Examples:
      catalogue advice set Somalia against-all --as-of 2026-11-20
      catalogue advice list --json
    """


ADVICE_COLUMNS = [("code", "Code"), ("country", "Country"), ("label", "Advice"),
                  ("part", "Where"), ("as_of", "As of"), ("origin", "Recorded in"),
                  ("set_by", "By")]


@advice.command("set")
@click.argument("country", callback=refuse_blank)
@click.argument("level", callback=refuse_blank)
@click.option("--as-of", "as_of", type=ISO_DATE, required=True,
              help="Date the FCDO advice was current, YYYY-MM-DD (e.g. --as-of 2026-11-20).")
@click.option("--part", help="Where the advice applies, if not the whole country "
                             "(e.g. --part 'within 60 km of the Somali border').")
@click.option("--note", help="Anything else worth keeping (e.g. --note 'gov.uk page updated').")
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the entry as JSON.")
@pass_app
def advice_set(app: AppContext, country: str, level: str, as_of: date, part: str | None,
               note: str | None, by: str, as_json: bool) -> None:
    """Record the FCDO travel advice for COUNTRY.

    LEVEL is against-all ("advise against all travel"), against-all-but-essential
    ("advise against all but essential travel") or none (checked: no advice against travel).

    \b
    Examples:
      catalogue advice set Kenya against-all-but-essential --as-of 2026-11-20 \\
          --part "within 60 km of the Somali border"
      catalogue advice set Norway none --as-of 2026-11-20
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.rules.advice import set_advice

    store = app.store()
    code = resolve_country(store, country).code
    entry = set_advice(store, code, level, as_of, by=by, part=part, note=note)
    if as_json:
        click.echo(dump_json(entry))
    else:
        click.echo(f"Recorded for {code}: {_describe(entry)}")


@advice.command("list")
@output_options
@pass_app
def advice_list(app: AppContext, fmt: str) -> None:
    """List the travel advice recorded, by country, with its as-of date.

    \b
    Examples:
      catalogue advice list
      catalogue advice list --csv > advice.csv
    """
    from catalogue.core.rules.advice import list_advice

    emit(list_advice(app.store()), ADVICE_COLUMNS, fmt,
         empty="No travel advice recorded (record some with: catalogue advice set COUNTRY "
               "LEVEL --as-of DATE).")


@advice.command("clear")
@click.argument("country", callback=refuse_blank)
@click.option("--json", "as_json", is_flag=True, help="Write the advice now in force as JSON.")
@pass_app
def advice_clear(app: AppContext, country: str, as_json: bool) -> None:
    """Remove your travel-advice entry for COUNTRY (any entry in the data file shows again).

    \b
    Example:
      catalogue advice clear Kenya
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.rules.advice import clear_advice

    store = app.store()
    code = resolve_country(store, country).code
    remaining = clear_advice(store, code)
    if as_json:
        click.echo(dump_json({"code": code, "now_in_force": remaining}))
    elif remaining:
        click.echo(f"Cleared your entry for {code}; in force now: {_describe(remaining)}")
    else:
        click.echo(f"Cleared your entry for {code}; no travel advice is recorded for it now.")


def _describe(entry: dict[str, Any]) -> str:
    part = f" ({printable(entry['part'])})" if entry.get("part") else ""
    return f"{entry['label']}{part}, as of {entry['as_of']} ({entry['origin']})"
