"""Backups and checks that can be believed: a damaged database is not backed up silently,
folders the tool creates are owner-only, `db check` never creates a database, and the audit
trail's hash chain shows changes made with any SQLite client, naming the requests."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core.requests.chain import verify
from catalogue.core.requests.workflow import advance
from catalogue.core.store import open_store
from request_helpers import new_request, step_for


def _cli(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args])


# ------------------------------------------------------------------------------ backup


def _damage_an_index(path: Path) -> None:
    """Scribble over one index's root page: the file opens, the integrity check fails."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                        "'sqlite_autoindex_countries_1'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    data[start + 8:start + size] = b"\xde\xad" * ((size - 8) // 2)
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_not_backed_up_without_the_override(db_path: Path,
                                                                  tmp_path: Path) -> None:
    _damage_an_index(db_path)
    target = tmp_path / "backup.db"
    result = _cli(db_path, "db", "backup", str(target))
    assert result.exit_code == 4, result.output
    assert "fails the integrity check" in result.stderr and "--damaged" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists() and list(tmp_path.glob(".catalogue-backup-*")) == []
    copied = _cli(db_path, "db", "backup", str(target), "--damaged")
    assert copied.exit_code == 0, copied.output
    assert copied.stdout.startswith("Backed up a DAMAGED database to ")
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_healthy_backup_says_it_was_checked(db_path: Path, tmp_path: Path) -> None:
    result = _cli(db_path, "db", "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 0 and "(integrity check passed)" in result.stdout


# ------------------------------------------------------------------------------ folders


def test_every_folder_the_tool_creates_is_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    code = ("import os, sys; os.umask(0); from catalogue.core.store import open_store; "
            "open_store(sys.argv[1]).close()")
    target = tmp_path / "a" / "b" / "c" / "catalogue.db"
    subprocess.run([sys.executable, "-c", code, str(target)], check=True)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# ------------------------------------------------------------------------------ db check


def test_db_check_on_a_missing_path_says_so_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "catalgoue.db"
    result = _cli(target, "db", "check")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == f"catalogue: no database at {target}; nothing was created"
    assert not target.exists() and not target.parent.exists()


@pytest.fixture
def trail(db_path: Path) -> tuple[Path, list[int]]:
    """Three requests with a few steps each, closed again so other clients can write."""
    with open_store(db_path) as store:
        ids = []
        for _ in range(3):
            request = new_request(store)
            advance(store, request.id, by="tester", step=step_for("scoping"))
            ids.append(request.id)
    return db_path, ids


def _tamper(path: Path, *statements: str) -> None:
    """What someone with any SQLite client could do: drop the guards, change rows."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS request_events_append_only_update")
    conn.execute("DROP TRIGGER IF EXISTS request_events_append_only_delete")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_an_untouched_trail_passes(trail) -> None:  # type: ignore[no-untyped-def]
    path, _ = trail
    result = _cli(path, "db", "check")
    assert result.exit_code == 0, result.output
    assert "every request's audit trail is whole" in result.stdout


@pytest.mark.parametrize(("change", "expected"), [
    ("UPDATE requests SET state = 'authorised' WHERE id = {b}",
     "its state is authorised but its audit trail ends at scoping"),
    ("UPDATE request_events SET note = 'nothing to see' WHERE id = "
     "(SELECT min(id) FROM request_events WHERE request_id = {b})", "was changed"),
    ("DELETE FROM request_events WHERE id = "
     "(SELECT min(id) FROM request_events WHERE request_id = {b})", "was removed or added"),
    ("DELETE FROM request_events WHERE id = "
     "(SELECT max(id) FROM request_events WHERE request_id = {b})",
     "latest audit event was removed"),
    ("INSERT INTO request_events (request_id, at, by, action, from_state, to_state) "
     "VALUES ({b}, '2026-01-01', 'someone', 'advanced', 'scoping', 'authorised')",
     "is not sealed in the chain"),
])
def test_a_change_made_with_another_client_is_reported_with_the_request(
        trail, change: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    path, (_, b, _) = trail
    _tamper(path, change.format(b=b))
    result = _cli(path, "db", "check")
    assert result.exit_code == 4, result.output
    line = result.stderr.strip()
    assert len(result.stderr.splitlines()) == 1
    assert f"the audit trail of 1 request ({b})" in line, line
    assert f"request {b}: " in line and expected in line, line


def test_existing_databases_get_their_chain_on_migration(trail) -> None:  # type: ignore[no-untyped-def]
    path, (a, _, _) = trail
    # The database as it was before the chain: no hash columns, migration not applied.
    conn = sqlite3.connect(path)
    for sql in ("ALTER TABLE request_events DROP COLUMN prev_hash",
                "ALTER TABLE request_events DROP COLUMN hash",
                "ALTER TABLE requests DROP COLUMN audit_head",
                "DELETE FROM _sqlite_migrations WHERE name = 'm_requests_004_audit_chain'"):
        conn.execute(sql)
    conn.commit()
    conn.close()
    with open_store(path) as store:  # migrates
        assert verify(store.conn) == {}
        assert store.scalar("SELECT count(*) FROM request_events WHERE hash IS NULL") == 0
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("UPDATE request_events SET note = 'x'")
    _tamper(path, f"UPDATE requests SET state = 'declined' WHERE id = {a}")
    assert "request " + str(a) in _cli(path, "db", "check").stderr
