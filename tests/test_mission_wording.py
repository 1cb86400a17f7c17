"""The mission line on a country card reads well for every kind of country (the United
Kingdom itself included) and says where the choice of mission comes from."""

from __future__ import annotations

import json

import pytest

from catalogue.core.rules.stored import stored_policy
from catalogue.core.store import Store

#: One country of every kind in [missions_by_kind] that is not assisted (so the kind decides),
#: plus the United Kingdom (chosen by code) and an assisted country (recorded in the CSV).
EXAMPLES = {
    "AD": "sovereign-state", "AI": "overseas-territory", "JE": "crown-dependency",
    "MO": "special-administrative-region", "GL": "dependent-territory",
    "EH": "disputed-territory", "AQ": "uninhabited-territory", "EU": "supranational-union",
    "GB": "sovereign-state", "KE": "sovereign-state",
}


def _mission(invoke, code: str) -> dict:  # type: ignore[no-untyped-def]
    result = invoke("country", code, "--json")
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["kind"] == EXAMPLES[code]
    return next(f for f in card["approvals"] if f["id"] in ("consult-mission", "no-mission"))


def test_every_kind_of_country_is_covered(store: Store) -> None:
    kinds = set(stored_policy(store)["missions_by_kind"])
    assert kinds <= set(EXAMPLES.values())


@pytest.mark.parametrize("code", EXAMPLES)
def test_the_mission_line_reads_well(invoke, code: str) -> None:  # type: ignore[no-untyped-def]
    flag = _mission(invoke, code)
    text = " ".join((flag["title"], flag["why"], flag["source"]))
    for bad in ("the no ", "Consult the no", "{", "}", ": check which:", "..", "None"):
        assert bad not in text, (code, bad, text)
    if flag["id"] == "consult-mission":
        assert flag["title"].startswith("Consult the British") or "Governor" in flag["title"] \
            or "Ministry of Justice" in flag["title"] or "UK Mission" in flag["title"]
    assert "which mission:" in flag["source"] or "no mission:" in flag["source"]


def test_the_united_kingdom_has_no_mission_to_consult(invoke) -> None:  # type: ignore[no-untyped-def]
    flag = _mission(invoke, "GB")
    assert flag["id"] == "no-mission"
    assert flag["title"] == "No British mission to consult for United Kingdom"
    assert "home country" in flag["why"] and "not international assistance" in flag["why"]
    assert "[missions_by_code]" in flag["source"] and "local assumption" in flag["source"]
    out = invoke("country", "United Kingdom").output
    assert "No British mission to consult for United Kingdom (needs-action)" in out
    assert "Consult the no" not in out


def test_the_source_says_whether_the_mission_is_recorded_or_assumed(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "data/countries-assisted.csv" in _mission(invoke, "KE")["source"]
    assert "[missions_by_kind]" in _mission(invoke, "AD")["source"]
    out = invoke("country", "Kenya").output
    assert "source: Source document, 'Joint international policing hub (JIPH)'; which " \
           "mission: recorded for Kenya in data/countries-assisted.csv" in out
