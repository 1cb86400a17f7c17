"""Cost estimates: the arithmetic, the risk uplift by OSJA grade, and the rates file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.programmes import changes
from catalogue.core.programmes.costing import estimate, load_rates, stored_rates
from catalogue.core.programmes.outline import build_outline
from programme_helpers import make_programme

RATES = {"currency": "GBP", "source": "agreed by Finance, 2026", "hours_per_day": 6.0,
         "day_rate": 500.0,
         "per_diem": {"uk": 0.0, "in-country": 100.0, "remote": 0.0, "blended": 50.0},
         "travel": {"uk": 0.0, "in-country": 1000.0, "remote": 0.0, "blended": 800.0},
         "risk_uplift": {"low": 0.0, "medium": 10.0, "high": 40.0}}


def _amounts(result):  # type: ignore[no-untyped-def]
    return {line["item"]: line["amount"] for line in result["lines"]}


def test_estimate_arithmetic_with_a_high_risk_uplift() -> None:
    result = estimate(RATES, trainers=2, scheduled_days=5, delivery_mode="in-country",
                      grade="high", grade_source="recorded OSJA grade")
    assert _amounts(result) == {"Trainer fees": 5000.0, "Risk uplift": 2000.0,
                                "Per-diem": 1000.0, "Travel": 2000.0}
    assert (result["total"], result["trainer_days"], result["label"]) == (10000.0, 10, "estimate")


@pytest.mark.parametrize(("grade", "uplift"), [("low", 0.0), ("medium", 300.0), ("high", 1200.0),
                                               (None, 0.0)])
def test_riskier_work_earns_a_higher_return(grade: str | None, uplift: float) -> None:
    result = estimate(RATES, trainers=1, scheduled_days=6, delivery_mode="uk", grade=grade,
                      grade_source="test")
    assert _amounts(result)["Risk uplift"] == uplift
    assert _amounts(result)["Per-diem"] == 0 and _amounts(result)["Travel"] == 0


def test_blended_delivery_uses_its_own_rates() -> None:
    result = estimate(RATES, trainers=3, scheduled_days=4, delivery_mode="blended", grade="low",
                      grade_source="test")
    assert _amounts(result)["Per-diem"] == 600.0 and _amounts(result)["Travel"] == 2400.0


def test_shipped_rates_load_and_are_seeded(store) -> None:  # type: ignore[no-untyped-def]
    rates = load_rates(data_dir())
    assert rates["currency"] == "GBP" and rates["hours_per_day"] == 6
    assert "example rates" in rates["source"]  # the shipped rates say they are examples
    assert set(rates["per_diem"]) == set(rates["travel"]) == {"uk", "in-country", "remote",
                                                              "blended"}
    assert rates["risk_uplift"]["low"] <= rates["risk_uplift"]["medium"] <= \
        rates["risk_uplift"]["high"]
    assert stored_rates(store) == rates


def test_outline_costs_only_with_trainers_and_the_recorded_risk_grade(store) -> None:  # type: ignore[no-untyped-def]
    pid = make_programme(store, ["cmd-gold-silver-bronze", "cmd-decision-logs"])  # 24 h = 4 days
    assert build_outline(store, pid)["costing"] is None
    changes.update_programme(store, pid, {"trainers": "2"})
    outline = build_outline(store, pid)
    costing, rates = outline["costing"], stored_rates(store)
    assert (costing["osja_grade"], costing["grade_source"]) == (None, None)  # none invented
    assert "Risk uplift" not in _amounts(costing) or _amounts(costing)["Risk uplift"] == 0
    assert _amounts(costing)["Trainer fees"] == 2 * 4 * rates["day_rate"]
    changes.update_programme(store, pid, {"osja_grade": "high"})
    costing = build_outline(store, pid)["costing"]
    assert (costing["osja_grade"], costing["grade_source"]) == \
        ("high", "risk grade recorded for pricing")
    assert _amounts(costing)["Risk uplift"] == round(
        2 * 4 * rates["day_rate"] * rates["risk_uplift"]["high"] / 100, 2)
    assert costing["total"] == round(sum(_amounts(costing).values()), 2)


def _rates_file(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    (root / "costing.toml").write_text(text, encoding="utf-8")
    return root


GOOD = """currency = "GBP"
source = "agreed by Finance, 2026"
hours_per_day = 6
day_rate = 650

[per_diem]
uk = 0
in-country = 180
remote = 0
blended = 120

[travel]
uk = 0
in-country = 1100
remote = 0
blended = 1100

[risk_uplift]
low = 0
medium = 15
high = 30
"""


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ('day_rate = 650', 'day_rate = "650"', 4, "must be a number"),
    ('day_rate = 650', 'day_rate = -5', 4, "expected 0 to"),
    ('medium = 15', 'medium = 15\nextreme = 90', 21, "unknown key 'extreme'"),
    ('remote = 0\nblended = 120', 'blended = 120', 6, "missing 'remote'"),
    ('currency = "GBP"', 'currency = "pounds"', 1, "three-letter code"),
    ('source = "agreed by Finance, 2026"', 'source = "  "', 2, "where the rates come from"),
    ('source = "agreed by Finance, 2026"', 'source = 2026', 2, "where the rates come from"),
    ('hours_per_day = 6', 'hours_per_day = 0', 3, "above 0"),
    ('day_rate = 650', 'day_rate = 650\nday_rates = 2', 5, "unknown setting 'day_rates'"),
    ('[travel]', '[travel', 12, "TOML syntax error"),
])
def test_mistakes_in_the_rates_file_name_file_and_line(tmp_path: Path, old: str, new: str,
                                                       line: int, words: str) -> None:
    assert old in GOOD
    root = _rates_file(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataFileError) as info:
        load_rates(root)
    assert str(info.value).startswith(f"data/costing.toml:{line}: "), str(info.value)
    assert words in str(info.value)


def test_the_good_rates_file_used_above_loads(tmp_path: Path) -> None:
    rates = load_rates(_rates_file(tmp_path, GOOD))
    assert (rates["day_rate"], rates["source"]) == (650, "agreed by Finance, 2026")


def test_a_rates_file_without_a_source_is_refused(tmp_path: Path) -> None:
    root = _rates_file(tmp_path, GOOD.replace('source = "agreed by Finance, 2026"\n', ""))
    with pytest.raises(DataFileError, match="'source' must say where the rates come from"):
        load_rates(root)


def test_every_estimate_says_where_its_rates_come_from() -> None:
    result = estimate(RATES, trainers=1, scheduled_days=2, delivery_mode="uk", grade=None,
                      grade_source=None)
    assert result["rates_source"] == "agreed by Finance, 2026"
