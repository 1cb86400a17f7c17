"""Every kind of malformed ``data/`` file, in every data file, stops loading with one line of
``data/FILE:LINE: problem`` and leaves the database as it was.

(Semantic mistakes such as unknown codes, duplicate ids or bad hours:
tests/test_data_validation.py; the approval policy: tests/test_rules_policy.py.)
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core import seed
from catalogue.core.data.location import data_dir
from catalogue.core.errors import DataFileError
from catalogue.core.store import open_store

SOURCE = Path(data_dir())
#: Every data file (the discipline files share one reader: the first stands for them all).
FILES = sorted(p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*")
               if p.is_file() and (p.parent == SOURCE or p.name.startswith("01-")))
#: travel-advice.csv ships with no rows; this one is valid, so breaking it is the only fault.
ADVICE_ROW = "KE,none,,2026-01-01,,"


def _target_line(lines: list[str], name: str) -> int:
    """A line holding data (1-based): the last row of a CSV file, a middle line of TOML."""
    if name.endswith(".csv"):
        rows = [i for i, line in enumerate(lines, 1)
                if i > 1 and line.strip() and not line.startswith("#")]
        return rows[-1]
    return len(lines) // 2 + 1


Breaker = Callable[[list[str], int], None]


def _append(text: str) -> Breaker:
    def apply(lines: list[str], n: int) -> None:
        lines[n - 1] += text
    return apply


def _prefix(text: str) -> Breaker:
    def apply(lines: list[str], n: int) -> None:
        lines[n - 1] = text + lines[n - 1]
    return apply


def _insert(text: str) -> Breaker:
    def apply(lines: list[str], n: int) -> None:
        lines.insert(n - 1, text)
    return apply


KINDS: dict[str, tuple[Breaker, str]] = {  # kind -> (change at the target line, file suffix)
    "not-utf8": (_append("\udcff"), ""),  # written with surrogateescape: the byte 0xff
    "control-character": (_prefix("\x1b[31m"), ""),
    "nul-byte": (_append("\x00"), ""),
    "toml-syntax": (_insert("= broken"), ".toml"),
    "toml-unclosed-string": (_insert('oops = "no end'), ".toml"),
    "csv-extra-column": (_append(",extra"), ".csv"),
    "csv-missing-column": (lambda lines, n: lines.__setitem__(n - 1, lines[n - 1].split(",")[0]),
                           ".csv"),
    "csv-unclosed-quote": (_prefix('"'), ".csv"),
}
CASES = [(name, kind) for name in FILES for kind, (_, suffix) in KINDS.items()
         if name.endswith(suffix)]


def _copy_data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SOURCE, root)
    advice = root / "travel-advice.csv"
    advice.write_text(advice.read_text(encoding="utf-8") + ADVICE_ROW + "\n", encoding="utf-8")
    return root


def _break(root: Path, name: str, kind: str) -> int:
    path = root / name
    lines = path.read_text(encoding="utf-8").split("\n")
    line = _target_line(lines, name)
    KINDS[kind][0](lines, line)
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))
    return line


def _one_line(message: str) -> str:
    assert "\n" not in message and message.strip() == message, repr(message)
    return message


def test_the_valid_copy_loads(tmp_path: Path) -> None:
    seed.build(_copy_data(tmp_path))  # so each case below fails only for its own fault


@pytest.mark.parametrize(("name", "kind"), CASES, ids=[f"{n}-{k}" for n, k in CASES])
def test_each_fault_names_file_and_line(tmp_path: Path, name: str, kind: str) -> None:
    root = _copy_data(tmp_path)
    line = _break(root, name, kind)
    with pytest.raises(DataFileError) as info:
        seed.build(root)
    assert _one_line(str(info.value)).startswith(f"data/{name}:{line}: "), str(info.value)


EMPTY_OR_GONE = [(name, "empty") for name in FILES] + [
    (name, how) for name in ("aliases.csv", "principles.toml") for how in ("missing", "a-folder")]


@pytest.mark.parametrize(("name", "how"), EMPTY_OR_GONE, ids=[f"{n}-{h}" for n, h in EMPTY_OR_GONE])
def test_an_empty_missing_or_unreadable_file_is_named(tmp_path: Path, name: str,
                                                      how: str) -> None:
    root = _copy_data(tmp_path)
    path = root / name
    if how == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
        if how == "a-folder":
            path.mkdir()
    with pytest.raises(DataFileError) as info:
        seed.build(root)
    assert _one_line(str(info.value)).startswith(f"data/{name}"), str(info.value)


def test_a_date_that_does_not_exist_is_refused_with_its_line(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    advice = root / "travel-advice.csv"
    text = advice.read_text(encoding="utf-8").replace(ADVICE_ROW, "KE,none,,2026-02-30,,")
    advice.write_text(text, encoding="utf-8")
    line = text.splitlines().index("KE,none,,2026-02-30,,") + 1
    with pytest.raises(DataFileError, match=rf"^data/travel-advice\.csv:{line}: .*2026-02-30"):
        seed.build(root)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "backslashreplace"))
    finally:
        conn.close()
    return digest.hexdigest()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_broken_file_leaves_the_database_and_its_records_untouched(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    with open_store(db_path) as store:  # some records of the user's own
        store.conn.execute("INSERT INTO travel_advice (code, level, as_of, set_by, set_at) "
                           "VALUES ('GH', 'none', '2026-01-01', 'me', '2026-01-01T00:00:00Z')")
    before = _digest(db_path)
    root = _copy_data(tmp_path)
    name = "aliases.csv" if KINDS[kind][1] != ".toml" else "principles.toml"
    line = _break(root, name, kind)
    monkeypatch.setenv("CATALOGUE_DATA_DIR", str(root))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "country", "Kenya"])
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"catalogue: data/{name}:{line}: ")
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr
    assert _digest(db_path) == before
