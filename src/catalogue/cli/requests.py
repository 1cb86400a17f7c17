"""``catalogue request``: the register of requests from overseas forces (new, list, show, edit);
the workflow steps (advance, decline, withdraw, reset, history) are in request_steps.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.cli.request_render import render_edit, render_overview, render_saved
from catalogue.cli.scope_options import (
    by_option,
    needs_country,
    scope_options,
    submission_options,
)
from catalogue.core.requests.states import STATES


@click.group()
def request() -> None:
    """The request register: log requests, move them through the approval workflow.

    States: received, scoping, ipab-submitted, jiph-approved, osja-assessed,
    embassy-consulted, authorised, scheduled, delivered; or declined / withdrawn.
    Each step is guarded (exit 5 says what is missing). See docs/workflow.md.

    \b
    Examples:
      catalogue request new --body "Kenya Police Service" --country Kenya --discipline leadership
      catalogue request advance 12
      catalogue request show 12
    """


@request.command("new")
@click.option("--body", "requesting_body", required=True,
              help="Who is asking (e.g. --body 'Kenya Police Service').")
@scope_options()
@click.option("--notes", help="Free-text notes (e.g. --notes 'follow-up to 2025 visit').")
@submission_options
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the new request as JSON.")
@needs_country
@pass_app
def new(app: AppContext, requesting_body: str, country: str, disciplines: tuple[str, ...],
        modules: tuple[str, ...], location: str, audience: tuple[str, ...],
        delivered_by: tuple[str, ...], cohort: int | None, start: date | None,
        end: date | None, host: str | None, ethics_concerns: tuple[str, ...],
        notes: str | None, funder: str | None, partners: str | None, by: str,
        as_json: bool) -> None:
    """Log a new request (state: received); "request show" then lists what it needs.

    \b
    Examples:
      catalogue request new --body "Kenya Police Service" --country Kenya \\
          --discipline leadership --cohort 20 --start 2027-03-01 --end 2027-03-12
      catalogue request new --body "Punjab Police" --country Pakistan \\
          --discipline counter-terrorism --location in-country --audience armed-units
    """
    from catalogue.core.requests.register import create_request
    from catalogue.core.rules.known_training import check_known_training
    from catalogue.core.rules.scope import build_scope

    store = app.store()
    check_known_training(store, disciplines, modules)
    scope = build_scope(store, country, disciplines=disciplines, modules=modules,
                        location=location, audience=audience, cohort=cohort, start=start,
                        end=end, delivered_by=delivered_by, ethics_concerns=ethics_concerns,
                        host=host)
    created = create_request(store, requesting_body, scope, by=by, notes=notes, funder=funder,
                             partners=partners)
    if as_json:
        click.echo(dump_json(created.to_dict()))
    else:
        click.echo(render_saved(created, "Logged"))


LIST_COLUMNS = [("id", "Id"), ("state", "State"), ("country_name", "Country"),
                ("requesting_body", "Requesting body"), ("disciplines", "Disciplines"),
                ("location", "Where"), ("start", "Start"), ("age_days", "Age (days)")]


@request.command("list")
@click.option("--state", "states", multiple=True, type=click.Choice(STATES),
              help="Only requests in this state; repeat for more (e.g. --state scoping).")
@click.option("--open", "open_only", is_flag=True,
              help="Leave out delivered, declined and withdrawn requests.")
@click.option("--country", callback=refuse_blank,
              help="Only this country, in any form (e.g. --country KE).")
@click.option("--region", callback=refuse_blank,
              help="UN region, sub-region or liaison area (e.g. --region Africa).")
@click.option("--older-than", "older_than", type=click.IntRange(0, 36_500),
              help="Received at least DAYS ago (e.g. --older-than 30).")
@click.option("--newer-than", "newer_than", type=click.IntRange(0, 36_500),
              help="Received at most DAYS ago (e.g. --newer-than 7).")
@click.option("--programme", "programme_id", type=int,
              help="Only requests linked to this programme id (e.g. --programme 3).")
@click.option("--overdue", is_flag=True,
              help="Only requests past their state's target days (local practice, "
                   "data/workflow-targets.toml), the most days over first.")
@click.option("--sort", type=click.Choice(["created", "updated", "id", "state", "country",
                                           "overdue"]),
              help="Order by (default: created; with --overdue: overdue, the most days past "
                   "target first) (e.g. --sort updated).")
@click.option("--asc", is_flag=True, help="Oldest / smallest first (default: newest first).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="Rows per page (e.g. --limit 100).")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Rows to skip, for the next page (e.g. --offset 50).")
@output_options
@pass_app
def list_(app: AppContext, states: tuple[str, ...], open_only: bool, country: str | None,
          region: str | None, older_than: int | None, newer_than: int | None,
          programme_id: int | None, overdue: bool, sort: str | None, asc: bool, limit: int,
          offset: int, fmt: str) -> None:
    """List requests, newest first, one page at a time.

    --overdue lists the open requests that have been in their state longer than its target
    days, the most days over first, with the days in the state, the target and whose
    practice the targets are.

    \b
    Examples:
      catalogue request list --open
      catalogue request list --state scoping --state ipab-submitted --region Africa
      catalogue request list --country Kenya --older-than 30 --json
      catalogue request list --overdue
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.requests.register import RequestFilter, count_requests, list_requests

    store = app.store()
    flt = RequestFilter(states=list(states), open_only=open_only, region=region,
                        country=resolve_country(store, country).code if country else None,
                        older_than_days=older_than, newer_than_days=newer_than,
                        programme_id=programme_id, overdue_only=overdue)
    order = sort or ("overdue" if overdue else "created")
    rows = list_requests(store, flt, limit=limit, offset=offset, sort=order, descending=not asc)
    if overdue:
        _emit_overdue(store, rows, fmt)
    else:
        emit(rows, LIST_COLUMNS, fmt, empty="No requests match.")
    if fmt == "table" and rows:
        total = count_requests(store, flt)
        more = f"; next page: --offset {offset + limit}" if offset + len(rows) < total else ""
        click.echo(f"Showing {offset + 1}-{offset + len(rows)} of {total}{more}")


