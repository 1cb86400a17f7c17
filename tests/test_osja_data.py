"""The OSJA data files: the question set, death-penalty status and UK sanctions regimes are
validated on load, each mistake reported as file:line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.osja.riskdata import osja_tables

QUESTIONS = "osja-questions.toml"
DP = "death-penalty-status.csv"
SANCTIONS = "uk-sanctions-regimes.csv"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` with ``new``; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_the_shipped_files_load() -> None:
    tables = {t.name: t for t in osja_tables(data_dir())}
    assert len(tables["death_penalty"].rows) == 200  # 199 states in the Amnesty list, plus Hong Kong
    assert sum(r["unconfirmed"] for r in tables["death_penalty"].rows) == 102
    statuses = {r["status"] for r in tables["death_penalty"].rows}
    assert statuses == {"abolitionist-all-crimes", "abolitionist-ordinary-crimes",
                        "abolitionist-in-practice", "retentionist"}
    regimes = tables["sanctions_regimes"].rows
    assert len(regimes) == 35 and sum(r["kind"] == "thematic" for r in regimes) == 8
    import json

    doc = json.loads(tables["osja"].rows[0]["value"])
    assert doc["edition"]["published"] == "2017-01-26"
    assert doc["sanctions_list_as_of"] == "2025-07-23"
    wording = {q["id"]: q["wording"] for q in doc["questions"]}
    assert wording["serious-risk"] == "guidance" and wording["death-penalty"] == "local"
    assert all(q["source"] for q in doc["questions"])


Case = tuple[str, str, Callable[[Path], int], str]

CASES: list[Case] = [
    ("question with unknown condition", QUESTIONS,
     lambda r: _edit(r / QUESTIONS, 'when = ["conflict"]', 'when = ["war"]'),
     "unknown condition 'war'"),
    ("question with unknown placeholder", QUESTIONS,
     lambda r: _edit(r / QUESTIONS, "for all assistance to {country}.",
                     "for all assistance to {nation}."), "unknown placeholder(s) nation"),
    ("question with bad wording label", QUESTIONS,
     lambda r: _edit(r / QUESTIONS, 'wording = "local"', 'wording = "ours"'),
     "'wording' is 'ours'"),
    ("duplicate question id", QUESTIONS,
     lambda r: _edit(r / QUESTIONS, 'id = "instability"', 'id = "serious-risk"'),
     "duplicate question id 'serious-risk'"),
    ("edition date malformed", QUESTIONS,
     lambda r: _edit(r / QUESTIONS, 'published = "2017-01-26"', 'published = "26 Jan 2017"'),
     "published '26 Jan 2017' is not a date in the form YYYY-MM-DD"),
    ("death penalty status unknown", DP,
     lambda r: _edit(r / DP, "EG,Egypt,retentionist", "EG,Egypt,sometimes"),
     "status 'sometimes' is not one of"),
    ("death penalty bad code", DP,
     lambda r: _edit(r / DP, "EG,Egypt,", "Egy,Egypt,"), "alpha2 'Egy' must be a two-letter"),
    ("death penalty duplicate", DP,
     lambda r: _edit(r / DP, "AL,Albania,", "AF,Albania,"), "second row for AF"),
    ("sanctions kind unknown", SANCTIONS,
     lambda r: _edit(r / SANCTIONS, "SI 2019/855; includes Crimea and non-government-controlled "
                     "Ukrainian territory),country,", "SI 2019/855; includes Crimea and "
                     "non-government-controlled Ukrainian territory),embargo,"),
     "kind 'embargo' is not one of"),
    ("thematic regime with a country", SANCTIONS,
     lambda r: _edit(r / SANCTIONS, ",Chemical Weapons", "SY,Chemical Weapons"),
     "a thematic regime covers no one country"),
    ("sanctions as_of malformed", SANCTIONS,
     lambda r: _edit(r / SANCTIONS, "legislation.gov.uk/uksi/2020/948,2020-12-31",
                     "legislation.gov.uk/uksi/2020/948,last year"), "as_of 'last year'"),
]


@pytest.mark.parametrize(("name", "file", "break_it", "problem"), CASES,
                         ids=[c[0] for c in CASES])
def test_mistakes_are_reported_with_file_and_line(data_copy: Path, name: str, file: str,
                                                  break_it: Callable[[Path], int],
                                                  problem: str) -> None:
    line = break_it(data_copy)
    with pytest.raises(DataFileError) as caught:
        osja_tables(data_copy)
    assert caught.value.path == f"data/{file}"
    assert caught.value.line == line, str(caught.value)
    assert problem in caught.value.problem
