"""Workflow steps of ``catalogue request``: advance, decline, withdraw, reset, history, link."""

from __future__ import annotations

import csv
import json
import sys

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import csv_cell, dump_json, emit
from catalogue.cli.request_render import HISTORY_COLUMNS, history_rows, render_saved
from catalogue.cli.scope_options import by_option
from catalogue.core.names import printable
from catalogue.core.requests.model import Request
from catalogue.core.requests.states import FORWARD, STATES

json_option = click.option("--json", "as_json", is_flag=True,
                           help="Write the request as JSON after the change.")
expect_option = click.option(
    "--from", "expected_state", type=click.Choice(STATES),
    help="Refuse unless the request is in this state now (guards against a change made "
         "meanwhile; e.g. --from scoping).")


def _done(request: Request, as_json: bool, verb: str) -> None:
    click.echo(dump_json(request.to_dict()) if as_json else render_saved(request, verb))


@click.command()
@click.argument("request_id", type=int)
@click.option("--to", "to", type=click.Choice([s for s in FORWARD if s != "received"]),
              help="The step you expect to reach; refused if it is not the next one "
                   "(e.g. --to jiph-approved).")
@click.option("--ref", "reference", help="IPAB or JIPH reference number (e.g. --ref IPAB-2027-041).")
@click.option("--authoriser", help="Name of the person authorising (e.g. --authoriser 'A. Jones').")
@click.option("--level", "authoriser_level",
              help="The authoriser's level: an approver id such as head-of-department or "
                   "minister (e.g. --level minister).")
@click.option("--s26-ref", "s26_reference",
              help="Police Act 1996 s.26 approval and Home Office consent reference, needed when "
                   "serving officers deliver (e.g. --s26-ref 'PCC/2027/7').")
@click.option("--note", help="A note for the audit trail (e.g. --note 'JIPH letter of 3 March').")
@expect_option
@by_option
@json_option
@pass_app
def advance(app: AppContext, request_id: int, to: str | None, reference: str | None,
            authoriser: str | None, authoriser_level: str | None,
            s26_reference: str | None, note: str | None, expected_state: str | None, by: str,
            as_json: bool) -> None:
    """Move a request to its next step, if the step's guard allows it (else exit 5).

    The osja-assessed step needs a current OSJA assessment version (catalogue osja record);
    authorised needs an approver of at least the level that assessment decided, and for
    in-country work travel advice recorded recently (policy [osja] travel_advice_max_days).

    \b
    Examples:
      catalogue request advance 12
      catalogue request advance 12 --to ipab-submitted --ref IPAB-2027-041
      catalogue request advance 12 --to osja-assessed
      catalogue request advance 12 --to authorised --authoriser "A. Jones" --level minister
    """
    from catalogue.core.requests.guards import StepInput
    from catalogue.core.requests.workflow import advance as advance_request

    step = StepInput(note=note, reference=reference, authoriser=authoriser,
                     authoriser_level=authoriser_level, s26_reference=s26_reference)
    result = advance_request(app.store(), request_id, by=by, to=to, step=step,
                             expected_state=expected_state)
    _done(result, as_json, "Moved")


@click.command()
@click.argument("request_id", type=int)
@click.option("--reason", required=True, callback=refuse_blank,
              help="Why it is declined (e.g. --reason 'JIPH said no').")
@click.option("--signal", callback=refuse_blank,
              help="Which decline reason applies: jiph-refused, staff-risk, no-skills "
                   "or ethics (e.g. --signal jiph-refused).")
@expect_option
@by_option
@json_option
@pass_app
def decline(app: AppContext, request_id: int, reason: str, signal: str | None,
            expected_state: str | None, by: str, as_json: bool) -> None:
    """Decline a request (from any state before delivery); a reason is required.

    \b
    Example:
      catalogue request decline 12 --reason "IPAB not approved" --signal jiph-refused
    """
    from catalogue.core.requests.workflow import decline as decline_request

    if signal is not None:
        _check_signal(app, signal)
    result = decline_request(app.store(), request_id, by=by, reason=reason, signal=signal,
                             expected_state=expected_state)
    _done(result, as_json, "Declined")


def _check_signal(app: AppContext, signal: str) -> None:
    """``--signal`` names one of the policy's decline reasons (``decline-`` may be left off);
    any other is a usage error (exit 2) naming them, as a ``click.Choice`` would."""
    from catalogue.core.requests.pages import workflow_choices

    reasons = [key for key, _title in workflow_choices(app.store())["decline_reasons"]]
    if signal.strip() not in reasons and f"decline-{signal.strip()}" not in reasons:
        short = ", ".join(r.removeprefix("decline-") for r in reasons)
        raise click.BadParameter(f"'{printable(signal)}' is not one of: {short}",
                                 param_hint="'--signal'")


