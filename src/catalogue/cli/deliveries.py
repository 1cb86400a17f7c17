"""``catalogue delivery ...``: a delivery's cohort, attendance and evaluation."""

from __future__ import annotations

import click

from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json
from catalogue.cli.scope_options import by_option
from catalogue.core.names import printable
from catalogue.core.trainers.results import DeliveryResults


@click.group()
def delivery() -> None:
    """What a delivery achieved: who was trained, attendance, evaluation (Kirkpatrick).

    \b
    Examples:
      catalogue delivery cohort 12 --group inspector:6:14:18:"Nairobi CID" --attendance 92
      catalogue delivery evaluate 12 --level reaction --score 4.4 --out-of 5 --method survey
      catalogue delivery show 12
    """


@delivery.command("show")
@click.argument("programme_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")
@pass_app
def show(app: AppContext, programme_id: int, as_json: bool) -> None:
    """A delivery's dates, trainers, cohort, attendance and evaluation."""
    from catalogue.core.trainers.results import delivery_results

    found = delivery_results(app.store(), programme_id)
    click.echo(dump_json(found.to_dict()) if as_json else "\n".join(result_lines(found)))


@delivery.command("cohort")
@click.argument("programme_id", type=int)
@click.option("--group", "groups", multiple=True, required=True,
              help="RANK:WOMEN:MEN[:COMPLETED][:UNIT], e.g. inspector:6:14:18:'Nairobi CID'; "
                   "repeat for each rank or unit.")
@click.option("--attendance", type=float, help="Percentage of sessions attended (0-100).")
@by_option
@pass_app
def cohort(app: AppContext, programme_id: int, groups: tuple[str, ...],
           attendance: float | None, by: str) -> None:
    """Record who was trained (replaces an earlier record of this delivery's cohort)."""
    from catalogue.core.trainers.cohorts import parse_group, record_cohort
    from catalogue.core.trainers.results import delivery_results

    store = app.store()
    record_cohort(store, programme_id, [parse_group(g) for g in groups], by=by,
                  attendance=attendance)
    click.echo("\n".join(result_lines(delivery_results(store, programme_id))))


@delivery.command("evaluate")
@click.argument("programme_id", type=int)
@click.option("--level", required=True,
              help="reaction, learning, behaviour or results (Kirkpatrick 1-4).")
@click.option("--score", type=float, required=True, help="The score on the scale.")
@click.option("--out-of", type=float, default=5, show_default=True, help="The scale's top.")
@click.option("--method", help="How it was measured (e.g. 'end-of-course survey').")
@click.option("--notes", help="What the evaluation found (never in public material).")
@by_option
@pass_app
def evaluate(app: AppContext, programme_id: int, level: str, score: float, out_of: float,
             method: str | None, notes: str | None, by: str) -> None:
    """Record the evaluation at one Kirkpatrick level (replaces an earlier one)."""
    from catalogue.core.trainers.cohorts import record_evaluation
    from catalogue.core.trainers.results import delivery_results

    store = app.store()
    record_evaluation(store, programme_id, level, score, by=by, out_of=out_of, method=method,
                      notes=notes)
    click.echo("\n".join(result_lines(delivery_results(store, programme_id))))


def result_lines(found: DeliveryResults, indent: str = "") -> list[str]:
    from catalogue.core.trainers.cohorts import LEVEL_LABELS

    d = found.delivery
    when = f"{d.start}..{d.end}" if d.dated else "no dates"
    lines = [f"{indent}Programme {d.programme_id}: {printable(d.title)} - "
             f"{printable(d.country_name)}, {d.mode}, {when}"]
    if found.trainers:
        lines.append(f"{indent}  Trainers: {printable(', '.join(found.trainers))}")
    if found.groups:
        done = found.completed
        lines.append(f"{indent}  Trained: {found.participants} ({found.women} women, "
                     f"{found.men} men)" + (f"; {done} completed" if done is not None else ""))
        for g in found.groups:
            unit = f", {printable(g.unit)}" if g.unit else ""
            lines.append(f"{indent}    {g.rank}{unit}: {g.women} women, {g.men} men"
                         + (f", {g.completed} completed" if g.completed is not None else ""))
    else:
        lines.append(f"{indent}  Cohort: not recorded")
    if found.attendance is not None:
        lines.append(f"{indent}  Attendance: {found.attendance:g}%")
    for e in found.evaluations:
        how = f" ({printable(e.method)})" if e.method else ""
        lines.append(f"{indent}  {LEVEL_LABELS[e.level]}: {e.score:g}/{e.out_of:g}{how}")
        if e.notes:
            lines.append(f"{indent}    {printable(e.notes)}")
    if not found.evaluations:
        lines.append(f"{indent}  Evaluation: not recorded")
    return lines
