"""Assigning trainers to deliveries: the warnings and their reasons."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import Store
from catalogue.core.trainers import roster
from catalogue.core.trainers.assignments import assign, delivery_team, unassign
from catalogue.core.trainers.audit import programme_history
from catalogue.core.trainers.deliveries import get_delivery
from trainer_helpers import programme, trainer

TODAY = date(2026, 12, 1)


def _ids(member) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.id for w in member.warnings]


def _accredited(store: Store, **kwargs) -> int:  # type: ignore[no-untyped-def]
    ident = trainer(store, **kwargs)
    roster.accredit(store, ident, "discipline", "command", by="t", accredited_on="2026-01-01",
                    expires_on="2029-01-01", today=TODAY)
    return ident


def test_delivery_dates_come_from_the_programme(store: Store) -> None:
    pid = programme(store, "2027-03-01")  # 12 hours at 6 a day: two days
    d = get_delivery(store, pid)
    assert (d.start, d.end, d.dates_from) == ("2027-03-01", "2027-03-02",
                                              "programme (indicative end)")
    assert d.country == "KE" and d.in_country


def test_a_clean_assignment_has_no_warnings(store: Store) -> None:
    ident = _accredited(store)
    pid = programme(store, "2027-03-01", mode="uk")
    assert _ids(assign(store, ident, pid, by="t", role="lead")) == []
    assert [e.action for e in programme_history(store, pid)] == ["assigned"]


def test_double_booking_and_unavailability(store: Store) -> None:
    ident = _accredited(store)
    first = programme(store, "2027-03-01", mode="uk")
    second = programme(store, "2027-03-02", mode="uk", title="Other")
    roster.set_unavailable(store, ident, "2027-03-02", "2027-03-02", by="t")
    assign(store, ident, first, by="t")
    member = assign(store, ident, second, by="t")
    assert _ids(member) == ["double-booking", "unavailable"]
    assert f"programme {first}" in member.warnings[0].why
    assert "2027-03-01 to 2027-03-02" in member.warnings[0].why


def test_accreditation_missing_expired_and_outside(store: Store) -> None:
    ident = trainer(store, disciplines=("command",))
    pid = programme(store, "2027-03-01", mode="uk",
                    modules=("cmd-national-decision-model", "inv-peace-interviewing"))
    member = assign(store, ident, pid, by="t")
    assert sorted(_ids(member)) == ["accreditation-missing", "outside-disciplines"]
    assert "inv-peace-interviewing" in next(w.why for w in member.warnings
                                            if w.id == "outside-disciplines")
    roster.accredit(store, ident, "discipline", "command", by="t", accredited_on="2026-01-01",
                    expires_on="2027-03-01", today=TODAY)
    team = delivery_team(store, pid)
    expired = [w for w in team.members[0].warnings if w.id == "accreditation-expired"]
    assert expired and "expires on 2027-03-01, before the delivery ends on 2027-03-10" \
        in expired[0].why


def test_serving_officer_needs_s26(store: Store) -> None:
    ident = trainer(store, kind="serving-officer", force="Kent Police")
    pid = programme(store, "2027-03-01", mode="uk")
    member = assign(store, ident, pid, by="t")
    warning = next(w for w in member.warnings if w.id == "s26-serving-officer")
    assert "Kent Police" in warning.why and warning.source == "Police Act 1996, section 26"
    assert warning.severity == "needs-action"


def test_travel_advice_against_travel_shows_its_date(store: Store) -> None:
    ident = _accredited(store)
    pid = programme(store, "2027-03-01", mode="in-country")
    assert "travel-advice-unrecorded" in _ids(assign(store, ident, pid, by="t"))
    set_advice(store, "KE", "against-all-but-essential", date(2026, 11, 20), by="t",
               part="within 60 km of the Somali border")
    warning = next(w for w in delivery_team(store, pid).members[0].warnings
                   if w.id == "travel-advice")
    assert "as of 2026-11-20" in warning.why and "Somali border" in warning.why
    set_advice(store, "KE", "none", date(2026, 11, 25), by="t")
    assert delivery_team(store, pid).members[0].warnings == ()


def test_no_dates_is_said_plainly(store: Store) -> None:
    ident = _accredited(store)
    pid = programme(store, None, mode="uk")
    assert _ids(assign(store, ident, pid, by="t")) == ["no-dates"]


def test_bad_assignments_change_nothing(store: Store) -> None:
    ident = _accredited(store)
    pid = programme(store, "2027-03-01", mode="uk")
    with pytest.raises(NotFoundError, match="no trainer 99"):
        assign(store, 99, pid, by="t")
    with pytest.raises(NotFoundError, match="no programme 99"):
        assign(store, ident, 99, by="t")
    with pytest.raises(InvalidInputError, match="unknown role"):
        assign(store, ident, pid, by="t", role="boss")
    assign(store, ident, pid, by="t")
    with pytest.raises(InvalidInputError, match="already assigned"):
        assign(store, ident, pid, by="t")
    assert store.scalar("SELECT count(*) FROM trainer_assignments") == 1
    unassign(store, ident, pid, by="t", reason="illness")
    with pytest.raises(NotFoundError, match="not assigned"):
        unassign(store, ident, pid, by="t")
    assert [e.action for e in programme_history(store, pid)] == ["assigned", "unassigned"]
