"""Malformed data files stop loading with ``file:line: problem`` and change nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.store import open_store


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _command_file(root: Path) -> Path:
    return next((root / "disciplines").glob("*command.toml"))


Case = tuple[str, Callable[[Path], tuple[str, int | None]], str]


def _bad_toml(root: Path) -> tuple[str, int | None]:
    path = root / "principles.toml"
    _edit(path, 'id = "empowerment"', 'id = "empowerment')
    return "data/principles.toml", _line_of(path, 'id = "empowerment')


def _unknown_iso(root: Path) -> tuple[str, int | None]:
    path = root / "countries-assisted.csv"
    _edit(path, "Kenya,KE,", "Kenya,XQ,")
    return "data/countries-assisted.csv", _line_of(path, "Kenya,XQ")


def _duplicate_module(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    _edit(path, 'id = "cmd-decision-logs"', 'id = "cmd-national-decision-model"')
    return f"data/disciplines/{path.name}", _line_of(path, "cmd-national-decision-model") and \
        [n for n, line in enumerate(path.read_text().splitlines(), 1)
         if 'id = "cmd-national-decision-model"' in line][1]


def _unknown_principle(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    text = path.read_text(encoding="utf-8")
    first = text.index("principles = [")
    path.write_text(text[:first] + 'principles = ["kindness", ' + text[first + 14:],
                    encoding="utf-8")
    return f"data/disciplines/{path.name}", _line_of(path, '"kindness"')


def _bad_csv_columns(root: Path) -> tuple[str, int | None]:
    path = root / "aliases.csv"
    _edit(path, "Burma,MM,,", "Burma,MM,,,extra")
    return "data/aliases.csv", _line_of(path, "Burma,MM")


def _non_utf8(root: Path) -> tuple[str, int | None]:
    path = root / "aliases.csv"
    raw = path.read_bytes().replace(b"Holland,NL", b"Holl\xe4nd,NL")
    path.write_bytes(raw)
    line = raw[: raw.index(b"Holl\xe4nd")].count(b"\n") + 1
    return "data/aliases.csv", line


def _bad_hours(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    _edit(path, "hours = 12", "hours = -3")
    return f"data/disciplines/{path.name}", _line_of(path, "hours = -3")


def _unknown_prerequisite(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    _edit(path, "prerequisites = []", 'prerequisites = ["cmd-nope"]')
    return f"data/disciplines/{path.name}", _line_of(path, '"cmd-nope"')


def _unknown_region_in_area(root: Path) -> tuple[str, int | None]:
    path = root / "liaison-areas.toml"
    _edit(path, 'regions = ["Americas"]', 'regions = ["Amerigas"]')
    return "data/liaison-areas.toml", _line_of(path, "Amerigas")


def _bad_alias_code(root: Path) -> tuple[str, int | None]:
    path = root / "aliases.csv"
    _edit(path, "Holland,NL", "Holland,QQ")
    return "data/aliases.csv", _line_of(path, "Holland,QQ")


def _standard_module_of_another_discipline(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    _edit(path, 'standard_modules = [', 'standard_modules = ["ct-prevent", ')
    return f"data/disciplines/{path.name}", _line_of(path, "standard_modules = [")


def _standard_modules_without_basis(root: Path) -> tuple[str, int | None]:
    path = _command_file(root)
    text = path.read_text(encoding="utf-8")
    start = text.index("standard_basis = ")
    path.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    return f"data/disciplines/{path.name}", _line_of(path, 'id = "command"')


CASES = [_bad_toml, _unknown_iso, _duplicate_module, _unknown_principle, _bad_csv_columns,
         _non_utf8, _bad_hours, _unknown_prerequisite, _unknown_region_in_area, _bad_alias_code,
         _standard_module_of_another_discipline, _standard_modules_without_basis]


@pytest.mark.parametrize("breaker", CASES, ids=lambda f: f.__name__.strip("_"))
def test_error_names_file_and_line(data_copy: Path, breaker: Callable[[Path], tuple]) -> None:
    display, line = breaker(data_copy)
    with pytest.raises(DataFileError) as info:
        seed.build(data_copy)
    message = str(info.value)
    assert message.startswith(f"{display}:{line}: "), message
    assert "\n" not in message


def test_broken_data_leaves_existing_database_untouched(db_path: Path, data_copy: Path) -> None:
    with open_store(db_path) as store:
        before_hash = store.meta("data_hash")
        before_count = store.scalar("SELECT count(*) FROM country_names")
    _unknown_iso(data_copy)
    with pytest.raises(DataFileError):
        open_store(db_path, data_root=data_copy)
    with open_store(db_path) as store:
        assert store.meta("data_hash") == before_hash
        assert store.scalar("SELECT count(*) FROM country_names") == before_count


def test_broken_data_does_not_leave_a_new_database_behind(tmp_path: Path, data_copy: Path) -> None:
    _bad_toml(data_copy)
    target = tmp_path / "fresh.db"
    with pytest.raises(DataFileError):
        open_store(target, data_root=data_copy)
    assert not target.exists()
