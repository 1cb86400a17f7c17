"""data/approval-policy.toml and data/travel-advice.csv: validated on load with file:line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.rules.advice import advice_tables
from catalogue.core.rules.policy import load_policy
from catalogue.core.rules.policy_check import FLAG_FACTS

POLICY = "approval-policy.toml"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_shipped_policy_loads_with_every_flag_and_its_local_practice_rules() -> None:
    policy = load_policy(data_dir())
    assert set(policy["flags"]) == set(FLAG_FACTS)
    assert "factors" not in policy and "grades" not in policy  # the points score is gone
    assert policy["osja"]["label"] == "local practice"
    assert policy["osja"]["default_level"] == "head-of-department"
    rules = {r["id"]: r for r in policy["suggest"]}
    assert rules["serious-risk-judged"]["level"] == "minister"
    assert "HLWS444" in rules["serious-risk-judged"]["source"]
    assert "HL9827" in rules["death-penalty"]["source"]
    assert [a["id"] for a in policy["approvers"]] == ["head-of-department", "minister"]
    assert {d["id"] for d in policy["disclosure"]} == {
        "counter-terrorism", "force-vulnerabilities", "commercial-terms", "deployed-staff"}
    assert all(f["source"] and f["why"] for f in policy["flags"].values())
    assert {k for k, v in policy["flags"].items() if v["decline"]} == {
        "decline-jiph-refused", "decline-staff-risk", "decline-no-skills", "decline-ethics"}


Case = tuple[str, Callable[[Path], int | None], str]


def _unknown_placeholder(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, "work for {country} is", "work for {nation} is")
    return _line(path, "{nation}")


def _bad_severity(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'severity = "needs-action"\ntitle = "Consult',
          'severity = "urgent"\ntitle = "Consult')
    return _line(path, '"urgent"')


def _unknown_flag(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'id = "scope-empty"', 'id = "scope-vacant"')
    return _line(path, "scope-vacant")


def _suggest_unknown_level(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'when = ["sanctions"]\nlevel = "minister"', 'when = ["sanctions"]\nlevel = "cabinet"')
    return _line(path, 'level = "cabinet"')


def _suggest_unknown_condition(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'when = ["sanctions"]', 'when = ["sanction"]')
    return _line(path, '"sanction"]')


def _osja_review_days_not_number(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, "review_days = 365", 'review_days = "a year"')
    return _line(path, "review_days = ")


def _unknown_approver(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'default_level = "head-of-department"', 'default_level = "prime-minister"')
    return _line(path, "prime-minister")


def _unknown_condition(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, '"discipline:counter-terrorism"', '"discipline:counter-terror"')
    return _line(path, "discipline:counter-terror\"")


def _reset_to_unknown_state(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'audience = "jiph-approved"', 'audience = "approved"')
    return _line(path, 'audience = "approved"')


def _mission_kind_unknown_key(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'crown-dependency = "crown-dependency"', 'crown-dependency = "embassy-ish"')
    return _line(path, "embassy-ish")


def _coercive_not_bool(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'label = "Public-order units"\ncoercive = true',
          'label = "Public-order units"\ncoercive = "yes"')
    return _line(path, 'coercive = "yes"')


def _unit_is_a_rank(root: Path) -> int | None:
    path = root / POLICY
    _edit(path, 'id = "trainers"', 'id = "inspector"')
    return _line(path, 'id = "inspector"')


CASES: list[Case] = [
    ("unknown placeholder", _unknown_placeholder, "unknown placeholder(s) nation"),
    ("bad severity", _bad_severity, "'severity' is 'urgent'"),
    ("unknown flag id", _unknown_flag, "unknown flag id 'scope-vacant'"),
    ("suggestion names an unknown level", _suggest_unknown_level, "'level' is 'cabinet'"),
    ("suggestion with an unknown condition", _suggest_unknown_condition,
     "unknown condition 'sanction'"),
    ("review days not a number", _osja_review_days_not_number, "must be a whole number"),
    ("unknown default approver", _unknown_approver, "'default_level' is 'prime-minister'"),
    ("unknown condition", _unknown_condition, "unknown condition 'discipline:counter-terror'"),
    ("reset to unknown state", _reset_to_unknown_state, "[reset] audience is 'approved'"),
    ("mission for kind unknown", _mission_kind_unknown_key, "expected one of"),
    ("coercive not a boolean", _coercive_not_bool, "must be true or false"),
    ("unit id clashes with a rank", _unit_is_a_rank, "already a rank"),
]


@pytest.mark.parametrize(("name", "break_it", "problem"), CASES, ids=[c[0] for c in CASES])
def test_policy_mistakes_are_reported_with_file_and_line(
        data_copy: Path, name: str, break_it: Callable[[Path], int | None], problem: str) -> None:
    line = break_it(data_copy)
    with pytest.raises(DataFileError) as caught:
        load_policy(data_copy)
    assert caught.value.path == "data/approval-policy.toml"
    assert caught.value.line == line, str(caught.value)
    assert problem in caught.value.problem


def test_a_missing_flag_is_named(data_copy: Path) -> None:
    path = data_copy / POLICY
    text = path.read_text(encoding="utf-8")
    start = text.index('[[flag]]\nid = "travel-advice-clear"')
    end = text.index("[[flag]]", start + 5)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataFileError, match="missing \\[\\[flag\\]\\] entries for: "
                                            "travel-advice-clear"):
        load_policy(data_copy)


def test_the_suggestion_rules_are_data(data_copy: Path) -> None:
    _edit(data_copy / POLICY, 'when = ["sanctions"]\nlevel = "minister"',
          'when = ["sanctions"]\nlevel = "head-of-department"')
    rules = {r["id"]: r["level"] for r in load_policy(data_copy)["suggest"]}
    assert rules["sanctions"] == "head-of-department"


def test_travel_advice_file_ships_empty() -> None:
    (table,) = advice_tables(data_dir())
    assert table.name == "travel_advice_data"
    assert table.rows == []
    assert "as_of" in table.columns


@pytest.mark.parametrize(("row", "problem"), [
    ("XX,against-all,,2026-01-05,,", "unknown country code 'XX'"),
    ("KE,sometimes,,2026-01-05,,", "level 'sometimes' is not one of"),
    ("KE,against-all,,2026-02-30,,", "not a real date"),
    ("KE,against-all,,05/01/2026,,", "not a date in the form YYYY-MM-DD"),
])
def test_travel_advice_rows_are_checked(data_copy: Path, row: str, problem: str) -> None:
    path = data_copy / "travel-advice.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        advice_tables(data_copy)
    assert caught.value.line == len(path.read_text(encoding="utf-8").splitlines())
    assert problem in caught.value.problem


def test_travel_advice_rows_load(data_copy: Path) -> None:
    path = data_copy / "travel-advice.csv"
    path.write_text(path.read_text(encoding="utf-8")
                    + "KE,against-all-but-essential,north-east,2026-01-05,gov.uk,\n",
                    encoding="utf-8")
    (table,) = advice_tables(data_copy)
    assert table.rows == [{"code": "KE", "level": "against-all-but-essential",
                           "part": "north-east", "as_of": "2026-01-05", "source": "gov.uk",
                           "note": None}]
