"""``catalogue calendar``: a month of deliveries by country and by trainer, clashes marked,
and the iCalendar feed trainers subscribe to."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from catalogue.cli.blank import refuse_blank
from catalogue.cli.context import AppContext, pass_app
from catalogue.cli.output import dump_json
from catalogue.cli.output_file import OutputFile
from catalogue.core.names import printable
from catalogue.core.trainers.calendar import CalendarEntry, MonthCalendar


@click.command()
@click.option("--month", callback=refuse_blank, help="The month, YYYY-MM (default: this month).")
@click.option("--trainer", "trainer_ref", callback=refuse_blank,
              help="Only this trainer's deliveries (id or name).")
@click.option("--country", callback=refuse_blank, help="Only deliveries in this country.")
@click.option("--json", "as_json", is_flag=True, help="Write the month as JSON.")
@click.option("--ics", "ics_path", type=OutputFile(dir_okay=False),
              help="Write an iCalendar (.ics) feed from --month instead.")
@click.option("--months", default=12, show_default=True, help="Months in the .ics feed.")
@click.option("--force", is_flag=True, help="Replace an existing .ics file.")
@pass_app
def calendar(app: AppContext, month: str | None, trainer_ref: str | None, country: str | None,
             as_json: bool, ics_path: Path | None, months: int, force: bool) -> None:
    """The delivery calendar: deliveries by country and by trainer, with clashes marked.

    The .ics feed is redacted by the public rules: no trainer names, notes or
    unavailability, no titles of programmes with confidential content; a feed of everyone's
    deliveries leaves out in-country ones (the dates of deployed staff are withheld), while a
    trainer's own feed (--trainer) keeps their dates.

    \b
    Examples:
      catalogue calendar --month 2027-03
      catalogue calendar --month 2027-03 --trainer 4
      catalogue calendar --month 2027-01 --months 12 --trainer 4 --ics okafor.ics
    """
    from catalogue.core.lookup import resolve_country
    from catalogue.core.trainers.calendar import month_calendar
    from catalogue.core.trainers.roster import resolve_trainer

    store = app.store()
    month = month or date.today().strftime("%Y-%m")
    trainer_id = resolve_trainer(store, trainer_ref) if trainer_ref else None
    code = resolve_country(store, country).code if country else None
    if ics_path is not None:
        from catalogue.core.exports.atomic import write_atomic
        from catalogue.core.trainers.ical import build_feed

        if code:
            raise click.UsageError("--country does not apply to the .ics feed")
        feed = build_feed(store, month, months, trainer_id=trainer_id)
        write_atomic(ics_path, feed.text, force=force)
        left = (f"; {feed.left_out} in-country deliveries left out (dates withheld)"
                if feed.left_out else "")
        click.echo(f"Wrote {feed.events} deliveries to {printable(str(ics_path))}{left}")
        return
    month_view = month_calendar(store, month, trainer_id=trainer_id, country=code)
    click.echo(dump_json(calendar_dict(month_view)) if as_json else render_month(month_view))


def _entry_line(entry: CalendarEntry) -> str:
    d = entry.delivery
    names = ", ".join(printable(n) for _, n in entry.trainers) or "no trainers"
    mark = "  CLASH" if entry.clashes else ""
    return (f"{d.start[5:] if d.start else '?'}..{d.end[5:] if d.end else '?'}  "
            f"#{d.programme_id} {printable(d.title)} ({d.mode}) - {names}{mark}")


def render_month(month: MonthCalendar) -> str:
    lines = [f"Deliveries in {month.month} ({month.first}..{month.last}): {len(month.entries)}"
             + (f", {month.clash_count} with clashes" if month.clash_count else "")]
    if not month.entries:
        lines.append("  (none)")
        return "\n".join(lines)
    lines += ["", "By country:"]
    for country, entries in month.by_country():
        lines.append(f"  {printable(country)}")
        lines += [f"    {_entry_line(e)}" for e in entries]
    lines += ["", "By trainer:"]
    rows = month.by_trainer()
    if not rows:
        lines.append("  (no trainers assigned)")
    for _ident, name, entries in rows:
        lines.append(f"  {printable(name)}")
        for e in entries:
            d = e.delivery
            lines.append(f"    {d.start}..{d.end}  #{d.programme_id} "
                         f"{printable(d.country_name)}{'  CLASH' if e.clashes else ''}")
    clashes = [(e, c) for e in month.entries for c in e.clashes]
    if clashes:
        lines += ["", "Clashes:"]
        lines += [f"  ! programme {e.delivery.programme_id}: {printable(c.why)}"
                  for e, c in clashes]
    return "\n".join(lines)


def calendar_dict(month: MonthCalendar) -> dict[str, Any]:
    return {"month": month.month, "first": month.first.isoformat(),
            "last": month.last.isoformat(),
            "deliveries": [{**e.delivery._asdict(),
                            "trainers": [{"id": i, "name": n} for i, n in e.trainers],
                            "clashes": [c.to_dict() for c in e.clashes]} for e in month.entries]}
