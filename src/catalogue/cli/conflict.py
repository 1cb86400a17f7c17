"""``catalogue conflict``: the armed-conflict / occupation register the users keep."""

from __future__ import annotations

from datetime import date

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.cli.scope_options import ISO_DATE, by_option
from catalogue.core.names import printable


@click.group()
def conflict() -> None:
    """The armed-conflict / occupation register: entries you record, with their date.

    The OSJA guidance says international humanitarian law (IHL) applies in armed conflict or
    occupation, and where it is in doubt whether there is one, to assume there is. Nothing is
    fetched or invented: a country has an entry only once you record it. A change here marks
    the OSJA assessments that relied on the earlier entry "re-assessment needed".

    \b
    Examples:
      catalogue conflict set Ethiopia --as-of 2026-11-20 --part "Amhara region"
      catalogue conflict list
    """


@conflict.command("set")
@click.argument("country", callback=refuse_blank)
@click.option("--as-of", "as_of", type=ISO_DATE, required=True,
              help="Date the situation was assessed, YYYY-MM-DD (e.g. --as-of 2026-11-20).")
@click.option("--part", help="Where, if not the whole country (e.g. --part 'Amhara region').")
@click.option("--note", help="Source and anything else worth keeping (e.g. --note 'FCDO "
                             "conflict assessment, Nov 2026').")
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the entry as JSON.")
@pass_app
def conflict_set(app: AppContext, country: str, as_of: date, part: str | None,
                 note: str | None, by: str, as_json: bool) -> None:
    """Record an armed conflict or occupation (or a doubt about one) in COUNTRY.

    \b
    Example:
      catalogue conflict set Ethiopia --as-of 2026-11-20 --part "Amhara region"
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.osja.registers import set_conflict

    store = app.store()
    entry = set_conflict(store, resolve_country(store, country).code, as_of, by=by, part=part,
                         note=note)
    click.echo(dump_json(entry) if as_json else
               f"Recorded for {entry['code']}: {printable(entry['part'] or 'the whole country')}, as of "
               f"{entry['as_of']}.")


COLUMNS = [("code", "Code"), ("country", "Country"), ("part", "Where"), ("as_of", "As of"),
           ("note", "Note"), ("set_by", "By")]


@conflict.command("list")
@output_options
@pass_app
def conflict_list(app: AppContext, fmt: str) -> None:
    """List the register, by country.

    \b
    Example:
      catalogue conflict list --csv
    """
    from catalogue.core.osja.registers import list_conflicts

    emit(list_conflicts(app.store()), COLUMNS, fmt,
         empty="No armed conflict or occupation recorded (catalogue conflict set COUNTRY "
               "--as-of DATE).")


@conflict.command("clear")
@click.argument("country", callback=refuse_blank)
@by_option
@pass_app
def conflict_clear(app: AppContext, country: str, by: str) -> None:
    """Remove the entry for COUNTRY (assessments that relied on it then need re-assessment).

    \b
    Example:
      catalogue conflict clear Ethiopia
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.osja.registers import clear_conflict

    store = app.store()
    code = resolve_country(store, country).code
    clear_conflict(store, code)
    click.echo(f"Cleared the armed-conflict entry for {code}.")
