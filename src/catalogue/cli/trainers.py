"""``catalogue trainer ...``: the trainer roster, accreditation, unavailability and
assignments to programme deliveries (warnings with their reasons)."""

from __future__ import annotations

from datetime import date

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, emit, output_options
from catalogue.cli.scope_options import ISO_DATE, by_option
from catalogue.cli.trainer_render import (
    member_lines,
    render_team,
    render_trainer,
    trainer_dict,
)
from catalogue.core.names import printable


@click.group()
def trainer() -> None:
    """The trainer roster: who may deliver what, accredited until when, and where they go.

    \b
    Examples:
      catalogue trainer add "A. Okafor" --kind associate --language French --discipline command
      catalogue trainer accredit 1 --discipline command --on 2026-01-10 --expires 2028-01-09
      catalogue trainer unavailable 1 --from 2027-04-01 --to 2027-04-14 --reason leave
      catalogue trainer assign 1 12 --role lead
      catalogue trainer team 12
    """


def _subject(discipline: str | None, module: str | None) -> tuple[str, str]:
    if bool(discipline) == bool(module):
        raise click.UsageError("give one of --discipline and --module")
    return ("discipline", discipline) if discipline else ("module", module or "")


@trainer.command("add")
@click.argument("name", callback=refuse_blank)
@click.option("--kind", required=True, help="staff, associate or serving-officer.")
@click.option("--force", help="A serving officer's police force (e.g. 'Kent Police').")
@click.option("--language", "languages", multiple=True, help="A language they train in; repeat.")
@click.option("--discipline", "disciplines", callback=refuse_blank, multiple=True,
              help="A discipline they may deliver (id or title); repeat.")
@click.option("--module", "modules", callback=refuse_blank, multiple=True,
              help="A module they may deliver; repeat.")
@click.option("--notes", help="Notes about the trainer (never in public material).")
@by_option
@pass_app
def add(app: AppContext, name: str, kind: str, force: str | None, languages: tuple[str, ...],
        disciplines: tuple[str, ...], modules: tuple[str, ...], notes: str | None,
        by: str) -> None:
    """Add a trainer to the roster (accredit them separately)."""
    from catalogue.core.trainers.roster import add_trainer

    ident = add_trainer(app.store(), name, kind, by=by, force=force, languages=languages,
                        notes=notes, disciplines=disciplines, modules=modules)
    click.echo(f"Added trainer {ident}: {printable(name.strip())}")


@trainer.command("edit")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.option("--name", help="The new name.")
@click.option("--kind", help="staff, associate or serving-officer.")
@click.option("--force", help="A serving officer's police force.")
@click.option("--language", "languages", multiple=True,
              help="Replaces the languages; repeat for more.")
@click.option("--notes", help="Replaces the notes (never in public material).")
@by_option
@pass_app
def edit(app: AppContext, trainer_ref: str, name: str | None, kind: str | None,
         force: str | None, languages: tuple[str, ...], notes: str | None, by: str) -> None:
    """Change a trainer's name, kind, force, languages or notes."""
    from catalogue.core.trainers.roster import edit_trainer, resolve_trainer

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    person = edit_trainer(store, ident, by=by, name=name, kind=kind, force=force,
                          languages=list(languages) if languages else None, notes=notes)
    click.echo(render_trainer(store, person))


@trainer.command("list")
@click.option("--search", help="Words in the name, force, languages or subjects.")
@click.option("--kind", help="staff, associate or serving-officer.")
@click.option("--subject", callback=refuse_blank,
              help="Who may deliver this discipline or module id.")
@output_options
@pass_app
def list_(app: AppContext, search: str | None, kind: str | None, subject: str | None,
          fmt: str) -> None:
    """List the roster by name."""
    from catalogue.core.trainers.roster import list_trainers

    rows = list_trainers(app.store(), search=search, kind=kind, subject=subject)
    emit(rows, [("id", "Id"), ("name", "Name"), ("kind", "Kind"), ("force", "Force"),
                ("languages", "Languages"), ("subjects", "May deliver"),
                ("assignments", "Deliveries")], fmt, empty="No trainers on the roster.")


@trainer.command("show")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def show(app: AppContext, trainer_ref: str, as_json: bool) -> None:
    """One trainer: subjects with accreditation, unavailability and deliveries."""
    from catalogue.core.trainers.roster import get_trainer, resolve_trainer

    store = app.store()
    person = get_trainer(store, resolve_trainer(store, trainer_ref))
    click.echo(dump_json(trainer_dict(store, person)) if as_json
               else render_trainer(store, person))


@trainer.command("subject")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.option("--discipline", "disciplines", callback=refuse_blank, multiple=True,
              help="A discipline; repeat.")
@click.option("--module", "modules", callback=refuse_blank, multiple=True,
              help="A module; repeat.")
@click.option("--remove", is_flag=True, help="Remove the one discipline or module given.")
@by_option
@pass_app
def subject(app: AppContext, trainer_ref: str, disciplines: tuple[str, ...],
            modules: tuple[str, ...], remove: bool, by: str) -> None:
    """Add (or --remove) disciplines and modules a trainer may deliver."""
    from catalogue.core.trainers.roster import add_subjects, remove_subject, resolve_trainer

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    if remove:
        if len(disciplines) + len(modules) != 1:
            raise click.UsageError("--remove takes exactly one --discipline or --module")
        kind, value = _subject(disciplines[0] if disciplines else None,
                               modules[0] if modules else None)
        person = remove_subject(store, ident, kind, value, by=by)
    else:
        person = add_subjects(store, ident, by=by, disciplines=disciplines, modules=modules)
    click.echo(render_trainer(store, person))


