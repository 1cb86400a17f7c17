"""The request register: create, list with filters and paging, edit with approval resets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError, RefusedError
from catalogue.core.requests import audit
from catalogue.core.requests.register import (
    RequestFilter,
    count_requests,
    create_request,
    edit_request,
    get_request,
    link_programme,
    list_requests,
)
from catalogue.core.requests.workflow import withdraw
from catalogue.core.rules.scope import Scope
from catalogue.core.store import Store
from request_helpers import END, START, new_request, walk_to

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_create_records_the_request_and_its_first_audit_row(store: Store) -> None:
    request = create_request(store, "  Kenya Police Service ", Scope(
        "KE", disciplines=["leadership"], audience=["inspector"], cohort=20, start=START,
        end=END, location="in-country"), by="alice", notes="from the 2025 visit")
    assert (request.state, request.requesting_body, request.country_name) == \
        ("received", "Kenya Police Service", "Kenya")
    assert (request.start, request.end, request.cohort) == (START, END, 20)
    (event,) = audit.history(store, request.id)
    assert (event["action"], event["to_state"], event["by"]) == ("created", "received", "alice")
    assert event["details"]["disciplines"] == ["leadership"]


@pytest.mark.parametrize(("body", "scope", "error"), [
    ("", Scope("KE"), InvalidInputError),
    ("x" * 201, Scope("KE"), InvalidInputError),
    ("Body", Scope("QQ"), NotFoundError),
    ("Body", Scope("KE", location="mars"), InvalidInputError),
    ("Body", Scope("KE", cohort=0), InvalidInputError),
])
def test_bad_requests_are_refused_and_nothing_is_saved(store: Store, body: str, scope: Scope,
                                                       error: type[Exception]) -> None:
    with pytest.raises(error):
        create_request(store, body, scope, by="a")
    assert count_requests(store) == 0
    assert audit.count_events(store) == 0


def _populate(store: Store) -> dict[str, int]:
    made = {}
    for days, code, body in [(40, "KE", "Kenya"), (20, "NG", "Nigeria"), (10, "KE", "Kenya 2"),
                             (5, "NO", "Norway"), (1, "PK", "Pakistan"), (0, "EU", "Europol")]:
        request = create_request(store, body, Scope(code, disciplines=["leadership"]), by="a",
                                 now=NOW - timedelta(days=days))
        made[body] = request.id
    walk_to(store, get_request(store, made["Norway"]), "scoping")
    withdraw(store, made["Nigeria"], by="a", reason="no funding")
    return made


def test_list_filters(store: Store) -> None:
    made = _populate(store)

    def bodies(**kwargs: object) -> list[str]:
        rows = list_requests(store, RequestFilter(**kwargs), now=NOW)  # type: ignore[arg-type]
        return [r["requesting_body"] for r in rows]

    assert bodies() == ["Europol", "Pakistan", "Norway", "Kenya 2", "Nigeria", "Kenya"]
    assert bodies(country="KE") == ["Kenya 2", "Kenya"]
    assert bodies(states=["scoping"]) == ["Norway"]
    assert bodies(states=["received", "withdrawn"]) == ["Europol", "Pakistan", "Kenya 2",
                                                        "Nigeria", "Kenya"]
    assert "Nigeria" not in bodies(open_only=True)
    assert bodies(region="Africa") == ["Kenya 2", "Nigeria", "Kenya"]
    assert bodies(region="eastern africa") == ["Kenya 2", "Kenya"]
    assert bodies(region="Europe") == ["Europol", "Norway"]  # liaison area includes the EU
    assert bodies(older_than_days=10) == ["Kenya 2", "Nigeria", "Kenya"]
    assert bodies(newer_than_days=5) == ["Europol", "Pakistan", "Norway"]
    assert bodies(older_than_days=5, newer_than_days=20) == ["Norway", "Kenya 2", "Nigeria"]
    rows = list_requests(store, RequestFilter(country="KE"), now=NOW)
    assert [r["age_days"] for r in rows] == [10, 40]
    assert rows[0]["id"] == made["Kenya 2"] and rows[0]["country_name"] == "Kenya"
    assert count_requests(store, RequestFilter(region="Africa")) == 3
    with pytest.raises(InvalidInputError, match="unknown region"):
        bodies(region="Atlantis")
    with pytest.raises(InvalidInputError, match="unknown state"):
        bodies(states=["approved"])


def test_list_pages_and_sorts(store: Store) -> None:
    _populate(store)
    first = list_requests(store, limit=4, offset=0, now=NOW)
    second = list_requests(store, limit=4, offset=4, now=NOW)
    assert len(first) == 4 and len(second) == 2
    assert {r["id"] for r in first}.isdisjoint({r["id"] for r in second})
    assert count_requests(store) == 6
    oldest = list_requests(store, sort="created", descending=False, limit=1, now=NOW)
    assert oldest[0]["requesting_body"] == "Kenya"
    by_id = list_requests(store, sort="id", descending=False, now=NOW)
    assert [r["id"] for r in by_id] == sorted(r["id"] for r in by_id)
    with pytest.raises(InvalidInputError):
        list_requests(store, sort="colour")
    with pytest.raises(InvalidInputError):
        list_requests(store, limit=0)


@pytest.mark.parametrize(("where", "index"), [
    ("state = 'scoping'", "requests_state_created"),
    ("country = 'KE'", "requests_country_created"),
    ("created_at <= '2026-01-01'", "requests_created"),
])
def test_list_queries_use_an_index(store: Store, where: str, index: str) -> None:
    plan = " ".join(str(tuple(r)) for r in store.query(
        f"EXPLAIN QUERY PLAN SELECT * FROM requests r WHERE {where} "
        "ORDER BY created_at DESC LIMIT 50"))
    assert index in plan, plan


def test_history_uses_its_index(store: Store) -> None:
    plan = " ".join(str(tuple(r)) for r in store.query(
        "EXPLAIN QUERY PLAN SELECT * FROM request_events WHERE request_id = 7 ORDER BY id"))
    assert "request_events_request" in plan


@pytest.mark.parametrize(("state", "changes", "back_to", "cleared"), [
    ("authorised", {"country": "UG"}, "scoping", ["ipab_reference", "osja_grade", "authoriser"]),
    ("jiph-approved", {"disciplines": ["command"]}, "scoping", ["ipab_reference", "jiph_reference"]),
    ("osja-assessed", {"location": "in-country"}, "scoping", ["osja_grade"]),
    ("authorised", {"audience": ["public-order"]}, "jiph-approved", ["osja_grade", "mission"]),
    ("authorised", {"delivered_by": ["staff"]}, "embassy-consulted", ["authoriser"]),
    ("scheduled", {"start": START + timedelta(days=1)}, "authorised", []),
    ("scoping", {"country": "UG"}, None, []),
    ("scheduled", {"cohort": 12}, None, []),
    ("scheduled", {"notes": "phone call"}, None, []),
])
def test_scope_edits_reset_the_affected_approvals(store: Store, state: str,
                                                  changes: dict[str, object], back_to: str | None,
                                                  cleared: list[str]) -> None:
    request = walk_to(store, new_request(store), state)
    events = audit.count_events(store, request.id)
    result = edit_request(store, request.id, changes, by="bob", note="asked by the force")
    assert result.reset_to == back_to
    assert result.request.state == (back_to or state)
    for column in cleared:
        assert getattr(result.request, column) is None, column
    history = audit.history(store, request.id)
    assert history[events]["action"] == "edited"
    assert history[events]["note"] == "asked by the force"
    assert set(history[events]["details"]["changed"]) == set(changes)
    if back_to:
        assert len(history) == events + 2
        reset_row = history[-1]
        assert (reset_row["action"], reset_row["from_state"], reset_row["to_state"]) == \
            ("reset", state, back_to)
        assert reset_row["details"]["undone"] == result.reset_steps
        assert result.reset_steps
    else:
        assert len(history) == events + 1


def test_an_edit_that_changes_nothing_records_nothing(store: Store) -> None:
    request = walk_to(store, new_request(store), "authorised")
    result = edit_request(store, request.id, {"disciplines": ["leadership"]}, by="bob")
    assert result.changed == {} and result.request.state == "authorised"
    assert audit.count_events(store, request.id) == 8  # seven steps and one OSJA assessment version


def test_invalid_edits_change_nothing(store: Store) -> None:
    request = walk_to(store, new_request(store), "authorised")
    before = (get_request(store, request.id), audit.count_events(store, request.id))
    with pytest.raises(InvalidInputError, match="before start"):
        edit_request(store, request.id, {"end": START - timedelta(days=1)}, by="bob")
    with pytest.raises(InvalidInputError, match="cannot edit state"):
        edit_request(store, request.id, {"state": "scheduled"}, by="bob")
    with pytest.raises(NotFoundError):
        edit_request(store, request.id, {"country": "QQ"}, by="bob")
    with pytest.raises(NotFoundError):
        edit_request(store, 999, {"cohort": 3}, by="bob")
    assert (get_request(store, request.id), audit.count_events(store, request.id)) == before


def test_edits_of_finished_requests_are_refused(store: Store) -> None:
    request = walk_to(store, new_request(store), "delivered")
    with pytest.raises(RefusedError, match="no longer be edited"):
        edit_request(store, request.id, {"cohort": 3}, by="bob")


def test_link_programme_is_recorded(store: Store) -> None:
    from catalogue.core.programmes.changes import create_programme

    request = new_request(store)
    programme_id = create_programme(store, {"title": "Outline", "country": "KE"})
    linked = link_programme(store, request.id, programme_id, by="carol")
    assert linked.programme_id == programme_id
    assert audit.history(store, request.id)[-1]["details"] == {
        "programme_id": [None, programme_id]}
    rows = list_requests(store, RequestFilter(programme_id=programme_id))
    assert [r["id"] for r in rows] == [request.id]
    with pytest.raises(NotFoundError):
        link_programme(store, request.id, 9999, by="carol")
