"""``catalogue db check`` only reads: a database another program holds, or a read-only one, is
never reported as damaged; a real fault in a search index still is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalogue.core import maintenance
from catalogue.core.errors import DatabaseError
from catalogue.core.store import Store, connect
from test_hardening_faults import read_only


def _holder(db_path: Path) -> sqlite3.Connection:
    """Another program inside a write transaction on the database (as `sqlite3` would be)."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO _meta (key, value) VALUES ('other', 'writing')")
    return other


def _check_while_held(invoke, db_path: Path):  # type: ignore[no-untyped-def]
    """``db check`` while another program holds a write transaction on the database."""
    other = _holder(db_path)
    try:
        return invoke("db", "check")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_database_another_program_is_writing_passes_the_check(
        invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _check_while_held(invoke, db_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: integrity check passed")
    assert "locked" not in result.output + result.stderr


def test_a_database_nobody_else_may_read_now_is_busy_not_damaged(
        invoke, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")  # without WAL, a writer's lock shuts readers out
    conn.close()
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "0.2")
    result = _check_while_held(invoke, db_path)
    assert result.exit_code == 4, result.output
    assert result.stderr.startswith("catalogue: database ")
    assert "is busy" in result.stderr and "try again" in result.stderr
    assert "integrity" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_read_only_database_is_checked_in_full(db_path: Path) -> None:
    read_only = Store(str(db_path), sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    try:
        assert maintenance.integrity_problems(read_only) == []
        assert maintenance.audit_problems(read_only) == {}
    finally:
        read_only.close()


def test_a_read_only_database_file_passes_the_check(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with read_only(db_path):  # chattr +i as root (binds root too), chmod otherwise
        result = invoke("db", "check")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: integrity check passed")


def test_a_damaged_search_index_is_still_reported(invoke, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    conn = connect(str(db_path))  # cut one of the index's blocks in half
    conn.execute("UPDATE modules_fts_data SET block = substr(block, 1, length(block) / 2) "
                 "WHERE id = (SELECT max(id) FROM modules_fts_data)")
    store = Store(str(db_path), conn)
    try:
        problems = maintenance.integrity_problems(store)
    finally:
        store.close()
    assert problems and problems[0].startswith("modules_fts: "), problems
    result = invoke("db", "check")
    assert result.exit_code == 4 and "integrity check of" in result.stderr, result.output


def test_a_busy_audit_trail_says_busy(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(str(db_path))

    def locked(*_: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("catalogue.core.requests.chain.verify", locked)
    store = Store(str(db_path), conn)
    try:
        with pytest.raises(DatabaseError, match="is busy"):
            maintenance.audit_problems(store)
    finally:
        store.close()
