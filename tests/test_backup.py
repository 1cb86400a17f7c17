"""Backup through SQLite's online API, and restore with a validity check first."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from catalogue.core.backup import backup, check_backup, restore
from catalogue.core.errors import DatabaseError, OutputError
from catalogue.core.store import open_store


def test_round_trip_keeps_user_rows(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        store.conn.execute("CREATE TABLE my_notes (text TEXT)")
        store.conn.execute("INSERT INTO my_notes VALUES ('before backup')")
        target = backup(store, tmp_path / "copy.db")
        store.conn.execute("INSERT INTO my_notes VALUES ('after backup')")
    assert stat.S_IMODE(Path(target).stat().st_mode) == 0o600
    with open_store(db_path) as store:
        restore(store, target)
        assert [r[0] for r in store.query("SELECT text FROM my_notes")] == ["before backup"]
    with open_store(db_path) as store:
        assert store.scalar("SELECT count(*) FROM countries WHERE assisted = 1") == 78


def test_backup_while_another_connection_writes(db_path: Path, tmp_path: Path) -> None:
    writer = open_store(db_path)
    writer.conn.execute("CREATE TABLE log (n INTEGER)")
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("INSERT INTO log VALUES (1)")
    with open_store(db_path) as reader:
        target = backup(reader, tmp_path / "live.db")
    writer.conn.execute("COMMIT")
    writer.close()
    meta = check_backup(target)
    assert meta["data_hash"]


def test_backup_refuses_to_overwrite_without_force(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    existing = tmp_path / "exists.db"
    existing.write_text("keep me")
    with pytest.raises(OutputError):
        backup(store, existing)
    assert existing.read_text() == "keep me"
    backup(store, existing, force=True)
    assert check_backup(existing)


def test_backup_to_missing_directory_is_a_clear_error(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OutputError, match="does not exist"):
        backup(store, tmp_path / "nope" / "x.db")
    assert not list(tmp_path.glob(".catalogue-backup-*"))


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 50])
def test_restore_refuses_invalid_files_and_changes_nothing(store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          content: bytes) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    before = store.scalar("SELECT count(*) FROM country_names")
    with pytest.raises(DatabaseError):
        restore(store, bad)
    assert store.scalar("SELECT count(*) FROM country_names") == before


def test_cli_backup_and_restore(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "cli.db"
    result = invoke("db", "backup", str(target))
    assert result.exit_code == 0 and target.exists()
    again = invoke("db", "backup", str(target))
    assert again.exit_code == 6 and "--force" in again.stderr
    restored = invoke("db", "restore", str(target), "--yes")
    assert restored.exit_code == 0, restored.output
    refused = invoke("db", "restore", str(tmp_path / "missing.db"), "--yes")
    assert refused.exit_code == 1 and "no backup file" in refused.stderr
