"""``catalogue facets``: requests by region, discipline and state, under country filters."""

from __future__ import annotations

from dataclasses import asdict

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.country_filter import country_filter_options
from catalogue.cli.output import dump_json, render_table
from catalogue.core.countries import CountryFilter
from catalogue.core.facets import GROUPS, request_facets
from catalogue.core.names import printable

_HEADINGS = [("open", "Open"), ("delivered", "Delivered"), ("closed", "Declined/withdrawn")]


@click.command()
@click.option("--discipline", callback=refuse_blank,
              help="Only requests in this discipline (id, title or prefix).")
@country_filter_options
@click.option("--json", "as_json", is_flag=True, help="Every region x discipline x state count.")
@pass_app
def facets(app: AppContext, discipline: str | None, flt: CountryFilter, as_json: bool) -> None:
    """Count requests by region, discipline and state for the countries listed.

    The filters are those of 'catalogue countries'; the explorer's facets show the same counts.

    \b
    Examples:
      catalogue facets --discipline counter-terrorism
      catalogue facets --region Africa --json
    """
    result = request_facets(app.store(), flt, discipline)
    if result.close_matches:  # as the explorer lists them; said on stderr (JSON stays clean)
        click.echo(f"No country name starts with {printable(flt.search or '')!r}: counting "
                   f"its closest matches: {printable(', '.join(result.close_matches))}",
                   err=True)
    if as_json:
        click.echo(dump_json(asdict(result)))
        return
    which = result.titles.get(result.discipline or "", "every discipline")
    click.echo(f"Requests by region ({which}):")
    rows = [{"name": region_name, **counts} for region_name, counts in result.regions.items()]
    click.echo(render_table(rows, [("name", "Region"), *_HEADINGS]) if rows else "  none")
    click.echo("\nRequests by discipline (a request counts under each discipline it is in):")
    rows = [{"name": result.titles[d], **counts} for d, counts in result.disciplines.items()
            if any(counts[g] for g in GROUPS) or result.discipline]
    click.echo(render_table(rows, [("name", "Discipline"), *_HEADINGS]) if rows else "  none")