@click.command()
@click.argument("request_id", type=int)
@click.option("--reason", required=True, callback=refuse_blank,
              help="Why it is withdrawn (e.g. --reason 'force withdrew the request').")
@expect_option
@by_option
@json_option
@pass_app
def withdraw(app: AppContext, request_id: int, reason: str, expected_state: str | None,
             by: str, as_json: bool) -> None:
    """Withdraw a request (from any state before delivery); a reason is required.

    \b
    Example:
      catalogue request withdraw 12 --reason "funding fell through"
    """
    from catalogue.core.requests.workflow import withdraw as withdraw_request

    result = withdraw_request(app.store(), request_id, by=by, reason=reason,
                              expected_state=expected_state)
    _done(result, as_json, "Withdrew")


@click.command()
@click.argument("request_id", type=int)
@click.option("--to", "to", required=True,
              type=click.Choice([s for s in FORWARD if s not in {"scheduled", "delivered"}]),
              help="The earlier state to go back to (e.g. --to jiph-approved to re-assess).")
@click.option("--reason", required=True, callback=refuse_blank,
              help="Why (e.g. --reason 'travel advice changed; OSJA to be redone').")
@expect_option
@by_option
@json_option
@pass_app
def reset(app: AppContext, request_id: int, to: str, reason: str, expected_state: str | None,
          by: str, as_json: bool) -> None:
    """Send a request back to an earlier state, undoing the approvals after it.

    \b
    Example:
      catalogue request reset 12 --to jiph-approved --reason "situation changed; re-assess"
    """
    from catalogue.core.requests.workflow import reset as reset_request

    result = reset_request(app.store(), request_id, to=to, by=by, reason=reason,
                           expected_state=expected_state)
    _done(result, as_json, "Reset")


@click.command()
@click.argument("request_id", type=int, required=False)
@click.option("--all", "everything", is_flag=True,
              help="Export the audit trail of every request (streams; fine for millions of rows).")
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV (with a header row).")
@pass_app
def history(app: AppContext, request_id: int | None, everything: bool, as_json: bool,
            as_csv: bool) -> None:
    """Show a request's audit trail (who, when in UTC, from -> to, note), or export all
    (--all writes CSV unless --json is given).

    \b
    Examples:
      catalogue request history 12
      catalogue request history 12 --csv > request-12-history.csv
      catalogue request history --all --json > audit.json
    """
    from catalogue.core.requests.audit import EVENT_COLUMNS, iter_events
    from catalogue.core.requests.audit import history as load_history

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if (request_id is None) == (not everything):
        raise click.UsageError("give a request id, or --all for every request")
    fmt = "json" if as_json else "csv" if as_csv else "table"
    store = app.store()
    if request_id is not None and fmt == "table":
        emit(history_rows(load_history(store, request_id)), HISTORY_COLUMNS, fmt, wrap=("note",),
             empty="No history.")
        return
    events = iter_events(store, request_id)
    out = sys.stdout
    if fmt == "json":
        out.write("[")
        for index, event in enumerate(events):
            out.write(("," if index else "") + "\n  " + dump_json(event, indent=None))
        out.write("\n]\n")
        return
    writer = csv.writer(out, lineterminator="\n")  # --all without --json: CSV
    writer.writerow(EVENT_COLUMNS)
    for event in events:
        event["details"] = json.dumps(event["details"], ensure_ascii=False)
        writer.writerow([csv_cell(event[c]) for c in EVENT_COLUMNS])


@click.command()
@click.argument("request_id", type=int)
@click.argument("programme", callback=refuse_blank)
@by_option
@json_option
@pass_app
def link(app: AppContext, request_id: int, programme: str, by: str, as_json: bool) -> None:
    """Link a request to its programme outline (PROGRAMME is an id, or 'none' to unlink).

    Both sides are updated: the programme shows the request, and the change is recorded in
    the request's audit trail.

    \b
    Examples:
      catalogue request link 12 3
      catalogue request link 12 none
    """
    from catalogue.core.requests.register import link_programme

    text = programme.strip().lower()
    if text in ("none", ""):
        programme_id = None
    elif text.isascii() and text.isdigit() and len(text) <= 12:  # not int("²")
        programme_id = int(text)
    else:
        raise click.BadParameter("use a programme id such as 3, or 'none'",
                                 param_hint="PROGRAMME")
    linked = link_programme(app.store(), request_id, programme_id, by=by)
    _done(linked, as_json, "Unlinked" if programme_id is None else "Linked")
    if not as_json and programme_id is not None:
        click.echo(f"Programme: catalogue programme show {programme_id}")


COMMANDS = [advance, decline, withdraw, reset, history, link]
