"""``catalogue check`` and ``catalogue advice``."""

from __future__ import annotations

import json

import pytest


def test_check_text_lists_facts_prompts_suggestion_and_flags(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "Pakistan", "--discipline", "counter-terrorism",
                    "--location", "in-country", "--audience", "armed-units")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "nothing saved" in out
    assert "computed" not in out.lower() and "grade" not in out.lower()
    assert "Suggested minimum approval level (local practice, not " in out
    assert "policy): Minister" in out
    assert "Pakistan retains the death penalty (source: Amnesty International" in out
    assert "on the FCDO 2022 list" in out and "published 2023-07" in out
    assert "[death-penalty] Could this assistance contribute to a death sentence" in out
    assert "Ministers must be consulted" in out and "HL9827" in out
    assert "wording: organisation's own wording" in out
    assert "BLOCKER  International Police Assistance Board (IPAB) form to Joint" in out
    assert out.count("source: ") >= out.count("why: ") >= 6  # facts and reasons cite too
    assert "Check the FCDO travel advice for Pakistan" in out


def test_check_json(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "kenya", "--discipline", "Leadership", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    suggested = data["suggested_minimum"]
    assert (suggested["level"], suggested["label"], data["country"]["code"]) == \
        ("head-of-department", "local practice", "KE")
    assert data["guidance_edition"]["published"] == "2017-01-26"
    assert {p["id"] for p in data["prompts"]} >= {"serious-risk", "stage1-situation"}
    assert all(p["why"] and p["source"] for p in data["prompts"])
    assert data["scope"]["disciplines"] == ["leadership"]
    assert all(f["why"] and f["source"] for f in data["flags"])


def test_check_for_the_eu_names_its_mission(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "EU", "--discipline", "investigation", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["decline_signals"] == []
    mission = next(f for f in data["flags"] if f["id"] == "consult-mission")
    assert "UK Mission to the European Union" in mission["title"]
    assert "not a country" in mission["why"]


def test_check_with_serving_officers_and_jiph_refusal(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--country", "Gibraltar", "--discipline", "investigation",
                    "--delivered-by", "serving-officers", "--jiph-refused", "--json")
    data = json.loads(result.output)
    ids = {f["id"] for f in data["flags"]}
    assert {"s26-serving-officers", "decline-jiph-refused"} <= ids
    mission = next(f for f in data["flags"] if f["id"] == "consult-mission")
    assert "Governor" in mission["title"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["check", "--discipline", "leadership"], 2, "--country is required"),
    (["check", "--country", "Atlantis"], 1, "no country or region matches"),
    (["check", "--country", "Kenya", "--audience", "wizards"], 2, "unknown audience"),
    (["check", "--country", "Kenya", "--location", "moon"], 2, "Invalid value for '--location'"),
    (["check", "--country", "Kenya", "--start", "2026-02-30"], 2, "not a real date"),
    (["check", "--country", "Kenya", "--start", "2027-03-02", "--end", "2027-03-01"], 2,
     "before start"),
])
def test_check_errors(invoke, args: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert message in result.output


def test_advice_set_list_and_clear(invoke) -> None:  # type: ignore[no-untyped-def]
    empty = invoke("advice", "list")
    assert empty.exit_code == 0 and "No travel advice recorded" in empty.output
    done = invoke("advice", "set", "Kenya", "against-all-but-essential", "--as-of", "2026-11-20",
                  "--part", "within 60 km of the Somali border", "--by", "alice")
    assert done.exit_code == 0, done.output
    assert "as of 2026-11-20" in done.output
    listed = json.loads(invoke("advice", "list", "--json").output)
    assert [(e["code"], e["level"], e["as_of"], e["set_by"]) for e in listed] == \
        [("KE", "against-all-but-essential", "2026-11-20", "alice")]
    checked = json.loads(invoke("check", "--country", "KE", "--discipline", "leadership",
                                "--location", "in-country", "--json").output)
    assert checked["travel_advice"]["as_of"] == "2026-11-20"
    essential = next(f for f in checked["flags"] if f["id"] == "travel-essential-only")
    assert "2026-11-20" in essential["why"]
    assert "as of 2026-11-20" in invoke("check", "--country", "KE", "--discipline",
                                        "leadership").output
    cleared = invoke("advice", "clear", "Kenya")
    assert cleared.exit_code == 0 and "no travel advice is recorded" in cleared.output
    again = invoke("advice", "clear", "Kenya")
    assert again.exit_code == 1


@pytest.mark.parametrize(("args", "message"), [
    (["advice", "set", "Kenya", "sometimes", "--as-of", "2026-11-20"], "unknown travel-advice"),
    (["advice", "set", "Kenya", "none", "--as-of", "2026-13-01"], "not a real date"),
    (["advice", "set", "Kenya", "none"], "Missing option '--as-of'"),
    (["advice", "set", "Kenya", "none", "--as-of", "2999-01-01"], "in the future"),
])
def test_advice_errors_are_usage_errors(invoke, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "No travel advice" in invoke("advice", "list").output
