"""Outline computations on known programmes: totals, days, coverage, warnings, approvals."""

from __future__ import annotations

import pytest

from catalogue.core.programmes import changes
from catalogue.core.programmes.computations import end_date
from catalogue.core.programmes.outline import build_outline
from programme_helpers import make_programme


def _kinds(outline):  # type: ignore[no-untyped-def]
    return [(w["kind"], w["module_id"], w.get("related_module_id")) for w in outline["warnings"]]


def test_totals_and_days_by_discipline(store) -> None:  # type: ignore[no-untyped-def]
    # 12 + 3 (overridden from 6) + 18 command hours, 30 investigation hours
    pid = make_programme(store, ["inv-investigation-foundations", "cmd-national-decision-model",
                                 ("cmd-decision-logs", 3, None), "cmd-gold-silver-bronze"])
    outline = build_outline(store, pid)
    assert outline["totals"] == {"modules": 4, "hours": 63.0, "hours_per_day": 6.0,
                                 "training_days": 10.5, "scheduled_days": 11, "withheld_modules": 0}
    assert [(r["id"], r["modules"], r["hours"], r["days"])
            for r in outline["days_by_discipline"]] == [
        ("command", 3, 33.0, 5.5), ("investigation", 1, 30.0, 5.0)]
    logs = outline["modules"][2]
    assert (logs["hours"], logs["library_hours"], logs["hours_overridden"]) == (3.0, 6.0, True)
    assert [m["position"] for m in outline["modules"]] == [1, 2, 3, 4]