OVERDUE_COLUMNS = [("id", "Id"), ("state", "State"), ("country_name", "Country"),
                   ("requesting_body", "Requesting body"), ("entered", "In state since"),
                   ("days_in_state", "Days"), ("target_days", "Target"), ("days_over", "Over")]


def _emit_overdue(store: Any, rows: Sequence[Mapping[str, Any]], fmt: str) -> None:
    """The overdue listing: each request's clock beside it, and the targets' basis."""
    flat = [{**row, "entered": row["clock"]["entered_at"][:10],
             **{k: row["clock"][k] for k in ("days_in_state", "target_days", "days_over")}}
            for row in rows]
    emit(flat, OVERDUE_COLUMNS, fmt, json_rows=rows,
         empty="No open request is past its state's target.")
    if fmt == "table":  # whose targets they are, even when nothing is overdue
        from catalogue.core.requests.clock import targets_source

        click.echo(targets_source(store))



@request.command("show")
@click.argument("request_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Write the request and its flags as JSON.")
@pass_app
def show(app: AppContext, request_id: int, as_json: bool) -> None:
    """Show a request: details, flags, approvals so far and what the next step needs.

    \b
    Examples:
      catalogue request show 12
      catalogue request show 12 --json
    """
    from catalogue.core.requests.overview import request_overview

    overview = request_overview(app.store(), request_id)
    click.echo(dump_json(overview) if as_json else render_overview(overview))


@request.command("edit")
@click.argument("request_id", type=int)
@click.option("--body", "requesting_body", help="New requesting body (e.g. --body 'KPS').")
@scope_options(editing=True)
@click.option("--notes", help="Replace the notes (e.g. --notes 'dates agreed by phone').")
@submission_options
@click.option("--clear", "clear", multiple=True,
              type=click.Choice(["disciplines", "modules", "audience", "delivered_by",
                                 "ethics_concerns", "cohort", "start", "end", "notes", "funder",
                                 "partners"]),
              help="Empty a field; repeat for more (e.g. --clear ethics_concerns).")
@click.option("--note", "note", help="Why the change was made, for the audit trail.")
@by_option
@click.option("--json", "as_json", is_flag=True, help="Write the result as JSON.")
@pass_app
def edit(app: AppContext, request_id: int, requesting_body: str | None, country: str | None,
         disciplines: tuple[str, ...], modules: tuple[str, ...], location: str | None,
         audience: tuple[str, ...], delivered_by: tuple[str, ...], cohort: int | None,
         start: date | None, end: date | None, host: str | None,
         ethics_concerns: tuple[str, ...], notes: str | None, funder: str | None,
         partners: str | None, clear: tuple[str, ...], note: str | None, by: str,
         as_json: bool) -> None:
    """Change a request. A repeated option replaces the whole list.

    Changing the scope after approvals sends the request back and resets the approvals
    it affects (policy [reset] in data/approval-policy.toml); the reset is recorded.

    \b
    Examples:
      catalogue request edit 12 --start 2027-04-05 --end 2027-04-16
      catalogue request edit 12 --audience inspector --audience public-order --note "per JIPH"
      catalogue request edit 12 --clear ethics_concerns --note "concern resolved with FCDO"
      catalogue request edit 12 --funder "Kenya Police Service" --partners "UNODC"
    """
    from catalogue.core.requests.editing import RequestEdit, edit_as_typed

    given = {"requesting_body": requesting_body, "country": country, "host": host,
             "disciplines": list(disciplines) or None, "modules": list(modules) or None,
             "location": location, "audience": list(audience) or None,
             "delivered_by": list(delivered_by) or None, "cohort": cohort, "start": start,
             "end": end, "notes": notes, "ethics_concerns": list(ethics_concerns) or None,
             "funder": funder, "partners": partners}
    typed = cast(RequestEdit, {k: v for k, v in given.items() if v is not None})
    result = edit_as_typed(app.store(), request_id, typed, by=by, note=note, clear=clear)
    if as_json:
        click.echo(dump_json({"request": result.request.to_dict(), "changed": result.changed,
                              "reset_to": result.reset_to, "reset": result.reset_steps}))
    else:
        click.echo(render_edit(result))


def _register_steps() -> None:
    from catalogue.cli import request_pack, request_steps

    for command in [*request_steps.COMMANDS, request_pack.pack]:
        request.add_command(command)


_register_steps()
