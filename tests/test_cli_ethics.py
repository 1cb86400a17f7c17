"""``catalogue ethics``: both editions of the Code of Ethics, or one, as text or JSON."""

from __future__ import annotations

import json


def test_both_editions_newest_first(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("ethics")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("Code of Ethics (2024)  (current edition)") < out.index(
        "Code of Ethics (2014)")
    assert "Principles (3):" in out and "Principles (9):" in out
    assert "Standards of Professional Behaviour (10):" in out
    assert "    - Respect and empathy: " in out and "    - Selflessness: " in out
    assert out.count("Source: College of Policing") == 2


def test_one_edition_as_json(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("ethics", "--edition", "2014", "--json")
    assert result.exit_code == 0, result.output
    [edition] = json.loads(result.output)
    assert (edition["year"], edition["current"]) == (2014, False)
    assert [p["id"] for p in edition["principles"]] == [
        "accountability", "fairness", "honesty", "integrity", "leadership", "objectivity",
        "openness", "respect", "selflessness"]
    assert len(edition["standards"]) == 10
    assert edition["source"].startswith("College of Policing")


def test_an_unknown_edition_is_a_usage_error(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("ethics", "--edition", "2020")
    assert result.exit_code == 2
    assert result.stderr == ("catalogue: no 2020 edition of the Code of Ethics; editions: "
                             "2024, 2014\n")
    assert invoke("ethics", "--edition", "latest").exit_code == 2