@trainer.command("accredit")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.option("--discipline", callback=refuse_blank,
              help="The discipline accredited (covers its modules).")
@click.option("--module", callback=refuse_blank,
              help="The module accredited.")
@click.option("--on", "on", type=ISO_DATE, required=True, help="Date accredited, YYYY-MM-DD.")
@click.option("--expires", type=ISO_DATE, help="Expiry date, YYYY-MM-DD (leave out if none).")
@click.option("--ref", "reference", help="Certificate or record reference.")
@by_option
@pass_app
def accredit_(app: AppContext, trainer_ref: str, discipline: str | None, module: str | None,
              on: date, expires: date | None, reference: str | None, by: str) -> None:
    """Record an accreditation (an expiry already past is refused)."""
    from catalogue.core.trainers.roster import accredit, resolve_trainer

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    kind, value = _subject(discipline, module)
    held = accredit(store, ident, kind, value, by=by, accredited_on=on, expires_on=expires,
                    reference=reference)
    until = f"until {held.expires_on}" if held.expires_on else "with no expiry"
    click.echo(f"Trainer {ident} accredited for {held.kind} {held.subject} "
               f"({printable(held.title)}) from {held.accredited_on} {until}")


@trainer.command("unavailable")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.option("--from", "first", type=ISO_DATE, required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "last", type=ISO_DATE, required=True, help="Last day, YYYY-MM-DD.")
@click.option("--reason", help="Why (never in public material).")
@by_option
@pass_app
def unavailable(app: AppContext, trainer_ref: str, first: date, last: date,
                reason: str | None, by: str) -> None:
    """Record dates a trainer cannot deliver (overlapping an earlier period is refused)."""
    from catalogue.core.trainers.roster import resolve_trainer, set_unavailable

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    period = set_unavailable(store, ident, first, last, by=by, reason=reason)
    click.echo(f"Trainer {ident} unavailable {period.start}..{period.end} (#{period.id})")


@trainer.command("available")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.argument("period", type=int)
@by_option
@pass_app
def available(app: AppContext, trainer_ref: str, period: int, by: str) -> None:
    """Remove an unavailable period (its number is in 'trainer show')."""
    from catalogue.core.trainers.roster import clear_unavailable, resolve_trainer

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    clear_unavailable(store, ident, period, by=by)
    click.echo(f"Trainer {ident}: unavailable period #{period} removed")


@trainer.command("assign")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.argument("programme_id", type=int)
@click.option("--role", default="trainer", show_default=True, help="lead or trainer.")
@by_option
@pass_app
def assign_(app: AppContext, trainer_ref: str, programme_id: int, role: str, by: str) -> None:
    """Assign a trainer to a programme's delivery and show the warnings, with reasons."""
    from catalogue.core.trainers.assignments import assign
    from catalogue.core.trainers.roster import resolve_trainer

    store = app.store()
    member = assign(store, resolve_trainer(store, trainer_ref), programme_id, by=by, role=role)
    click.echo(f"Assigned {printable(member.trainer.name)} (trainer {member.trainer.id}) to "
               f"programme {programme_id} as {member.role}")
    click.echo("\n".join(member_lines(member, indent="  ")))


@trainer.command("unassign")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@click.argument("programme_id", type=int)
@click.option("--reason", help="Why, for the audit trail.")
@by_option
@pass_app
def unassign_(app: AppContext, trainer_ref: str, programme_id: int, reason: str | None,
              by: str) -> None:
    """Take a trainer off a programme's delivery."""
    from catalogue.core.trainers.assignments import unassign
    from catalogue.core.trainers.roster import resolve_trainer

    store = app.store()
    ident = resolve_trainer(store, trainer_ref)
    unassign(store, ident, programme_id, by=by, reason=reason)
    click.echo(f"Trainer {ident} taken off programme {programme_id}")


@trainer.command("team")
@click.argument("programme_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def team(app: AppContext, programme_id: int, as_json: bool) -> None:
    """A programme's delivery (dates, place) and its trainers with their warnings."""
    from catalogue.cli.trainer_render import team_dict
    from catalogue.core.trainers.assignments import delivery_team

    found = delivery_team(app.store(), programme_id)
    click.echo(dump_json(team_dict(found)) if as_json else render_team(found))


@trainer.command("history")
@click.argument("trainer_ref", metavar="TRAINER", callback=refuse_blank)
@output_options
@pass_app
def history(app: AppContext, trainer_ref: str, fmt: str) -> None:
    """A trainer's audit trail: every roster and assignment change, oldest first.

    Who is the OS login that made the change (or the signed-in user of a served session),
    with a name given by --by as "on behalf of"."""
    from dataclasses import asdict

    from catalogue.core.trainers.audit import trainer_history
    from catalogue.core.trainers.roster import resolve_trainer

    store = app.store()
    rows = [{**asdict(e), "who": e.who}
            for e in trainer_history(store, resolve_trainer(store, trainer_ref))]
    emit(rows, [("id", "#"), ("at", "At"), ("who", "Who"), ("action", "Action"),
                ("programme_id", "Programme"), ("details", "Details")], fmt,
         empty="No changes recorded.", wrap=("who",))
