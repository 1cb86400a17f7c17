"""Every date or year-month field of every data file goes through one strict check: a date that
does not exist (``2021-02-30``, ``2023-13``) or free text (``soon``) stops loading with
``data/FILE:LINE: problem`` (exit 3 at the command line) and the database is left as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.dates import check_date_text, parse_date
from catalogue.core.errors import DataFileError, InvalidInputError

SOURCE = Path(data_dir())
ADVICE_ROW = "KE,none,,2026-01-01,,"

#: (file, text as shipped, the text put in its place, what the one-line message must say)
CASES = [
    ("uk-sanctions-regimes.csv", "2021-04-29", "2021-02-30", "not a real date"),
    ("uk-sanctions-regimes.csv", "2021-04-29", "last spring", "not a date in the form"),
    ("uk-sanctions-regimes.csv", "List as of 2025-07-23", "List as of 2025-02-30",
     "not a real date"),
    ("uk-sanctions-regimes.csv", "List as of 2025-07-23", "List as of July", "not a date"),
    ("death-penalty-status.csv", ",2024,", ",2024-02-30,", "not a real date"),
    ("death-penalty-status.csv", ",2024,", ",2024-13,", "not a real date"),
    ("death-penalty-status.csv", ",2024,", ",end of 2024,", "not a date in the form"),
    ("human-rights-priority.toml", 'published = "2023-07"', 'published = "soon"',
     "not a date in the form YYYY-MM or YYYY-MM-DD"),
    ("human-rights-priority.toml", 'published = "2023-07"', 'published = "2023-13"',
     "not a real date"),
    ("human-rights-priority.toml", 'published = "2023-07"', 'published = "2023-06-31"',
     "not a real date"),
    ("osja-questions.toml", 'published = "2017-01-26"', 'published = "2017-02-30"',
     "not a real date"),
    ("osja-questions.toml", 'published = "2017-01-26"', 'published = "2017"',
     "not a date in the form YYYY-MM-DD"),
    ("sensitivity.toml", 'updated = "2024-08-05"', 'updated = "2024-02-30"', "not a real date"),
    ("sensitivity.toml", 'in_force_since = "2014-04-02"', 'in_force_since = "20140402"',
     "not a date in the form YYYY-MM-DD"),
    ("dac-sectors.toml", 'updated = "2023-02-23"', 'updated = "2023-02-29"', "not a real date"),
    ("iati.toml", 'updated = "2019-07-08"', 'updated = "2019-07-32"', "not a real date"),
    ("iati.toml", 'updated = "2019-07-08"', 'updated = "recently"', "not a date in the form"),
    ("travel-advice.csv", ADVICE_ROW, "KE,none,,2026-02-30,,", "not a real date"),
    ("travel-advice.csv", ADVICE_ROW, "KE,none,,2026-02,,", "not a date in the form"),
]


def _copy_data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SOURCE, root)
    advice = root / "travel-advice.csv"  # a valid row, so the date is the only fault
    advice.write_text(advice.read_text(encoding="utf-8") + ADVICE_ROW + "\n", encoding="utf-8")
    return root


def _replace_first(path: Path, old: str, new: str) -> int:
    """Put ``new`` for the first ``old``; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


@pytest.mark.parametrize(("name", "old", "new", "problem"), CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_a_wrong_date_in_any_data_file_is_refused_at_its_line(
        tmp_path: Path, name: str, old: str, new: str, problem: str) -> None:
    root = _copy_data(tmp_path)
    line = _replace_first(root / name, old, new)
    with pytest.raises(DataFileError) as info:
        seed.build(root)
    message = str(info.value)
    assert message.startswith(f"data/{name}:{line}: "), message
    assert problem in message and "\n" not in message, message


def test_the_shipped_dates_all_load(tmp_path: Path) -> None:
    seed.build(_copy_data(tmp_path))  # so each case above fails only for its own date


def _digest(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8", "replace")).hexdigest()
    finally:
        conn.close()


def test_the_testers_wrong_dates_stop_the_command_and_change_nothing(
        invoke, db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy_data(tmp_path)
    line = _replace_first(root / "uk-sanctions-regimes.csv", "2021-04-29", "2021-02-30")
    _replace_first(root / "human-rights-priority.toml", 'published = "2023-07"',
                   'published = "soon"')
    before = _digest(db_path)
    monkeypatch.setenv("CATALOGUE_DATA_DIR", str(root))
    result = invoke("country", "Myanmar")
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("catalogue: data/"), result.stderr
    assert "soon" in lines[0] or f"uk-sanctions-regimes.csv:{line}:" in lines[0]
    assert "as of 2021-02-30" not in result.output and "published soon" not in result.output
    assert _digest(db_path) == before


@pytest.mark.parametrize(("text", "forms", "problem"), [
    ("2021-02-30", ("day",), "not a real date"),
    ("2023-13", ("month",), "not a real date"),
    ("0000", ("year",), "not a real date"),
    ("20240805", ("day",), "not a date in the form YYYY-MM-DD"),  # fromisoformat takes it
    ("2024-W01-1", ("day",), "not a date in the form YYYY-MM-DD"),
    ("٢٠٢٤-٠١-٠١", ("day",), "not a date in the form"),  # digits, but not ASCII ones
    ("2024", ("month", "day"), "not a date in the form YYYY-MM or YYYY-MM-DD"),
    ("soon", ("year", "month", "day"), "not a date in the form YYYY or YYYY-MM or YYYY-MM-DD"),
])
def test_the_shared_check_refuses(text: str, forms: tuple[str, ...], problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        check_date_text(text, "as_of", forms)


def test_the_shared_check_keeps_real_dates_of_each_form() -> None:
    assert check_date_text(" 2024-02-29 ") == "2024-02-29"
    assert check_date_text("2023-07", forms=("month", "day")) == "2023-07"
    assert check_date_text("2024", forms=("year",)) == "2024"
    assert parse_date("2024-02-29").isoformat() == "2024-02-29"
