"""The rules engine: flags with why and source, prompts and the suggested level, over countries
and disciplines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from catalogue.core.errors import InvalidInputError, NotFoundError
from catalogue.core.rules.advice import set_advice
from catalogue.core.rules.engine import Assessment, assess
from catalogue.core.rules.scope import Scope, build_scope
from catalogue.core.store import Store

TODAY = date(2026, 11, 26)


def _ids(result: Assessment) -> set[str]:
    return {f.id for f in result.flags}


def _assisted(store: Store, priority: bool) -> list[str]:
    return [r[0] for r in store.query("SELECT code FROM countries WHERE assisted = 1 AND "
                                      "hr_priority = ? ORDER BY code", (int(priority),))]


def test_every_priority_country_with_counter_terrorism_suggests_a_minister(
        store: Store) -> None:
    countries = _assisted(store, priority=True)
    assert len(countries) >= 10
    for code in countries:
        result = assess(store, Scope(code, disciplines=["counter-terrorism"]))
        assert result.suggested.level == "minister", code
        assert result.suggested.label == "local practice"
        reasons = " ".join(r["why"] for r in result.suggested.reasons)
        assert "human rights priority list" in reasons and "Counter-terrorism" in reasons


def test_leadership_in_the_uk_suggests_a_minister_only_for_a_sanctions_regime(
        store: Store) -> None:
    countries = _assisted(store, priority=False)
    assert len(countries) >= 50
    for code in countries:
        result = assess(store, Scope(code, disciplines=["leadership"]))
        rules = {r["rule"] for r in result.suggested.reasons}
        if result.risk.has_sanctions:
            assert (result.suggested.level, rules) == ("minister", {"sanctions"}), code
        else:
            assert (result.suggested.level, rules) == ("head-of-department", {"default"}), code


SCOPES: list[dict[str, Any]] = [
    {"disciplines": ["leadership"]},
    {"disciplines": ["counter-terrorism", "forensic-accounting"], "location": "in-country",
     "audience": ["public-order", "wizards"], "delivered_by": ["serving-officers"],
     "ethics_concerns": ["reports of abuse in custody"], "jiph_refused": True},
    {"modules": ["pss-security-coordination-link"], "location": "remote"},
    {},
]


@pytest.mark.parametrize("extra", SCOPES, ids=["leadership", "everything", "module", "empty"])
def test_every_flag_carries_why_and_source_for_every_country(store: Store,
                                                             extra: dict[str, Any]) -> None:
    codes = [r[0] for r in store.query("SELECT code FROM countries WHERE assisted = 1 OR code "
                                       "IN ('JE', 'GL', 'AQ', 'EH', 'MO', 'GB', 'KY')")]
    for code in codes:
        result = assess(store, Scope(code, **extra))
        assert result.flags, code
        for flag in result.flags:
            for text in (flag.title, flag.why, flag.source):
                assert text.strip(), (code, flag.id)
                assert "{" not in text, (code, flag.id, text)
        json.dumps(result.to_dict())  # JSON-ready


def test_every_request_needs_ipab_osja_and_the_mission(store: Store) -> None:
    result = assess(store, Scope("KE", disciplines=["leadership"]))
    ids = _ids(result)
    assert {"ipab-jiph", "osja-assessment", "osja-suggested-level", "consult-mission"} <= ids
    assert "local practice" in result.flag("osja-suggested-level").title  # type: ignore[union-attr]
    assert result.flag("ipab-jiph").severity == "blocker"  # type: ignore[union-attr]
    assert "10 April 2017" in result.flag("osja-assessment").why  # type: ignore[union-attr]
    assert "JIPH" in result.flag("ipab-jiph").source  # type: ignore[union-attr]
    assert not result.decline_signals
    assert "s26-serving-officers" not in ids


@pytest.mark.parametrize(("code", "mission", "note"), [
    ("KE", "British High Commission", ""),
    ("EG", "British Embassy", ""),
    ("EU", "UK Mission to the European Union", "not a country"),
    ("GI", "Governor's Office", "overseas territory"),
    ("KY", "Governor's Office", "overseas territory"),  # not assisted: chosen by kind
    ("HK", "British Consulate-General", ""),
    ("JE", "Ministry of Justice Crown Dependencies team", "Crown dependency"),
    ("GL", "British Embassy or High Commission responsible for Denmark", "dependent territory"),
    ("EH", "British Embassy or High Commission that covers it", "disputed"),
    ("XK", "British Embassy", ""),
    ("AQ", "no British mission", "uninhabited"),
    ("GB", "no British mission", "home country"),
    ("IS", "British High Commission or Embassy", "not among the countries assisted"),
])
def test_the_mission_to_consult_depends_on_the_kind_of_country(store: Store, code: str,
                                                                mission: str, note: str) -> None:
    result = assess(store, Scope(code, disciplines=["leadership"]))
    flag = result.flag("consult-mission") or result.flag("no-mission")
    assert flag is not None
    assert flag.facts["mission"] == mission
    assert note in flag.why


def test_serving_officers_need_section_26_and_home_office_consent(store: Store) -> None:
    result = assess(store, Scope("KE", disciplines=["investigation"],
                                 delivered_by=["staff", "serving-officers"]))
    flag = result.flag("s26-serving-officers")
    assert flag is not None and flag.severity == "blocker"
    assert "Home Office" in flag.title and "Police Act 1996" in flag.source


def test_unknown_disciplines_and_modules_are_a_decline_signal_not_an_error(store: Store) -> None:
    result = assess(store, Scope("KE", disciplines=["forensic-accounting"],
                                 modules=["xx-made-up"]))
    flag = result.flag("decline-no-skills")
    assert flag is not None and flag.decline and flag.severity == "blocker"
    assert "forensic-accounting" in flag.why and "xx-made-up" in flag.why
    assert "Declining international policing assistance" in flag.source
    assert [f.id for f in result.decline_signals] == ["decline-no-skills"]


def test_ethics_concern_and_jiph_refusal_are_decline_signals(store: Store) -> None:
    result = assess(store, Scope("KE", disciplines=["leadership"], jiph_refused=True,
                                 ethics_concerns=["trainees implicated in abuses"]))
    assert {f.id for f in result.decline_signals} == {"decline-ethics", "decline-jiph-refused"}
    assert "trainees implicated in abuses" in result.flag("decline-ethics").why  # type: ignore[union-attr]


def test_advice_against_all_travel_is_a_staff_risk_only_when_staff_travel(store: Store) -> None:
    set_advice(store, "SO", "against-all", date(2026, 11, 1), by="t", today=TODAY)
    abroad = assess(store, Scope("SO", disciplines=["leadership"], location="in-country"))
    flag = abroad.flag("decline-staff-risk")
    assert flag is not None and flag.decline
    assert "2026-11-01" in flag.why and "2026-11-01" in flag.source
    at_home = assess(store, Scope("SO", disciplines=["leadership"], location="uk"))
    assert at_home.flag("decline-staff-risk") is None
    assert at_home.travel_advice and at_home.travel_advice["as_of"] == "2026-11-01"


@pytest.mark.parametrize(("level", "part", "flag_id", "prompted"), [
    ("against-all", "the border with Somalia", "travel-part-against-all", True),
    ("against-all-but-essential", None, "travel-essential-only", True),
    ("against-all-but-essential", "the north-east", "travel-essential-only", True),
    ("none", None, "travel-advice-clear", False),
])
def test_travel_advice_levels(store: Store, level: str, part: str | None, flag_id: str,
                              prompted: bool) -> None:
    set_advice(store, "KE", level, date(2026, 10, 2), by="t", part=part, today=TODAY)
    result = assess(store, Scope("KE", disciplines=["leadership"], location="in-country"))
    flag = result.flag(flag_id)
    assert flag is not None and "2026-10-02" in flag.why + flag.title
    assert not result.decline_signals
    assert ("staff-safety" in {p.id for p in result.prompts}) is prompted


def test_no_advice_recorded_means_check_it_never_an_invented_level(store: Store) -> None:
    result = assess(store, Scope("KE", disciplines=["leadership"], location="in-country"))
    assert result.travel_advice is None
    assert result.flag("travel-advice-unrecorded") is not None
    assert "catalogue advice set KE" in result.flag("travel-advice-unrecorded").why  # type: ignore[union-attr]
    in_uk = assess(store, Scope("KE", disciplines=["leadership"]))
    assert not {i for i in _ids(in_uk) if i.startswith("travel-")}


@pytest.mark.parametrize(("scope", "withheld"), [
    (Scope("KE", disciplines=["leadership"]), {"force-vulnerabilities", "commercial-terms"}),
    (Scope("KE", disciplines=["counter-terrorism"]),
     {"counter-terrorism", "force-vulnerabilities", "commercial-terms"}),
    (Scope("KE", modules=["pss-security-coordination-link"]),
     {"counter-terrorism", "force-vulnerabilities", "commercial-terms"}),
    (Scope("KE", disciplines=["leadership"], location="in-country"),
     {"force-vulnerabilities", "commercial-terms", "deployed-staff"}),
    (Scope("KE", disciplines=["leadership"], delivered_by=["serving-officers"]),
     {"force-vulnerabilities", "commercial-terms", "deployed-staff"}),
    (Scope("KE", disciplines=["investigation"], audience=["counter-terrorism-units"]),
     {"counter-terrorism", "force-vulnerabilities", "commercial-terms"}),
])
def test_disclosure_categories(store: Store, scope: Scope, withheld: set[str]) -> None:
    result = assess(store, scope)
    assert set(result.withhold) == withheld
    for flag in result.flags:
        if flag.id.startswith("withhold-"):
            assert "Disclosing details" in flag.source and flag.facts["matched"]


def test_scope_gaps_are_flagged(store: Store) -> None:
    result = assess(store, Scope("KE", audience=["wizards"]))
    assert {"scope-empty", "audience-unknown"} <= _ids(result)
    assert result.sensitivity == "public"


def test_sensitivity_is_the_most_sensitive_item(store: Store) -> None:
    assert assess(store, Scope("KE", disciplines=["leadership", "organised-crime"])
                  ).sensitivity == "restricted"
    assert assess(store, Scope("KE", modules=["pss-security-coordination-link"])
                  ).sensitivity == "confidential"


def test_bad_scopes_are_clear_errors(store: Store) -> None:
    with pytest.raises(NotFoundError):
        assess(store, Scope("QQ"))
    with pytest.raises(InvalidInputError, match="location"):
        assess(store, Scope("KE", location="moon"))
    with pytest.raises(InvalidInputError, match="deliverer"):
        assess(store, Scope("KE", delivered_by=["volunteers"]))
    with pytest.raises(InvalidInputError, match="before start"):
        assess(store, Scope("KE", start=date(2027, 2, 1), end=date(2027, 1, 1)))


def test_build_scope_resolves_what_users_type(store: Store) -> None:
    scope = build_scope(store, "kingdom of saudi arabia", disciplines=["Counter-terrorism",
                                                                      "Forensic accounting"],
                        modules=["CMD-DECISION-LOGS"], location="in country",
                        audience=["Chief inspector", "Public-order units"],
                        delivered_by=["serving officers"])
    assert scope.country == "SA"
    assert scope.disciplines == ["counter-terrorism", "Forensic accounting"]
    assert scope.modules == ["cmd-decision-logs"]
    assert scope.location == "in-country"
    assert scope.audience == ["chief-inspector", "public-order"]
    assert scope.delivered_by == ["serving-officers"]
    with pytest.raises(InvalidInputError, match="unknown audience"):
        build_scope(store, "Kenya", audience=["wizards"])


def test_editing_the_stored_policy_changes_the_result(store: Store) -> None:
    raw = json.loads(store.scalar("SELECT value FROM policy WHERE key = 'approval'"))
    raw["suggest"] = [r for r in raw["suggest"] if r["id"] != "priority-confidential"]
    with store.write() as conn:
        conn.execute("UPDATE policy SET value = ? WHERE key = 'approval'", (json.dumps(raw),))
    result = assess(store, Scope("PK", disciplines=["counter-terrorism"]))
    assert result.suggested.level == "minister"  # still: the death penalty rule
    result = assess(store, Scope("PK", disciplines=["leadership"]))
    assert result.suggested.level == "head-of-department"
