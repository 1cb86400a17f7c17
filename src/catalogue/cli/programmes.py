"""``catalogue programme``: build bespoke programme outlines from the module library."""

from __future__ import annotations

from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.core.counting import plural
from catalogue.core.exports.wording import number
from catalogue.core.names import printable
from catalogue.core.programmes import changes, queries, templates
from catalogue.core.programmes.model import DELIVERY_MODES, OSJA_GRADES, Programme

LIST_COLUMNS = [("id", "Id"), ("title", "Title"), ("country_name", "Country"),
                ("delivery_mode", "Mode"), ("start_date", "Start"), ("modules", "Modules"),
                ("hours", "Hours"), ("updated_at", "Updated")]


def _field_options(func: Any) -> Any:
    """The programme fields shared by ``new`` and ``set``."""
    options = [
        click.option("--mode", "delivery_mode", type=click.Choice(DELIVERY_MODES),
                     help="Delivery mode, e.g. --mode blended."),
        click.option("--start", "start_date", metavar="YYYY-MM-DD",
                     help="First training day, e.g. --start 2026-05-04."),
        click.option("--level", "audience_level",
                     help="Audience level (a rank id or name), e.g. --level inspector."),
        click.option("--cohort", "cohort_size", metavar="N",
                     help="Number of participants (1-1000), e.g. --cohort 24."),
        click.option("--public-title", "public_title", metavar="TEXT",
                     help="Title for public (--redact) exports; without one they say "
                          "'Training programme for COUNTRY', e.g. --public-title "
                          "'Leadership course'."),
        click.option("--language", "language_notes", metavar="TEXT",
                     help="Language and interpreting notes, e.g. --language 'French, interpreter'."),
        click.option("--notes", metavar="TEXT",
                     help="General notes (searchable), e.g. --notes 'Follows the 2025 pilot'."),
        click.option("--vulnerability-notes", "vulnerability_notes", metavar="TEXT",
                     help="Capability gaps of the receiving force (never in a --redact export), "
                          "e.g. --vulnerability-notes 'No forensic lab'."),
        click.option("--commercial-terms", "commercial_terms", metavar="TEXT",
                     help="Commercial terms agreed (never in a --redact export), "
                          "e.g. --commercial-terms 'Funded by the partner'."),
        click.option("--request", "request_id", metavar="ID",
                     help="Linked request id ('none' unlinks), e.g. --request 12."),
        click.option("--trainers", metavar="N",
                     help="Trainers delivering (0 turns costing off), e.g. --trainers 2."),
        click.option("--osja-grade", "osja_grade", type=click.Choice(OSJA_GRADES),
                     help="Grade of the completed OSJA assessment (used for the risk uplift), "
                          "e.g. --osja-grade medium."),
        click.option("--hours-per-day", "hours_per_day", metavar="H",
                     help="Training hours per day ('none' = the default from data/costing.toml),"
                          " e.g. --hours-per-day 7."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _summary(programme: Programme) -> str:
    return (f"programme {programme.id} ({printable(programme.title)}): "
            f"{plural(len(programme.modules), 'module')}")


@click.group()
def programme() -> None:
    """Programme outlines: bespoke courses built from the module library for one country.

    \b
    Examples:
      catalogue programme new "Kenya command course" --country Kenya --template command
      catalogue programme show 1
      catalogue programme export 1 --format docx -o kenya.docx
    """


@programme.command()
@click.argument("title", callback=refuse_blank)
@click.option("--country", required=True, callback=refuse_blank,
              help="Country the programme is for (any name or code), e.g. --country Kenya.")
@click.option("--template", "discipline", callback=refuse_blank, metavar="DISCIPLINE",
              help="Start with a discipline's standard modules, e.g. --template command.")
@_field_options
@click.option("--json", "as_json", is_flag=True, help="Print the new programme as JSON.")
@pass_app
def new(app: AppContext, title: str, country: str, discipline: str | None, as_json: bool,
        **fields: Any) -> None:
    """Create a programme (delivery mode defaults to in-country).

    \b
    Examples:
      catalogue programme new "Investigation skills" --country Ghana --start 2026-09-07
      catalogue programme new "Command course" --country KE --template command --level inspector
    """
    store = app.store()
    raw = {"title": title, "country": country, **_given(fields)}
    if discipline:
        programme_id = templates.create_from_template(store, discipline, raw)
    else:
        programme_id = changes.create_programme(store, raw)
    created = queries.get_programme(store, programme_id)
    if as_json:
        click.echo(dump_json({"id": programme_id, "title": created.title,
                              "country": created.country, "modules": len(created.modules)}))
    else:
        click.echo(f"Created {_summary(created)}")


@programme.command(name="list")
@click.option("--search", metavar="TEXT",
              help="Words in the title or notes (prefixes work), e.g. --search 'command ken'.")
@click.option("--country", callback=refuse_blank,
              help="Only programmes for this country, e.g. --country Kenya.")
@click.option("--sort", type=click.Choice(list(queries.SORTS)), default="updated",
              show_default=True, help="Sort key, e.g. --sort start.")
@click.option("--desc/--asc", "descending", default=None,
              help="Sort direction (default: newest first for updated/created, else A-Z).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="Rows per page, e.g. --limit 100.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Rows to skip (the next page), e.g. --offset 50.")
@output_options
@pass_app
def list_(app: AppContext, search: str | None, country: str | None, sort: str,
          descending: bool | None, limit: int, offset: int, fmt: str) -> None:
    """List programmes, newest change first.

    \b
    Examples:
      catalogue programme list --search command
      catalogue programme list --country Kenya --sort start --json
    """
    from catalogue.core.lookup import resolve_country

    store = app.store()
    code = resolve_country(store, country).code if country else None
    flt = queries.ProgrammeFilter(search=search, country=code)
    rows = queries.list_programmes(store, flt, sort=sort, descending=descending, limit=limit,
                                   offset=offset)
    shown = [{**r, "hours": number(r["hours"])} for r in rows] if fmt == "table" else rows
    emit(shown, LIST_COLUMNS, fmt, empty="No programmes found.")
    if fmt == "table" and rows and (offset or len(rows) == limit):
        total = queries.count_programmes(store, flt)
        more = f"; next page: --offset {offset + limit}" if offset + len(rows) < total else ""
        click.echo(f"Rows {offset + 1}-{offset + len(rows)} of {total}{more}")


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the full outline as JSON.")
@pass_app
def show(app: AppContext, programme_id: int, as_json: bool) -> None:
    """Show a programme: modules, totals, days by discipline, principles, warnings,
    approval flags and (with trainers set) the cost estimate.

    \b
    Examples:
      catalogue programme show 3
      catalogue programme show 3 --json
    """
    from catalogue.cli.programme_view import render_outline
    from catalogue.core.exports.json_export import render_json
    from catalogue.core.programmes.outline import build_outline

    outline = build_outline(app.store(), programme_id)
    click.echo(render_json(outline) if as_json else render_outline(outline), nl=not as_json)


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.argument("modules", metavar="[MODULE...]", callback=refuse_blank, nargs=-1)
@click.option("--standard", "discipline", callback=refuse_blank, metavar="DISCIPLINE",
              help="Also add the discipline's standard modules not yet in the programme "
                   "(data/disciplines, local practice), e.g. --standard counter-terrorism.")
@click.option("--at", "position", type=int,
              help="Insert at this position (1 = first; default: at the end), e.g. --at 2.")
@click.option("--hours", metavar="H", help="Hours instead of the library's, e.g. --hours 9.5.")
@click.option("--notes", metavar="TEXT", help="Notes for the trainer, e.g. --notes 'Use local law'.")
@pass_app
def add(app: AppContext, programme_id: int, modules: tuple[str, ...], discipline: str | None,
        position: int | None, hours: str | None, notes: str | None) -> None:
    """Add library modules (any discipline) by id, or a discipline's standard modules.

    \b
    Examples:
      catalogue programme add 3 inv-peace-interviewing inv-disclosure-cpia
      catalogue programme add 3 cmd-decision-logs --at 2 --hours 4
      catalogue programme add 3 --standard command
    """
    if not modules and discipline is None:
        raise click.UsageError("name at least one module, or --standard DISCIPLINE")
    wanted = list(modules)
    if discipline is not None:
        found, standard, basis = templates.standard_to_add(app.store(), programme_id, discipline)
        wanted += [m for m in standard if m not in wanted]
        click.echo(f"{plural(len(standard), 'standard module')} of {printable(found['title'])} "
                   f"not yet in programme {programme_id}. {printable(basis)}")
        if not wanted:
            click.echo(f"Nothing to add: programme {programme_id} has them all.")
            return
    updated = changes.add_modules(app.store(), programme_id, wanted, position=position,
                                  hours=hours, notes=notes)
    click.echo(f"Added {plural(len(wanted), 'module')}: {_summary(updated)}")


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.argument("module", metavar="MODULE", callback=refuse_blank)
@pass_app
def remove(app: AppContext, programme_id: int, module: str) -> None:
    """Remove a module, named by its id or its position.

    \b
    Examples:
      catalogue programme remove 3 cmd-decision-logs
      catalogue programme remove 3 2
    """
    updated = changes.remove_module(app.store(), programme_id, module)
    click.echo(f"Removed {printable(module)}: {_summary(updated)}")


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.argument("module", metavar="MODULE", callback=refuse_blank)
@click.argument("position", type=int)
@pass_app
def move(app: AppContext, programme_id: int, module: str, position: int) -> None:
    """Move a module (by id or position) to POSITION (1 = first).

    \b
    Examples:
      catalogue programme move 3 cmd-national-decision-model 1
      catalogue programme move 3 5 2
    """
    updated = changes.move_module(app.store(), programme_id, module, position)
    order = ", ".join(e.module_id for e in updated.modules)
    click.echo(f"Moved {printable(module)} to position {position}: {order}")


@programme.command(name="set")
@click.argument("programme_id", metavar="ID", type=int)
@click.option("--title", help="New title, e.g. --title 'Kenya command course 2026'.")
@click.option("--country", callback=refuse_blank,
              help="Move the programme to another country, e.g. --country Ghana.")
@_field_options
@click.option("--module", "module", callback=refuse_blank, metavar="MODULE",
              help="Change one module (by id or position) with --hours / --module-notes, "
                   "e.g. --module cmd-decision-logs.")
@click.option("--hours", metavar="H",
              help="With --module: hours for that module ('library' restores them), e.g. --hours 4.")
@click.option("--module-notes", "module_notes", metavar="TEXT",
              help="With --module: notes for that module ('' clears), e.g. --module-notes 'Day 2'.")
@pass_app
def set_(app: AppContext, programme_id: int, module: str | None, hours: str | None,
         module_notes: str | None, **fields: Any) -> None:
    """Change programme fields ('' or 'none' clears an optional one) or one module's hours
    and notes.

    \b
    Examples:
      catalogue programme set 3 --start 2026-10-05 --cohort 20 --trainers 2
      catalogue programme set 3 --request 12
      catalogue programme set 3 --module cmd-decision-logs --hours 4
    """
    store = app.store()
    raw = _given(fields)
    if (hours is not None or module_notes is not None) and module is None:
        raise click.UsageError("--hours and --module-notes need --module MODULE")
    if module is not None and hours is None and module_notes is None:
        raise click.UsageError("--module needs --hours and/or --module-notes")
    if not raw and module is None:
        raise click.UsageError("nothing to change; give at least one option")
    updated = changes.update_programme(store, programme_id, raw, module=module,
                                       hours=... if hours is None else hours,
                                       notes=... if module_notes is None else module_notes)
    click.echo(f"Updated {_summary(updated)}")


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.option("--country", required=True, callback=refuse_blank,
              help="Country for the copy, e.g. --country Ghana.")
@click.option("--title", help="Title for the copy (default: the same title), e.g. --title 'Ghana pilot'.")
@click.option("--start", "start_date", metavar="YYYY-MM-DD",
              help="Start date for the copy, e.g. --start 2027-01-11.")
@pass_app
def clone(app: AppContext, programme_id: int, country: str, title: str | None,
          start_date: str | None) -> None:
    """Copy a programme for another country. The linked request, vulnerability notes,
    commercial terms, recorded OSJA grade and language notes are not copied.

    \b
    Example:
      catalogue programme clone 3 --country Ghana --start 2027-01-11
    """
    store = app.store()
    new_id = templates.clone_programme(store, programme_id, country,
                                       _given({"title": title, "start_date": start_date}))
    click.echo(f"Cloned programme {programme_id} as {_summary(queries.get_programme(store, new_id))}")


@programme.command()
@click.argument("programme_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation, e.g. in scripts: --yes.")
@pass_app
def delete(app: AppContext, programme_id: int, yes: bool) -> None:
    """Delete a programme and its module list; its request, if linked, is unlinked (audited).

    \b
    Example:
      catalogue programme delete 3 --yes
    """
    store = app.store()
    found = queries.get_programme(store, programme_id)
    if not yes and not click.confirm(f"Delete programme {programme_id} "
                                     f"({printable(found.title)})?", default=False):
        click.echo("Nothing deleted.")
        return
    changes.delete_programme(store, programme_id)
    click.echo(f"Deleted programme {programme_id} ({printable(found.title)})")


def _register_export() -> None:
    from catalogue.cli.programme_export import export

    programme.add_command(export)


_register_export()
