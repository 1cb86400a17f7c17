"""Programmes in the database: validation, editing the module list, listing and search."""

from __future__ import annotations

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.programmes import changes, queries, templates
from catalogue.core.programmes.model import parse_date, parse_hours
from catalogue.core.store import reseed
from programme_helpers import make_programme


def _ids(store, programme_id):  # type: ignore[no-untyped-def]
    return [e.module_id for e in queries.get_programme(store, programme_id).modules]


def _snapshot(store):  # type: ignore[no-untyped-def]
    return (store.query("SELECT * FROM programmes ORDER BY id"),
            store.query("SELECT * FROM programme_modules ORDER BY programme_id, position"))


def test_create_stores_resolved_values_and_times(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-national-decision-model"], country="kenia",
                         start_date="2026-05-04", audience_level="Chief inspector",
                         cohort_size="24", delivery_mode="Blended")
    p = queries.get_programme(store, pid)
    assert (p.country, p.audience_level, p.cohort_size, p.delivery_mode) == \
        ("KE", "chief-inspector", 24, "blended")
    assert p.start_date == "2026-05-04"
    assert p.created_at == p.updated_at and p.created_at.endswith("Z")
    assert [(e.module_id, e.hours, e.notes) for e in p.modules] == \
        [("cmd-national-decision-model", None, None)]


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "04/05/2026", "20260504",
                                 "2026-5-4", "next week", ""])
