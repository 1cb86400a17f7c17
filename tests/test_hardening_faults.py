"""Faults from the environment: a full disk, a read-only folder or file, a damaged database.
Each gives exit 4 with a one-line message, and the database file is never overwritten.

The tests run as root in CI, where permission bits do not stop writes; there a folder or file
is made read-only with the immutable attribute (``chattr +i``), which binds root too. Other
users get plain ``chmod``. When neither is possible the read-only tests are skipped.
(Foreign and non-SQLite files: tests/test_store.py and tests/test_cli_foundation.py.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core import store as store_module
from catalogue.core.backup import restore
from catalogue.core.errors import DatabaseError
from catalogue.core.programmes import changes
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import open_store
from programme_helpers import make_programme
from request_helpers import new_request

#: One of each kind of write, against a database holding programme 1 and request 1.
WRITES = [
    ("programme", "new", "Full", "--country", "Kenya", "--notes", "n" * 4000),
    ("programme", "add", "1", "inv-peace-interviewing", "--notes", "n" * 4000),
    ("programme", "set", "1", "--vulnerability-notes", "v" * 4000),
    ("programme", "clone", "1", "--country", "Ghana"),
    ("request", "new", "--body", "Full Police", "--country", "Kenya", "--notes", "n" * 4000),
    ("request", "edit", "1", "--notes", "e" * 4000),
    ("request", "advance", "1", "--note", "a" * 4000),
    ("advice", "set", "Ghana", "none", "--as-of", "2026-11-20", "--note", "x" * 4000),
]
READS = [("country", "Kenya"), ("programme", "show", "1"), ("request", "list")]


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _one_line_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 4, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("catalogue: "), lines
    assert needle in lines[0], lines[0]
    assert "Traceback" not in result.output


@pytest.fixture
def populated(db_path: Path) -> Path:
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"], notes="keep")
        new_request(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path


# ------------------------------------------------------------------------------ disk full


def _cap(conn: sqlite3.Connection) -> sqlite3.Connection:
    """No more pages than the database has now: like a disk with no space left."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    return conn


