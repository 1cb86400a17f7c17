"""data/iati.toml and data/dac-sectors.toml: every mistake is one line naming file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.core.data.location import shipped_data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.iati.settings import load_iati

SOURCE = shipped_data_dir()


def _copy(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """The three inputs copied, ``old`` replaced by ``new`` in ``name``; the changed line."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copytree(SOURCE / "disciplines", root / "disciplines")
    for file in ("iati.toml", "dac-sectors.toml"):
        shutil.copy(SOURCE / file, root / file)
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root, text[:index].count("\n") + 1


CASES = [
    ("iati.toml", 'delivered = "3"', 'delivered = "7"', "not in the IATI ActivityStatus codelist"),
    ("iati.toml", 'withdrawn = "5"', 'withdrawn = "5"\nfinished = "4"', "not a request state"),
    ("iati.toml", 'not_provided = "1"', 'not_provided = "9"', "not in the IATI BudgetNotProvided codelist"),
    ("iati.toml", 'report = "withheld"', 'report = "sometimes"', "report must be one of"),
    ("iati.toml", 'language = "en"', 'language = "English"', "two-letter ISO 639-1"),
    ("iati.toml", 'type = ""', 'type = "12"', "not in the IATI OrganisationType codelist"),
    ("iati.toml", 'ref = ""', 'ref = "GB GOV 1"', "is not an organisation identifier"),
    ("iati.toml", 'activity_id = "programme-{id}"', 'activity_id = "programme"',
     "must contain {id}"),
    ("dac-sectors.toml", 'code = "15160"', 'code = "1516"', "five-digit DAC purpose code"),
    ("dac-sectors.toml", 'id = "leadership"\nsectors = [{ code = "15210", share = 100 }]',
     'id = "leadership"\nsectors = [{ code = "15210", share = 60 }]', "add up to 60, not 100"),
    ("dac-sectors.toml", 'id = "leadership"\nsectors = [{ code = "15210"',
     'id = "leadership"\nsectors = [{ code = "15211"', "is not one of the [[code]] entries"),
    ("dac-sectors.toml", 'id = "leadership"', 'id = "leadershp"', "is not a discipline"),
]


@pytest.mark.parametrize(("name", "old", "new", "problem"), CASES,
                         ids=[c[3].split()[0] + "-" + c[1][:12] for c in CASES])
def test_each_mistake_names_file_and_line(tmp_path: Path, name: str, old: str, new: str,
                                          problem: str) -> None:
    root, line = _copy(tmp_path, name, old, new)
    with pytest.raises(DataFileError) as info:
        load_iati(root)
    message = str(info.value)
    assert "\n" not in message and problem in message, message
    prefix = f"data/{name}:"
    assert message.startswith(prefix), message
    number = int(message[len(prefix):].split(":")[0])
    assert line <= number <= line + 1, (line, message)


def test_a_discipline_without_codes_is_named(tmp_path: Path) -> None:
    root, _ = _copy(tmp_path, "dac-sectors.toml", '[[discipline]]\nid = "leadership"',
                    '[[nothing]]\nid = "leadership"')
    with pytest.raises(DataFileError, match="no \\[\\[discipline\\]\\] entry for leadership"):
        load_iati(root)


def test_the_copy_loads_unchanged(tmp_path: Path) -> None:
    root, _ = _copy(tmp_path, "iati.toml", "[budget]", "[budget]")
    assert load_iati(root).status["delivered"] == "3"
