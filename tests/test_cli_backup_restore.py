"""``db backup`` into a folder, and ``db restore``'s exit codes: a missing backup is not found
(1), the database itself is a usage error (2), and answering no restores nothing (0)."""

from __future__ import annotations

import os
from pathlib import Path

from catalogue.core.backup import backup_path, check_backup
from catalogue.core.store import open_store


def _one_line(stderr: str) -> str:
    assert len(stderr.splitlines()) == 1 and stderr.startswith("catalogue: "), stderr
    return stderr


def test_a_folder_that_does_not_exist_is_refused_not_made_a_file(
        invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("db", "backup", str(tmp_path / "backups") + os.sep)
    assert result.exit_code == 6, result.output
    assert "does not exist" in _one_line(result.stderr)
    assert not (tmp_path / "backups").exists() and "Backed up" not in result.output
    assert not list(tmp_path.glob(".catalogue-backup-*"))


def test_a_backup_into_a_folder_gets_a_dated_name_inside_it(
        invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    folder.mkdir()
    for given in (str(folder), str(folder) + os.sep):
        for old in folder.iterdir():
            old.unlink()
        result = invoke("db", "backup", given)
        assert result.exit_code == 0, result.output
        (written,) = folder.iterdir()
        assert written.name.startswith("catalogue-") and written.suffix == ".db"
        assert str(written) in result.output
        assert check_backup(written)["data_hash"]
    again = invoke("db", "backup", str(folder))  # the same minute: not overwritten silently
    if again.exit_code != 0:
        assert again.exit_code == 6 and "--force" in again.stderr


def test_the_name_in_a_folder(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        named = backup_path(store, tmp_path, now=1_796_133_120.0)  # 2026-12-01 13:52 UTC
    assert named == str(tmp_path / "catalogue-20261201T1352Z.db")
    with open_store(db_path) as store:
        assert backup_path(store, tmp_path / "plain.db") == str(tmp_path / "plain.db")


def test_restoring_a_missing_backup_is_not_found(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("db", "restore", str(tmp_path / "missing.db"), "--yes")
    assert result.exit_code == 1, result.output
    assert "no backup file" in _one_line(result.stderr)


def test_restoring_the_database_onto_itself_is_a_usage_error(
        invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "same.db"
    link.symlink_to(db_path)
    for given in (str(db_path), str(link)):
        result = invoke("db", "restore", given)  # refused before any question is asked
        assert result.exit_code == 2, result.output
        assert "is the database itself" in _one_line(result.stderr)
        assert "Replace" not in result.output


def test_answering_no_restores_nothing_and_is_not_an_interruption(
        invoke, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "copy.db"
    assert invoke("db", "backup", str(target)).exit_code == 0
    with open_store(db_path) as store:
        store.conn.execute("CREATE TABLE my_notes (text TEXT)")
    result = invoke("db", "restore", str(target), input="n\n")
    assert result.exit_code == 0, result.output
    assert "Nothing restored" in result.output and not result.stderr
    with open_store(db_path) as store:  # the later table is still there
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'my_notes'") == 1
    result = invoke("db", "restore", str(target), input="y\n")
    assert result.exit_code == 0 and "Restored" in result.output, result.output
    with open_store(db_path) as store:
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'my_notes'") == 0
