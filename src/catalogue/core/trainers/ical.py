"""The delivery calendar as iCalendar (RFC 5545), built with the ``icalendar`` library, for
trainers to subscribe their calendars to.

Redacted by the public rules (the classes of ``catalogue.core.disclosure``): only fields
classed public appear (no trainer names or forces, no notes, no unavailability), and a
programme appears under its public title (or "Training programme for COUNTRY"), never its
working title. The exact dates of in-country or blended delivery are the
movements of deployed staff: a feed of everyone's deliveries leaves those deliveries out
(its description counts them); a trainer's own feed (``trainer_id``) keeps their dates, since
it goes only to the trainer deployed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from catalogue.core.counting import plural
from catalogue.core.dates import utc_now
from catalogue.core.store import Store
from catalogue.core.trainers.calendar import parse_month, shift_month
from catalogue.core.trainers.deliveries import Delivery, deliveries_between
from catalogue.core.trainers.disclosure import public_titles

PRODID = "-//catalogue//delivery calendar//EN"
MAX_MONTHS = 36


@dataclass(frozen=True)
class Feed:
    text: bytes
    events: int
    left_out: int  # in-country deliveries left out of an all-deliveries feed


def place(delivery: Delivery) -> str:
    """Where the delivery happens, in words."""
    if delivery.mode == "uk":
        return f"United Kingdom (course for {delivery.country_name})"
    if delivery.mode == "remote":
        return f"Remote (course for {delivery.country_name})"
    return f"{delivery.country_name} ({delivery.mode})"


def build_feed(store: Store, first_month: str, months: int = 12, *,
               trainer_id: int | None = None) -> Feed:
    """Every delivery overlapping ``months`` months from ``first_month``, one event each."""
    from icalendar import Calendar, Event

    from catalogue.core.errors import InvalidInputError

    if not 1 <= months <= MAX_MONTHS:
        raise InvalidInputError(f"the number of months must be 1 to {MAX_MONTHS}",
                                fields=("months",))
    first, _ = parse_month(first_month)
    _, last = parse_month(shift_month(first_month, months - 1))
    only = None
    if trainer_id is not None:
        only = [r[0] for r in store.query("SELECT programme_id FROM trainer_assignments "
                                          "WHERE trainer_id = ?", (trainer_id,))]
    found = deliveries_between(store, first, last, programme_ids=only)
    counts: dict[int, int] = {}
    ids = [d.programme_id for d in found]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        counts.update((r[0], r[1]) for r in store.query(
            "SELECT programme_id, count(*) FROM trainer_assignments WHERE programme_id IN "
            f"({','.join('?' * len(part))}) GROUP BY programme_id", part))
    seen = {d.programme_id: (d, counts.get(d.programme_id, 0)) for d in found}
    titles = public_titles(store, [d for d, _ in seen.values()])
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = "Deliveries" if trainer_id is None else f"Deliveries: trainer {trainer_id}"
    cal.add("x-wr-calname", name)
    stamp = utc_now()
    events = left_out = 0
    for delivery, trainers in sorted(seen.values(), key=lambda p: (p[0].start or "",
                                                                    p[0].programme_id)):
        if trainer_id is None and delivery.in_country:
            left_out += 1
            continue
        event = Event()
        event.add("uid", f"programme-{delivery.programme_id}@catalogue")
        event.add("dtstamp", stamp)
        event.add("summary", titles[delivery.programme_id])
        event.add("dtstart", date.fromisoformat(delivery.start or ""))
        # DTEND of an all-day event is the day after the last day (RFC 5545 3.6.1).
        event.add("dtend", date.fromisoformat(delivery.end or "") + timedelta(days=1))
        event.add("location", place(delivery))
        event.add("description", f"Programme {delivery.programme_id}; delivery {delivery.mode}; "
                                 f"{plural(trainers, 'trainer')} assigned; dates from "
                                 f"{delivery.dates_from}")
        event.add("categories", [delivery.mode])
        cal.add_component(event)
        events += 1
    description = (f"{plural(events, 'delivery', 'deliveries')} from {first_month}, "
                   f"{plural(months, 'month')}")
    if left_out:
        description += (f"; {left_out} in-country or blended deliveries left out (their dates "
                        "are withheld: British staff deployed overseas)")
    cal.add("x-wr-caldesc", description)
    return Feed(cal.to_ical(), events, left_out)
