"""``catalogue stats``: the figures behind the app's charts, as tables or JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json, render_table
from catalogue.core.counting import plural


@click.group()
def stats() -> None:
    """Activity in figures: workload, requests over time, step times, delivery by region.

    \b
    Examples:
      catalogue stats disciplines --delivered
      catalogue stats states --months 12 --json
      catalogue stats steps
      catalogue stats regions --discipline counter-terrorism
    """


def _json_option(func: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Write JSON for scripts.")(func)


@stats.command()
@click.option("--delivered", is_flag=True,
              help="Only programmes linked to a request marked delivered.")
@_json_option
@pass_app
def disciplines(app: AppContext, delivered: bool, as_json: bool) -> None:
    """Hours and programmes by discipline."""
    from catalogue.core.stats.workload import discipline_workload

    rows = [asdict(d) for d in discipline_workload(app.store(), delivered_only=delivered)]
    if as_json:
        click.echo(dump_json(rows))
        return
    click.echo(render_table(rows, [("title", "Discipline"), ("programmes", "Programmes"),
                                   ("hours", "Hours")]))


@stats.command()
@click.option("--months", type=click.IntRange(1, 240), default=24, show_default=True,
              help="How many months back from this one.")
@_json_option
@pass_app
def states(app: AppContext, months: int, as_json: bool) -> None:
    """Requests in each state at the end of each month (from the audit trail)."""
    from catalogue.core.requests.states import LABELS
    from catalogue.core.stats.flow import states_over_time

    series = states_over_time(app.store(), months)
    if as_json:
        click.echo(dump_json(asdict(series)))
        return
    rows = [{"month": month, **{state: values[i] for state, values in series.counts.items()}}
            for i, month in enumerate(series.months)]
    click.echo(render_table(rows, [("month", "Month"),
                                   *[(state, LABELS[state]) for state in series.counts]]))


@stats.command()
@_json_option
@pass_app
def steps(app: AppContext, as_json: bool) -> None:
    """Median days each workflow step takes, and the open requests past their target.

    Targets are local practice, from data/workflow-targets.toml (its 'basis' says whose).
    """
    from catalogue.core.stats.flow import step_report

    report = step_report(app.store())
    if as_json:
        click.echo(dump_json(asdict(report)))
        return
    rows = [{"label": s.label, "median": "-" if s.median_days is None else s.median_days,
             "requests": s.requests, "target": s.target_days or "-"} for s in report.steps]
    click.echo(render_table(rows, [("label", "Step (days in state)"), ("median", "Median days"),
                                   ("requests", "Moves measured"),
                                   ("target", "Target days (local practice)")]))
    click.echo(f"\nTargets: {report.basis}.")
    if not report.overdue:
        click.echo(f"No open request is past its target (as of {report.as_of}).")
        return
    click.echo(f"\n{plural(report.overdue_total, 'open request')} past target as of "
               f"{report.as_of}"
               + (f"; the {len(report.overdue)} furthest past:" if report.overdue_total
                  > len(report.overdue) else ":"))
    click.echo(render_table([asdict(o) for o in report.overdue],
                            [("request_id", "Request"), ("country_name", "Country"),
                             ("state", "State"), ("days", "Days in state"),
                             ("target_days", "Target")]))


@stats.command()
@click.option("--discipline", callback=refuse_blank,
              help="Only requests in this discipline (id, title or prefix).")
@_json_option
@pass_app
def regions(app: AppContext, discipline: str | None, as_json: bool) -> None:
    """Training delivered by UN region and year (requests marked delivered, by course start)."""
    from catalogue.core.stats.workload import delivered_by_region

    table = delivered_by_region(app.store(), discipline=discipline)
    if as_json:
        click.echo(dump_json(asdict(table)))
        return
    if not table.years:
        click.echo("No request has been marked delivered" +
                   (" in that discipline." if discipline else "."))
        return
    rows = [{"region": region, **dict(zip(table.years, values, strict=True)),
             "total": sum(values)} for region, values in table.counts.items()]
    click.echo(render_table(rows, [("region", "Region"), *[(y, y) for y in table.years],
                                   ("total", "Total")]))