def _fill(path: Path) -> None:
    """Use up the free space inside the database's pages, so that any write needs a new page
    (a failed insert rolls its transaction back, so each one commits on its own)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE TABLE ballast (b BLOB)")
    _cap(conn)
    size = 4096
    while size >= 8:
        try:
            conn.execute("INSERT INTO ballast VALUES (zeroblob(?))", (size,))
        except sqlite3.OperationalError as exc:
            assert "full" in str(exc)
            size //= 2
    conn.close()


@pytest.mark.parametrize("args", WRITES, ids=[" ".join(a[:2]) for a in WRITES])
def test_disk_full_is_exit_4_and_the_write_is_not_half_done(populated: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            args: tuple[str, ...]) -> None:
    """The database may not grow by a page (``PRAGMA max_page_count``), as on a full disk.

    Long texts already fill the pages of the tables these writes add to, and ballast rows
    take up the rest, so each write needs a new page. (A reseed rebuilds tables in the
    pages it frees, so this cannot make it fail; on a real full disk its WAL would.)
    """
    with open_store(populated) as store:
        changes.update_programme(store, 1, {"notes": "p" * 4000}, module=1, notes="m" * 3000)
        set_advice(store, "KE", "none", date(2026, 11, 20), by="tester", note="k" * 4000)
    real_connect = store_module.connect
    _fill(populated)
    monkeypatch.setattr(store_module, "connect", lambda path: _cap(real_connect(path)))
    before = _dump(populated)
    result = CliRunner().invoke(cli, ["--db", str(populated), *args])
    _one_line_error(result, f"disk full while writing {populated}; nothing was changed")
    assert _dump(populated) == before


# ------------------------------------------------------------------------------ read-only


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` (a folder or file) unwritable even for root, and undo it afterwards."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root without chattr +i support: cannot make a path read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_read_only_folder_is_a_clear_error_and_nothing_is_written(populated: Path) -> None:
    before = populated.read_bytes()
    runner = CliRunner()
    with read_only(populated.parent):
        for args in [*READS, *WRITES[:3]]:
            result = runner.invoke(cli, ["--db", str(populated), *args])
            if result.exit_code != 0:  # reading may work if SQLite's -shm file is there
                _one_line_error(result, str(populated))
        written = runner.invoke(cli, ["--db", str(populated), *WRITES[0]])
        _one_line_error(written, "folder is writable")
    assert populated.read_bytes() == before


def test_read_only_file_can_be_read_but_not_changed(populated: Path) -> None:
    before = populated.read_bytes()
    runner = CliRunner()
    with read_only(populated):
        for args in READS:
            result = runner.invoke(cli, ["--db", str(populated), *args])
            assert result.exit_code == 0, result.output
        for args in WRITES:
            result = runner.invoke(cli, ["--db", str(populated), *args])
            _one_line_error(result, f"database {populated} is read-only")
    assert populated.read_bytes() == before


# ------------------------------------------------------------------------------ damaged files


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        del data[len(data) // 2:]
    else:  # scribbled over: a valid header, garbage in every third page
        size = int.from_bytes(data[16:18], "big")
        for page in range(3, len(data) // size, 3):
            data[page * size + 100:page * size + 600] = b"\xde\xad" * 250
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "scribbled"])
def test_a_damaged_database_is_reported_and_never_overwritten(populated: Path, how: str) -> None:
    """Commands that meet the damage fail with exit 4 and leave the file byte for byte as it
    was (a write that never touches a damaged page may still succeed)."""
    _damage(populated, how)
    runner = CliRunner()
    failures = 0
    for args in [("db", "check"), ("db", "init"), *READS, *WRITES]:
        damaged = populated.read_bytes()
        result = runner.invoke(cli, ["--db", str(populated), *args])
        assert result.exit_code in {0, 4}, (args[:2], result.output)
        if result.exit_code == 4:
            failures += 1
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("catalogue: "), lines
            assert populated.read_bytes() == damaged, f"{args[:2]} failed but changed the file"
    check = runner.invoke(cli, ["--db", str(populated), "db", "check"])
    assert check.exit_code == 4, check.output
    assert failures >= 4


@pytest.mark.parametrize("how", ["truncated", "scribbled"])
def test_restoring_a_damaged_backup_is_refused_first(populated: Path, tmp_path: Path,
                                                     how: str) -> None:
    copy = tmp_path / "backup.db"
    shutil.copyfile(populated, copy)
    _damage(copy, how)
    before = _dump(populated)
    with open_store(populated) as store, pytest.raises(DatabaseError):
        restore(store, copy)
    result = CliRunner().invoke(cli, ["--db", str(populated), "db", "restore", str(copy), "--yes"])
    assert result.exit_code == 4 and len(result.stderr.splitlines()) == 1
    assert _dump(populated) == before


# ------------------------------------------------------------------------------ foreign files


def _foreign(path: Path, kind: str) -> None:
    if kind == "notes":
        path.write_bytes(b"these are my notes, not a database\n" * 200)
    elif kind == "empty-sqlite-with-a-table":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
        conn.commit()
        conn.close()
    else:  # another app's WAL database, mid-use
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE _meta (k TEXT)")  # a name we use, but not our database
        conn.commit()
        conn.close()


@pytest.mark.parametrize("kind", ["notes", "empty-sqlite-with-a-table", "lookalike"])
def test_every_command_refuses_a_foreign_file_and_leaves_it_alone(
        tmp_path: Path, seeded_template: Path, monkeypatch: pytest.MonkeyPatch,
        kind: str) -> None:
    from test_hardening_cli_input import BASELINES

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "theirs.db"
    _foreign(target, kind)
    original = target.read_bytes()
    backup = tmp_path / "backup.db"
    shutil.copyfile(seeded_template, backup)
    runner = CliRunner()
    for path, (positional, options) in sorted(BASELINES.items()):
        args = [*path.split(), *(f"{k}={v}" if v else k for k, v in options.items()),
                *(v.replace("{backup}", str(backup)) for v in positional)]
        result = runner.invoke(cli, ["--db", str(target), *args])
        assert result.exit_code in {0, 4}, (path, result.output)
        if result.exit_code == 4:
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and "left untouched" in lines[0], lines
        else:
            assert path == "db path", (path, result.output)
        assert target.read_bytes() == original, f"{path} changed {kind}"
        assert not Path(f"{target}-wal").exists() or kind == "lookalike"