def test_hours_per_day_can_be_set_per_programme(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-gold-silver-bronze"], hours_per_day="7.5")
    totals = build_outline(store, pid)["totals"]
    assert (totals["hours_per_day"], totals["training_days"], totals["scheduled_days"]) == \
        (7.5, 2.4, 3)


def test_an_empty_programme_adds_up_to_nothing(store) -> None:  # type: ignore[no-untyped-def]
    outline = build_outline(store, make_programme(store, []))
    assert outline["totals"]["hours"] == 0 and outline["totals"]["scheduled_days"] == 0
    assert outline["sensitivity"] == "public" and outline["days_by_discipline"] == []
    assert {w["principle_id"] for w in outline["warnings"]} == {"human-rights", "gender-equality"}


def test_learning_outcomes_are_gathered_per_module(store) -> None:  # type: ignore[no-untyped-def]
    outline = build_outline(store, make_programme(store, ["cmd-decision-logs"]))
    assert outline["modules"][0]["outcomes"][0] == \
        "Record decisions and their rationale at the time they are made."
    assert len(outline["modules"][0]["outcomes"]) == 3


def test_principle_coverage_and_its_warnings(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    outline = build_outline(store, pid)
    covered = {p["id"]: p["modules"] for p in outline["principles"] if p["covered"]}
    assert covered == {"accountability": ["cmd-decision-logs"]}
    assert len(outline["principles"]) == 7
    missing = [w for w in outline["warnings"] if w["kind"] == "principle-missing"]
    assert [w["principle_id"] for w in missing] == ["human-rights", "gender-equality"]
    assert "Human rights" in missing[0]["message"]
    changes.add_modules(store, pid, ["cmd-national-decision-model"], position=1)
    outline = build_outline(store, pid)
    assert [w["principle_id"] for w in outline["warnings"]
            if w["kind"] == "principle-missing"] == ["gender-equality"]
    changes.add_modules(store, pid, ["inv-community-impact"])
    assert not [w for w in build_outline(store, pid)["warnings"]
                if w["kind"] == "principle-missing"]


def test_prerequisite_order_and_missing_prerequisites(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs", "cmd-national-decision-model",
                                 "cmd-span-of-command"], audience_level="chief-officer")
    kinds = _kinds(build_outline(store, pid))
    assert ("prerequisite-order", "cmd-decision-logs", "cmd-national-decision-model") in kinds
    assert ("prerequisite-missing", "cmd-span-of-command", "cmd-gold-silver-bronze") in kinds
    changes.move_module(store, pid, "cmd-national-decision-model", 1)
    changes.add_modules(store, pid, ["cmd-gold-silver-bronze"], position=3)
    assert [k for k in _kinds(build_outline(store, pid)) if k[0].startswith("prereq")] == []


def test_modules_above_the_audience_level_are_warned_about(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-national-decision-model", "cmd-gold-silver-bronze"],
                         audience_level="sergeant")
    outline = build_outline(store, pid)
    level = [w for w in outline["warnings"] if w["kind"] == "level"]
    assert [w["module_id"] for w in level] == ["cmd-gold-silver-bronze"]
    assert "Inspector" in level[0]["message"] and "Sergeant" in level[0]["message"]
    changes.update_programme(store, pid, {"audience_level": "inspector"})
    assert not [w for w in build_outline(store, pid)["warnings"] if w["kind"] == "level"]


@pytest.mark.parametrize(("modules", "expected"), [
    (["cmd-decision-logs"], "public"),
    (["cmd-decision-logs", "aml-suspicious-activity-reports"], "restricted"),
    (["aml-suspicious-activity-reports", "pss-security-coordination-link"], "confidential"),
    (["ct-contest-four-ps", "cmd-decision-logs"], "confidential"),
])
def test_highest_sensitivity_of_the_content(store, modules: list[str], expected: str) -> None:  # type: ignore[no-untyped-def]
    assert build_outline(store, make_programme(store, modules))["sensitivity"] == expected


def test_a_module_gone_from_the_library_is_kept_and_warned_about(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"])
    with store.write() as conn:
        conn.execute("INSERT INTO programme_modules (programme_id, position, module_id, hours) "
                     "VALUES (?, 2, 'old-retired-module', 5)", (pid,))
    outline = build_outline(store, pid)
    gone = outline["modules"][1]
    assert (gone["in_library"], gone["hours"], gone["sensitivity"]) == (False, 5.0, "confidential")
    assert ("not-in-library", "old-retired-module", None) in _kinds(outline)
    assert outline["totals"]["hours"] == 11.0


@pytest.mark.parametrize(("start", "days", "end"), [
    ("2026-05-04", 1, "2026-05-04"), ("2026-05-04", 5, "2026-05-08"),
    ("2026-05-04", 6, "2026-05-11"), ("2026-05-04", 10, "2026-05-15"),
    ("2026-05-04", 11, "2026-05-18"), ("2026-05-03", 5, "2026-05-07"),  # a Sunday-Thursday week
    (None, 5, None), ("2026-05-04", 0, None),
])
def test_indicative_end_date(start: str | None, days: int, end: str | None) -> None:
    assert end_date(start, days) == end


def test_outline_fields_and_dates(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-gold-silver-bronze", "cmd-public-order-command"],
                         start_date="2026-05-04", audience_level="inspector", cohort_size=18)
    p = build_outline(store, pid)["programme"]
    assert p["country"] == {"code": "KE", "name": "Kenya"}
    assert p["audience_level"] == {"id": "inspector", "name": "Inspector", "rank": 3}
    # 18 + 30 hours = 8 days: Mon 4 May to Fri 8 May, then Mon 11 to Wed 13 May
    assert (p["start_date"], p["end_date"], p["cohort_size"]) == ("2026-05-04", "2026-05-13", 18)


def test_approval_flags_come_from_the_rules_engine(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-decision-logs"], delivery_mode="uk")
    approval = build_outline(store, pid)["approval"]
    ids = [f["id"] for f in approval["flags"]]
    assert {"ipab-jiph", "osja-assessment", "osja-suggested-level"} <= set(ids)
    assert approval["location"] == "uk" and "travel-advice-unrecorded" not in ids
    assert approval["approver"] and approval["suggested_label"] == "local practice"
    assert "grade" not in approval
    for flag in approval["flags"]:
        assert flag["why"] and flag["source"]
    changes.update_programme(store, pid, {"delivery_mode": "blended"})
    approval = build_outline(store, pid)["approval"]
    assert approval["location"] == "in-country"
    assert "travel-advice-unrecorded" in [f["id"] for f in approval["flags"]]


def test_content_and_country_change_the_suggested_level(store) -> None:  # type: ignore[no-untyped-def]
    plain = build_outline(store, make_programme(store, ["cmd-decision-logs"], delivery_mode="uk"))
    risky = build_outline(store, make_programme(
        store, ["ct-prevent", "ct-contest-four-ps"], delivery_mode="in-country", country="Egypt"))
    assert (plain["approval"]["approver"], risky["approval"]["approver"]) == \
        ("head-of-department", "minister")
    assert any("Egypt" in reason for reason in risky["approval"]["suggested_reasons"])
