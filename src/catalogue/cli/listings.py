"""Listings: countries, regions, liaison areas, disciplines and modules."""

from __future__ import annotations

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.country_filter import country_filter_options
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.core import catalog
from catalogue.core.countries import (
    DEFAULT_SORT,
    SORTABLE,
    CountryFilter,
    area_counts,
    list_countries,
    region_counts,
)
from catalogue.core.names import printable

COUNTRY_COLUMNS = [("code", "Code"), ("name", "Name"), ("listed_as", "Listed as"),
                   ("region", "Region"), ("subregion", "Sub-region"),
                   ("liaison_area_name", "Liaison area"), ("assisted", "Assisted"),
                   ("hr_priority", "HR priority")]


@click.command()
@country_filter_options
@click.option("--sort", type=click.Choice(sorted(SORTABLE)), default=DEFAULT_SORT,
              show_default=True, help="Column to sort by (the app's order by default).")
@click.option("--desc", is_flag=True, help="Sort in descending order.")
@output_options
@pass_app
def countries(app: AppContext, flt: CountryFilter, sort: str, desc: bool, fmt: str) -> None:
    """List countries and regions, filtered and sorted.

    \b
    Examples:
      catalogue countries --region Africa
      catalogue countries --all --subregion "Western Asia" --json
      catalogue countries --area "Asia-Pacific" --csv > asia.csv
    """
    rows = list_countries(app.store(), flt, sort=sort, descending=desc)
    for row in rows:
        row["assisted"] = bool(row["assisted"])
        row["hr_priority"] = bool(row["hr_priority"])
    # The priority list is dated: its year goes in the heading (and in every JSON/CSV row).
    year = next((r["hr_priority_year"] for r in rows if r["hr_priority_year"]), None)
    columns = [(key, f"HR priority (FCDO {year})" if key == "hr_priority" and year else heading)
               for key, heading in COUNTRY_COLUMNS]
    if fmt == "csv":
        columns.append(("hr_priority_year", "hr_priority_year"))
    emit(rows, columns, fmt, empty="No countries match.")


@click.command()
@click.option("--assisted", "assisted_only", is_flag=True,
              help="Count only the countries assisted.")
@output_options
@pass_app
def regions(app: AppContext, assisted_only: bool, fmt: str) -> None:
    """UN M49 regions, sub-regions and intermediate regions, with counts.

    \b
    Example:
      catalogue regions --assisted
    """
    rows = region_counts(app.store(), assisted_only=assisted_only)
    emit(rows, [("region", "Region"), ("subregion", "Sub-region"),
                ("intermediate", "Intermediate region"), ("countries", "Countries"),
                ("assisted", "Assisted")], fmt)


@click.command()
@output_options
@pass_app
def areas(app: AppContext, fmt: str) -> None:
    """Liaison areas (the organisation's own groupings, not UN terms), with counts.

    Each area says where it comes from (its basis in data/liaison-areas.toml).

    \b
    Example:
      catalogue areas --json
    """
    rows = area_counts(app.store())
    emit(rows, [("id", "Id"), ("name", "Name"), ("countries", "Countries"),
                ("assisted", "Assisted"), ("description", "Description")], fmt)
    if fmt == "table":
        for basis in dict.fromkeys(r["basis"] for r in rows if r.get("basis")):
            click.echo(f"\nBasis: {basis}")


@click.command()
@output_options
@pass_app
def disciplines(app: AppContext, fmt: str) -> None:
    """The policing disciplines on offer, with module counts and hours.

    Sensitivity is the organisation's local scheme (public, restricted, confidential; it
    decides what public material leaves out); Marking is the Government Security
    Classifications marking each level maps to (data/sensitivity.toml, with its source).

    \b
    Example:
      catalogue disciplines
    """
    from catalogue.core.sensitivity import scheme_line, sensitivity_scheme

    store = app.store()
    emit(catalog.list_disciplines(store),
         [("id", "Id"), ("title", "Discipline"), ("sensitivity", "Sensitivity (local)"),
          ("marking", "Marking"), ("modules", "Modules"), ("hours", "Hours")], fmt)
    if fmt == "table":
        click.echo("\n" + scheme_line(sensitivity_scheme(store)))


@click.command()
@click.argument("name", callback=refuse_blank)
@output_options
@pass_app
def discipline(app: AppContext, name: str, fmt: str) -> None:
    """One discipline and its modules (NAME is an id, a title, the start of any of its
    words, e.g. "cyber", or a clear misspelling, which is corrected and said so).

    \b
    Examples:
      catalogue discipline command
      catalogue discipline "counter-terrorism" --json
    """
    store = app.store()
    found, score = catalog.match_discipline(store, name, fuzzy=True)
    modules = catalog.discipline_modules(store, found["id"])
    if score is not None:
        click.echo(f"(no exact match for {printable(name)!r}; showing {found['title']}, "
                   f"{score:.0f}% similar)", err=fmt != "table")
    if fmt == "table":
        click.echo(f"{found['title']} ({found['sensitivity']}): {found['description']}")
        click.echo(f"  Sensitivity: {found['sensitivity']} (the organisation's local scheme) · "
                   f"marking {found['marking']}")
        click.echo(f"  Sensitivity basis: {found['sensitivity_basis']}\n")
    emit(modules, [("id", "Module"), ("title", "Title"), ("hours", "Hours"),
                   ("level_from", "From"), ("level_to", "To"),
                   ("sensitivity", "Sensitivity (local)"), ("marking", "Marking")],
         fmt, json_rows={**found, "modules": modules})


@click.command()
@click.argument("module_id", callback=refuse_blank)
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
@pass_app
def module(app: AppContext, module_id: str, as_json: bool) -> None:
    """Show one module of the library: summary, hours, audience, outcomes, principles.

    \b
    Example:
      catalogue module cmd-national-decision-model
    """
    found = catalog.get_module(app.store(), module_id)
    if as_json:
        click.echo(dump_json(found))
        return
    click.echo(f"{found['title']}  ({found['id']}, {found['discipline_id']})")
    click.echo(f"  {found['summary']}")
    click.echo(f"  Hours: {found['hours']}   Audience: {found['level_from']} to "
               f"{found['level_to']}")
    click.echo(f"  Sensitivity: {found['sensitivity']} (the organisation's local scheme) · "
               f"marking {found['marking']}")
    click.echo(f"  Sensitivity basis: {found['sensitivity_basis']}")
    click.echo("  Outcomes:")
    for outcome in found["outcomes"]:
        click.echo(f"    - {outcome}")
    click.echo(f"  Principles: {', '.join(found['principles'])}")
    if found["prerequisites"]:
        click.echo(f"  Prerequisites: {', '.join(found['prerequisites'])}")
    if found["note"]:
        click.echo(f"  Note: {found['note']}")
