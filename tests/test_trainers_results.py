"""Cohorts, attendance and Kirkpatrick evaluation; the country card's delivery history."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.core.country_card import country_card
from catalogue.core.errors import InvalidInputError, RefusedError
from catalogue.core.store import Store
from catalogue.core.trainers.assignments import assign
from catalogue.core.trainers.cohorts import parse_group, record_cohort, record_evaluation
from catalogue.core.trainers.results import country_history, delivery_results
from trainer_helpers import programme, trainer

TODAY = date(2026, 12, 1)


def test_parse_group() -> None:
    group = parse_group("inspector:6:14:18:Nairobi CID: Unit 2")
    assert (group.rank, group.women, group.men, group.completed, group.unit) == (
        "inspector", 6, 14, 18, "Nairobi CID: Unit 2")
    assert parse_group("sergeant:2:3").completed is None
    for bad in ("inspector", "inspector:x:3", "inspector:-1:3"):
        with pytest.raises(InvalidInputError):
            parse_group(bad)


def test_record_and_read_results(store: Store) -> None:
    pid = programme(store, "2026-10-05", cohort=24)
    assign(store, trainer(store), pid, by="t")
    record_cohort(store, pid, [parse_group("Inspector:6:14:18:Nairobi CID"),
                               parse_group("sergeant:2:1:3")], by="t", attendance=92.5,
                  today=TODAY)
    record_evaluation(store, pid, "learning", 78, out_of=100, method="pre/post test", by="t",
                      today=TODAY)
    record_evaluation(store, pid, "1", 4.4, by="t", notes="useful", today=TODAY)
    found = delivery_results(store, pid)
    assert (found.women, found.men, found.participants, found.completed) == (8, 15, 23, 21)
    assert found.groups[0].rank == "inspector" and found.attendance == 92.5
    assert [e.level for e in found.evaluations] == ["reaction", "learning"]
    assert found.trainers == ("A. Okafor",)
    card = country_card(store, "KE")
    assert card["deliveries"]["total"] == 1
    shown = card["deliveries"]["deliveries"][0]
    assert shown["cohort"]["women"] == 8 and shown["evaluations"][1]["score"] == 78


def test_bad_results_are_refused_and_save_nothing(store: Store) -> None:
    pid = programme(store, "2026-10-05", cohort=20)
    future = programme(store, "2027-03-01", cohort=20)
    cases = [
        (lambda: record_cohort(store, pid, [parse_group("inspector:10:11")], by="t",
                               today=TODAY), InvalidInputError, "larger than programme"),
        (lambda: record_cohort(store, pid, [parse_group("inspector:1:1:3")], by="t",
                               today=TODAY), InvalidInputError, "only 2 participants"),
        (lambda: record_cohort(store, pid, [parse_group("general:1:1")], by="t", today=TODAY),
         Exception, "unknown audience level"),
        (lambda: record_cohort(store, pid, [parse_group("inspector:1:1")], by="t",
                               attendance=120, today=TODAY), InvalidInputError, "0 to 100"),
        (lambda: record_cohort(store, future, [parse_group("inspector:1:1")], by="t",
                               today=TODAY), RefusedError, "once delivery has started"),
        (lambda: record_evaluation(store, pid, "happiness", 3, by="t", today=TODAY),
         InvalidInputError, "Kirkpatrick"),
        (lambda: record_evaluation(store, pid, "reaction", 6, by="t", today=TODAY),
         InvalidInputError, "outside the scale 0 to 5"),
    ]
    for call, error, message in cases:
        with pytest.raises(error, match=message):
            call()
    for table in ("delivery_cohorts", "delivery_results", "delivery_evaluations",
                  "trainer_events"):
        assert store.scalar(f"SELECT count(*) FROM {table}") == 0


def test_country_history_is_latest_first_and_only_started(store: Store) -> None:
    old = programme(store, "2025-05-05")
    new = programme(store, "2026-10-05")
    programme(store, "2027-03-01")  # not started
    programme(store, "2026-09-01", country="Ghana")
    history = country_history(store, "KE", today=TODAY)
    assert history.total == 2
    assert [r.delivery.programme_id for r in history.latest] == [new, old]
    assert not history.latest[0].recorded

