"""The delivery calendar, its clashes, and the .ics feed parsed back with icalendar."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from catalogue.core.errors import InvalidInputError
from catalogue.core.requests.register import create_request, link_programme
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.core.trainers import roster
from catalogue.core.trainers.assignments import assign
from catalogue.core.trainers.calendar import month_calendar, parse_month, shift_month
from catalogue.core.trainers.ical import build_feed
from trainer_helpers import programme, trainer


def test_parse_month() -> None:
    assert parse_month("2027-02") == (date(2027, 2, 1), date(2027, 2, 28))
    assert shift_month("2027-12", 1) == "2028-01" and shift_month("2027-01", -1) == "2026-12"
    for bad in ("2027-13", "March", "2027-3", ""):
        with pytest.raises(InvalidInputError, match="YYYY-MM"):
            parse_month(bad)


def test_month_shows_deliveries_by_country_and_trainer_with_clashes(store: Store) -> None:
    ident = trainer(store, "A. Okafor")
    other = trainer(store, "B. Jones")
    kenya = programme(store, "2027-02-28", title="Kenya course")  # runs into March
    ghana = programme(store, "2027-03-01", country="Ghana", mode="uk", title="Ghana course")
    programme(store, "2027-04-05", title="April course")
    assign(store, ident, kenya, by="t")
    assign(store, ident, ghana, by="t")
    assign(store, other, ghana, by="t")
    month = month_calendar(store, "2027-03")
    assert [e.delivery.programme_id for e in month.entries] == [kenya, ghana]
    assert [name for name, _ in month.by_country()] == ["Ghana", "Kenya"]
    assert [(name, len(rows)) for _ident, name, rows in month.by_trainer()] == [
        ("A. Okafor", 2), ("B. Jones", 1)]
    assert [r["key"] for r in month.rows("trainer")] == [
        f"{ident}:{kenya}", f"{ident}:{ghana}", f"{other}:{ghana}"]
    assert [r["country"] for r in month.rows("country")] == ["Ghana", "Kenya"]
    days = dict((d.isoformat(), (n, clash)) for d, n, clash in month.days())
    # Kenya runs 02-28..03-01 and Ghana 03-01..03-02: A. Okafor is double booked on the 1st
    assert days["2027-03-01"] == (2, True)
    assert days["2027-03-02"] == (1, False)
    assert days["2027-03-31"] == (0, False)
    assert month.clash_count == 2
    clash = month.entries[0].clashes[0]
    assert clash.trainer == "A. Okafor" and f"programme {ghana}" in clash.why
    assert [e.delivery.programme_id for e in
            month_calendar(store, "2027-03", trainer_id=other).entries] == [ghana]
    assert month_calendar(store, "2027-03", country="GH").entries[0].delivery.title \
        == "Ghana course"


def test_unavailability_is_a_clash(store: Store) -> None:
    ident = trainer(store)
    pid = programme(store, "2027-03-01")
    roster.set_unavailable(store, ident, "2027-03-02", "2027-03-03", by="t", reason="leave")
    assign(store, ident, pid, by="t")
    (entry,) = month_calendar(store, "2027-03").entries
    assert "unavailable 2027-03-02..2027-03-03" in entry.clashes[0].why


def test_request_dates_win_over_the_programme(store: Store) -> None:
    pid = programme(store, "2027-01-04", mode="uk")
    scope = build_scope(store, "Kenya", disciplines=["command"], location="uk",
                        start=date(2027, 3, 15), end=date(2027, 3, 19))
    rid = create_request(store, "Kenya Police Service", scope, by="t").id
    link_programme(store, rid, pid, by="t")
    (entry,) = month_calendar(store, "2027-03").entries
    assert (entry.delivery.start, entry.delivery.end) == ("2027-03-15", "2027-03-19")
    assert entry.delivery.dates_from == f"request {rid}"
    assert month_calendar(store, "2027-01").entries == ()


def test_ics_parses_back_and_is_redacted(store: Store) -> None:
    ident = roster.add_trainer(store, "Canary Trainername", "serving-officer",
                               by="CANARY-BY", force="CANARY-FORCE", languages=["CANARY-LANG"],
                               notes="CANARY-NOTES", disciplines=["command"])
    roster.accredit(store, ident, "discipline", "command", by="t", accredited_on="2026-01-01",
                    expires_on=None, reference="CANARY-REF", today=date(2026, 12, 1))
    roster.set_unavailable(store, ident, "2027-05-01", "2027-05-02", by="t",
                           reason="CANARY-REASON")
    uk = programme(store, "2027-03-01", mode="uk", title="Working title CANARY",
                   public_title="Command in the UK")
    kenya = programme(store, "2027-03-08", title="Kenya in-country")
    secret = programme(store, "2027-03-15", mode="remote", title="Secret course CANARY",
                       modules=("ct-prevent",))
    for pid in (uk, kenya, secret):
        assign(store, ident, pid, by="t")

    public = build_feed(store, "2027-03", 1)
    cal = Calendar.from_ical(public.text)
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"programme-{uk}@catalogue",
                                               f"programme-{secret}@catalogue"]
    assert public.left_out == 1 and "left out" in str(cal["X-WR-CALDESC"])
    first = events[0]
    assert first.decoded("DTSTART") == date(2027, 3, 1)
    assert first.decoded("DTEND") == date(2027, 3, 3)  # the day after the last (2 days)
    assert str(first["LOCATION"]) == "United Kingdom (course for Kenya)"
    assert str(first["SUMMARY"]) == "Command in the UK"
    assert str(events[1]["SUMMARY"]) == "Training programme for Kenya"
    text = public.text.decode()
    assert "CANARY" not in text.upper()

    own = Calendar.from_ical(build_feed(store, "2027-03", 1, trainer_id=ident).text)
    assert len(own.walk("VEVENT")) == 3  # a trainer's own feed keeps in-country dates
    assert "CANARY" not in own.to_ical().decode().upper()


def test_ics_months_bounds(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="number of months"):
        build_feed(store, "2027-03", 0)



def _span(store: Store, pid: int) -> tuple[str, str] | None:
    row = store.one('SELECT start, "end" FROM delivery_spans WHERE programme_id = ?', (pid,))
    return (row[0], row[1]) if row else None


def _outline_span(store: Store, pid: int) -> tuple[str, str] | None:
    from catalogue.core.programmes.outline import build_outline

    outline = build_outline(store, pid)["programme"]
    if not outline["start_date"] or not outline["end_date"]:
        return None
    return outline["start_date"], outline["end_date"]


def test_spans_follow_every_change(store: Store) -> None:
    from catalogue.core.programmes.changes import (
        add_modules,
        delete_programme,
        remove_module,
        set_module,
        update_programme,
    )
    from catalogue.core.requests.register import edit_request

    pid = programme(store, "2027-03-05")  # 12 hours at 6 a day: two days
    assert _span(store, pid) == _outline_span(store, pid) == ("2027-03-05", "2027-03-06")
    add_modules(store, pid, ["inv-peace-interviewing", "cmd-decision-logs"])
    assert _span(store, pid) == _outline_span(store, pid)
    set_module(store, pid, "inv-peace-interviewing", hours=61)
    assert _span(store, pid) == _outline_span(store, pid)
    update_programme(store, pid, {"hours_per_day": "2.5", "start_date": "2027-02-01"})
    assert _span(store, pid) == _outline_span(store, pid)
    remove_module(store, pid, "cmd-decision-logs")
    assert _span(store, pid) == _outline_span(store, pid)
    scope = build_scope(store, "Kenya", disciplines=["command"], location="uk",
                        start=date(2027, 6, 1), end=date(2027, 6, 4))
    rid = create_request(store, "Kenya Police Service", scope, by="t").id
    link_programme(store, rid, pid, by="t")
    assert _span(store, pid) == ("2027-06-01", "2027-06-04")
    edit_request(store, rid, {"end": date(2027, 6, 9)}, by="t")
    assert _span(store, pid) == ("2027-06-01", "2027-06-09")
    link_programme(store, rid, None, by="t")
    assert _span(store, pid) == _outline_span(store, pid)
    update_programme(store, pid, {"start_date": None})
    assert _span(store, pid) is None
    empty = programme(store, "2027-03-01", modules=())
    assert _span(store, empty) is None and _outline_span(store, empty) is None
    delete_programme(store, pid)
    assert store.scalar("SELECT count(*) FROM delivery_spans") == 0


def test_spans_are_rebuilt_when_the_data_changes(store: Store) -> None:
    pid = programme(store, "2027-03-01")
    store.conn.execute("UPDATE modules SET hours = 60 WHERE id = 'cmd-national-decision-model'")
    assert _span(store, pid) == ("2027-03-01", "2027-03-02")  # stale until the data is reseeded
    with store.write() as conn:  # what seed.write records after rebuilding the tables
        conn.execute("UPDATE _meta SET value = 'changed' WHERE key = 'data_hash'")
    assert _span(store, pid) == _outline_span(store, pid) == ("2027-03-01", "2027-03-12")


def test_rebuild_and_trigger_forms_agree(store: Store) -> None:
    from catalogue.core.trainers.spans import REBUILD

    ids = [programme(store, f"2027-0{1 + i % 9}-0{1 + i % 8}",
                     modules=("cmd-national-decision-model", "inv-peace-interviewing")[:1 + i % 2])
           for i in range(12)]
    before = [_span(store, i) for i in ids]
    with store.write() as conn:
        for statement in filter(None, (s.strip() for s in REBUILD.split(";"))):
            conn.execute(statement)
    assert [_span(store, i) for i in ids] == before == [_outline_span(store, i) for i in ids]
