"""Seeding survives SIGKILL at any moment and concurrent first use by several processes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from catalogue.core.store import open_store

OPEN = "import sys; from catalogue.core.store import open_store; open_store(sys.argv[1]).close()"


def _check_consistent(path: Path) -> None:
    """The file is either not yet a catalogue (no tables) or a fully seeded one."""
    if not path.exists() or path.stat().st_size == 0:
        return
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables:
            assert conn.execute("SELECT count(*) FROM countries WHERE assisted = 1"
                                ).fetchone()[0] == 78
            assert conn.execute("SELECT value FROM _meta WHERE key = 'data_hash'").fetchone()
    finally:
        conn.close()


def test_sigkill_during_first_seed_leaves_nothing_half_written(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    for attempt in range(8):
        path = tmp_path / f"kill-{attempt}.db"
        proc = subprocess.Popen([sys.executable, "-c", OPEN, str(path)])
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _check_consistent(path)
        with open_store(path) as store:  # the next run finishes the job
            assert store.scalar("SELECT count(*) FROM countries WHERE assisted = 1") == 78


def test_several_processes_opening_a_new_database_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(path)], stderr=subprocess.PIPE)
             for _ in range(4)]
    outcomes = [(p.wait(), p.stderr.read().decode() if p.stderr else "") for p in procs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    with open_store(path) as store:
        assert store.scalar("SELECT count(*) FROM countries") == 251
        assert store.scalar(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = 'catalogue'"
        ) == store.scalar("SELECT count(DISTINCT name) FROM _sqlite_migrations")
