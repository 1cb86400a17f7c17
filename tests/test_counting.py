"""Counts and training time in words, the same in every face."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.core.counting import days_and_hours, plural, short_days

SRC = Path(__file__).resolve().parents[1] / "src" / "catalogue"


@pytest.mark.parametrize(("count", "word", "expected"), [
    (0, "module", "0 modules"), (1, "module", "1 module"), (2, "module", "2 modules"),
    (1, "country", "1 country"), (3, "country", "3 countries"), (1.0, "hour", "1 hour"),
    (2.5, "hour", "2.5 hours"), (2, "delivery", "2 deliveries"), (1, "training day", "1 training day"),
])
def test_plural(count: float, word: str, expected: str) -> None:
    many = "deliveries" if word == "delivery" else None
    assert plural(count, word, many) == expected


@pytest.mark.parametrize(("hours", "per_day", "expected"), [
    (86, 6, "14 training days and 2 hours"), (12, 6, "2 training days"), (3, 6, "3 hours"),
    (0, 6, "0 hours"), (7.5, 6, "1 training day and 1.5 hours"), (6, 6, "1 training day"),
    (116, 6, "19 training days and 2 hours"), (63, 7, "9 training days"),
])
def test_days_and_hours_never_shows_a_decimal_day(hours: float, per_day: float,
                                                  expected: str) -> None:
    assert days_and_hours(hours, per_day) == expected


def test_no_face_writes_a_count_with_an_s_in_brackets() -> None:
    """'1 module(s)' and '1 modules' both read badly: counts go through plural()."""
    found = []
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\}[^\"']*\b(module|day|trainer|event|request|month|point|"
                         r"warning|programme|countr(y|ie))\(s\)", line):
                found.append(f"{path.relative_to(SRC)}:{number}")
    assert found == []


@pytest.mark.parametrize(("hours", "expected"), [(35, "5 d 5 h"), (18, "3 d"), (2.5, "2.5 h"),
                                                 (0, "0 h")])
def test_short_days_for_narrow_columns(hours: float, expected: str) -> None:
    assert short_days(hours, 6) == expected


def test_exports_show_training_time_in_days_and_hours(store) -> None:  # type: ignore[no-untyped-def]
    from catalogue.core.exports.render import export_programme
    from programme_helpers import make_programme

    pid = make_programme(store, [("inv-peace-interviewing", 35, None)])
    markdown = export_programme(store, pid, "md").decode("utf-8")
    assert "| Investigation | 1 | 35 | 5 training days and 5 hours |" in markdown
    assert "5.83" not in markdown