def test_dates_must_be_real_iso_dates(bad: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_date(bad, "start date")
    assert "start date" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("bad", [0, -1, "0", "1000.5", "1e9", "abc", "nan", "inf", True])
def test_hours_must_be_above_zero_and_at_most_1000(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        parse_hours(bad)


@pytest.mark.parametrize(("good", "value"), [("0.5", 0.5), (1000, 1000.0), (" 7.5 ", 7.5)])
def test_hours_in_range_are_accepted(good: object, value: float) -> None:
    assert parse_hours(good) == value


@pytest.mark.parametrize(("field", "value", "error"), [
    ("country", "Atlantis", NotFoundError),
    ("audience_level", "admiral", NotFoundError),
    ("delivery_mode", "hybrid", InvalidInputError),
    ("start_date", "2026-02-30", InvalidInputError),
    ("cohort_size", "0", InvalidInputError),
    ("cohort_size", "2.5", InvalidInputError),
    ("trainers", "-1", InvalidInputError),
    ("hours_per_day", "13", InvalidInputError),
    ("title", "   ", InvalidInputError),
])
def test_bad_field_changes_nothing(store, field: str, value: str,  # type: ignore[no-untyped-def]
                                   error: type[Exception]) -> None:
    pid = make_programme(store, ["cmd-decision-logs"])
    before = _snapshot(store)
    with pytest.raises(error):
        changes.update_programme(store, pid, {"notes": "changed", field: value})
    with pytest.raises(error):
        make_programme(store, [], **{field: value})
    assert _snapshot(store) == before


def test_unknown_module_is_refused_with_suggestions_and_nothing_changes(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    before = _snapshot(store)
    with pytest.raises(NotFoundError) as info:
        changes.add_modules(store, pid, ["cmd-national-decision-model", "cmd-decision-log"])
    assert "cmd-decision-log" in str(info.value) and "did you mean" in str(info.value)
    with pytest.raises(InvalidInputError):
        changes.add_modules(store, pid, ["cmd-gold-silver-bronze"], hours="0")
    with pytest.raises(InvalidInputError):
        changes.add_modules(store, pid, ["cmd-decision-logs"])  # already there
    assert _snapshot(store) == before


def test_add_move_remove_keep_a_dense_order(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-national-decision-model"])
    changes.add_modules(store, pid, ["cmd-gold-silver-bronze", "cmd-span-of-command"])
    changes.add_modules(store, pid, ["CMD-Decision-Logs"], position=2, notes="day 1")
    assert _ids(store, pid) == ["cmd-national-decision-model", "cmd-decision-logs",
                                "cmd-gold-silver-bronze", "cmd-span-of-command"]
    changes.move_module(store, pid, "cmd-span-of-command", 1)
    changes.move_module(store, pid, "2", 4)
    assert _ids(store, pid) == ["cmd-span-of-command", "cmd-decision-logs",
                                "cmd-gold-silver-bronze", "cmd-national-decision-model"]
    changes.remove_module(store, pid, "cmd-gold-silver-bronze")
    changes.remove_module(store, pid, 1)
    assert _ids(store, pid) == ["cmd-decision-logs", "cmd-national-decision-model"]
    positions = [r[0] for r in store.query(
        "SELECT position FROM programme_modules WHERE programme_id = ? ORDER BY position", (pid,))]
    assert positions == [1, 2]
    assert queries.get_programme(store, pid).modules[0].notes == "day 1"


@pytest.mark.parametrize(("call", "error"), [
    (lambda s, p: changes.move_module(s, p, "cmd-decision-logs", 3), InvalidInputError),
    (lambda s, p: changes.move_module(s, p, "cmd-decision-logs", 0), InvalidInputError),
    (lambda s, p: changes.remove_module(s, p, "5"), InvalidInputError),
    (lambda s, p: changes.remove_module(s, p, "cmd-firearms-command"), NotFoundError),
    (lambda s, p: changes.remove_module(s, p, "no-such-module"), NotFoundError),
    (lambda s, p: changes.add_modules(s, p, ["cmd-firearms-command"], position=4),
     InvalidInputError),
    (lambda s, p: changes.set_module(s, p, "cmd-decision-logs", hours="1001"), InvalidInputError),
    (lambda s, p: changes.update_programme(s, 999, {"notes": "x"}), NotFoundError),
])
def test_bad_edits_are_refused_and_change_nothing(store, call, error) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-national-decision-model", "cmd-decision-logs"])
    before = _snapshot(store)
    with pytest.raises(error):
        call(store, pid)
    assert _snapshot(store) == before


def test_hours_override_notes_and_clearing_fields(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"], notes="first", trainers="2")
    changes.set_module(store, pid, "cmd-decision-logs", hours="4.5", notes="short version")
    entry = queries.get_programme(store, pid).modules[0]
    assert (entry.hours, entry.notes) == (4.5, "short version")
    changes.set_module(store, pid, 1, hours="library", notes="")
    entry = queries.get_programme(store, pid).modules[0]
    assert (entry.hours, entry.notes) == (None, None)
    p = changes.update_programme(store, pid, {"notes": "", "trainers": "0"})
    assert (p.notes, p.trainers) == (None, None)


def test_request_link_is_checked_when_requests_exist(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, [])
    has_requests = store.scalar(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'")
    if has_requests:
        with pytest.raises(NotFoundError, match="no request 4242"):
            changes.update_programme(store, pid, {"request_id": "4242"})
    else:
        assert changes.update_programme(store, pid, {"request_id": "4242"}).request_id == 4242
    with pytest.raises(InvalidInputError):
        changes.update_programme(store, pid, {"request_id": "twelve"})
    assert changes.update_programme(store, pid, {"request_id": "none"}).request_id is None


def test_delete_removes_the_module_list(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    keep = make_programme(store, ["cmd-decision-logs"])
    changes.delete_programme(store, pid)
    assert not queries.programme_exists(store, pid)
    assert store.scalar("SELECT count(*) FROM programme_modules WHERE programme_id = ?",
                        (pid,)) == 0
    assert _ids(store, keep) == ["cmd-decision-logs"]
    with pytest.raises(NotFoundError):
        changes.delete_programme(store, pid)


def test_template_starts_with_the_disciplines_standard_modules(store) -> None:  # type: ignore[no-untyped-def]
    pid = templates.create_from_template(store, "Command", {"country": "GH"})
    p = queries.get_programme(store, pid)
    assert p.title == "Command programme"
    assert [e.module_id for e in p.modules] == [
        "cmd-national-decision-model", "cmd-decision-logs", "cmd-multi-agency-jesip",
        "cmd-gold-silver-bronze", "cmd-span-of-command", "cmd-public-order-command",
        "cmd-firearms-command"]
    with pytest.raises(NotFoundError):
        templates.create_from_template(store, "basket weaving", {"country": "GH"})


def test_clone_copies_content_but_not_the_partners_details(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, [("cmd-decision-logs", 4, "local logs"), "cmd-gold-silver-bronze"],
                         start_date="2026-05-04", audience_level="inspector", cohort_size=20,
                         trainers=2, vulnerability_notes="no radios", commercial_terms="paid",
                         osja_grade="high", language_notes="Swahili", notes="pilot")
    copy_id = templates.clone_programme(store, pid, "Ghana", {"title": "Ghana pilot"})
    original, copy = queries.get_programme(store, pid), queries.get_programme(store, copy_id)
    assert (copy.country, copy.title, copy.start_date, copy.cohort_size, copy.trainers,
            copy.notes) == ("GH", "Ghana pilot", "2026-05-04", 20, 2, "pilot")
    assert copy.modules == original.modules
    assert (copy.vulnerability_notes, copy.commercial_terms, copy.osja_grade,
            copy.language_notes, copy.request_id) == (None, None, None, None, None)
    assert original.country == "KE" and original.vulnerability_notes == "no radios"


def test_listing_pages_sorts_and_sizes(store) -> None:  # type: ignore[no-untyped-def]
    a = make_programme(store, [("cmd-decision-logs", 2.5, None), "cmd-gold-silver-bronze"],
                       title="Bravo command", start_date="2026-03-01")
    b = make_programme(store, [], title="alpha leadership", country="Ghana")
    c = make_programme(store, ["inv-golden-hour"], title="Charlie investigation",
                       start_date="2026-01-01")
    rows = queries.list_programmes(store)
    assert [r["id"] for r in rows] == [c, b, a]  # newest change first
    by_id = {r["id"]: r for r in rows}
    assert (by_id[a]["modules"], by_id[a]["hours"]) == (2, 20.5)
    assert (by_id[b]["modules"], by_id[b]["hours"], by_id[b]["country_name"]) == (0, 0, "Ghana")
    assert [r["id"] for r in queries.list_programmes(store, sort="title")] == [b, a, c]
    assert [r["id"] for r in queries.list_programmes(store, sort="start")] == [c, a, b]
    page = queries.list_programmes(store, sort="id", limit=1, offset=1)
    assert [r["id"] for r in page] == [b]
    ghana = queries.ProgrammeFilter(country="GH")
    assert [r["id"] for r in queries.list_programmes(store, ghana)] == [b]
    assert queries.count_programmes(store) == 3 and queries.count_programmes(store, ghana) == 1
    with pytest.raises(InvalidInputError):
        queries.list_programmes(store, sort="colour")


def test_search_uses_title_and_notes_and_follows_edits(store) -> None:  # type: ignore[no-untyped-def]
    a = make_programme(store, [], title="Kenya command course", notes="Follows the 2025 pilot")
    b = make_programme(store, [], title="Ghana leadership")

    def found(text: str) -> list[int]:
        flt = queries.ProgrammeFilter(search=text)
        return sorted(r["id"] for r in queries.list_programmes(store, flt))

    assert found("comm ken") == [a]
    assert found("pilot") == [a]
    assert found("\"' OR 1") == []
    assert found("*** ((") == []
    changes.update_programme(store, b, {"title": "Ghana command"})
    assert found("command") == [a, b]
    changes.delete_programme(store, a)
    assert found("command") == [b]


def test_list_query_uses_an_index_not_a_sort_of_every_row(store) -> None:  # type: ignore[no-untyped-def]
    plan = " ".join(r[3] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT p.id FROM programmes p LEFT JOIN countries c "
        "ON c.code = p.country ORDER BY p.updated_at DESC, p.id DESC LIMIT 50"))
    assert "programmes_updated" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(r[3] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT p.id FROM programmes p WHERE p.country = 'KE' "
        "ORDER BY p.updated_at DESC LIMIT 50"))
    assert "programmes_country" in plan


def test_programmes_survive_reseeding(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"], title="Keep me")
    reseed(store)
    assert queries.get_programme(store, pid).title == "Keep me"
    assert queries.list_programmes(store, queries.ProgrammeFilter(search="keep"))[0]["id"] == pid
