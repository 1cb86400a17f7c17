"""Several processes writing at once: no lost updates, no lost or extra audit rows, and a
write lock held for too long is a clear ``busy`` error (exit 4) that changes nothing.

"CLI" workers run the real command line (``cli.main``) in a loop; "app" workers call the core
functions directly, as the TUI does from its worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core.requests.states import FORWARD
from catalogue.core.store import open_store
from programme_helpers import make_programme
from request_helpers import new_request, record_osja

pytestmark = pytest.mark.slow

WORKER = """
import json, sys
from catalogue.cli.main import cli
from catalogue.core.errors import CatalogueError, DatabaseError, RefusedError
from catalogue.core.store import open_store

kind, face, db, name = sys.argv[1:5]
jobs = json.loads(sys.argv[5])
outcome = {"ok": 0, "refused": 0, "busy": 0, "other": []}
store = open_store(db) if face == "app" else None
print("ready", flush=True)
sys.stdin.readline()  # start together


def app(job):
    from catalogue.core.programmes.changes import add_modules
    from catalogue.core.requests.guards import StepInput
    from catalogue.core.requests.register import edit_request
    from catalogue.core.requests.workflow import advance
    if kind == "module":
        add_modules(store, job[0], [job[1]])
    elif kind == "note":
        edit_request(store, job[0], {"notes": job[1]}, by=name)
    else:
        advance(store, job[0], by=name, step=StepInput(reference="REF", authoriser="A. Minister",
                                                       authoriser_level="minister"))


def cli_args(job):
    if kind == "module":
        return ["programme", "add", str(job[0]), job[1]]
    if kind == "note":
        return ["request", "edit", str(job[0]), "--notes", job[1], "--by", name]
    return ["request", "advance", str(job[0]), "--by", name, "--ref", "REF",
            "--authoriser", "A. Minister", "--level", "minister"]


for job in jobs:
    if face == "cli":
        code = cli.main(["--db", db, *cli_args(job)], standalone_mode=False)
    else:
        try:
            app(job)
            code = 0
        except CatalogueError as exc:
            code = int(exc.exit_code)
    key = {0: "ok", 5: "refused", 4: "busy"}.get(code)
    if key:
        outcome[key] += 1
    else:
        outcome["other"].append([job, code])
print(json.dumps(outcome), flush=True)
"""

FACES = ["cli", "app", "cli", "app"]


def _run_together(kind: str, db: Path, jobs_per_worker: list[list[object]]) -> list[dict]:
    """Start one worker per job list, release them at once, and collect their outcomes."""
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, kind, FACES[i % len(FACES)],
                               str(db), f"worker-{i}", json.dumps(jobs)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for i, jobs in enumerate(jobs_per_worker)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
        assert outcomes[-1]["other"] == [], (outcomes[-1], err)
    return outcomes


@pytest.fixture
def shared(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "10")  # plenty: nobody should give up here
    return db_path


def test_modules_added_at_once_by_several_processes_are_all_kept(shared: Path) -> None:
    with open_store(shared) as store:
        programme_id = make_programme(store, ["cmd-decision-logs"])
        library = [r[0] for r in store.query(
            "SELECT id FROM modules WHERE id != 'cmd-decision-logs' ORDER BY id LIMIT 24")]
    jobs = [[[programme_id, m] for m in library[i::4]] for i in range(4)]
    outcomes = _run_together("module", shared, jobs)
    assert sum(o["ok"] for o in outcomes) == len(library)
    with open_store(shared) as store:
        kept = [r[0] for r in store.query(
            "SELECT module_id FROM programme_modules WHERE programme_id = ? ORDER BY position",
            (programme_id,))]
        positions = [r[0] for r in store.query(
            "SELECT position FROM programme_modules WHERE programme_id = ? ORDER BY position",
            (programme_id,))]
    assert sorted(kept) == sorted(["cmd-decision-logs", *library]), "lost updates"
    assert positions == list(range(1, len(kept) + 1))
    for worker_jobs in jobs:  # each worker's own modules stay in the order it added them
        mine = [m for _, m in worker_jobs]
        assert [m for m in kept if m in mine] == mine


def test_every_successful_edit_and_step_has_exactly_one_audit_row(shared: Path) -> None:
    with open_store(shared) as store:
        ids = [new_request(store).id for _ in range(3)]
        for rid in ids:  # the OSJA assessment each request needs is recorded up front
            record_osja(store, rid)
        before = store.scalar("SELECT count(*) FROM request_events")
    notes = [[[rid, f"worker {i} note {k}"] for k in range(4) for rid in ids] for i in range(4)]
    steps = [[[rid] for _ in range(len(FORWARD)) for rid in ids] for _ in range(4)]
    edits = _run_together("note", shared, notes)
    advances = _run_together("advance", shared, steps)
    with open_store(shared) as store:
        edited = store.scalar("SELECT count(*) FROM request_events WHERE action = 'edited'")
        advanced = store.scalar("SELECT count(*) FROM request_events WHERE action = 'advanced'")
        total = store.scalar("SELECT count(*) FROM request_events")
        states = [store.scalar("SELECT state FROM requests WHERE id = ?", (rid,)) for rid in ids]
        last_notes = {store.scalar("SELECT notes FROM requests WHERE id = ?", (rid,))
                      for rid in ids}
    assert edited == sum(o["ok"] for o in edits) == 4 * 4 * 3  # different text: all apply
    assert advanced == sum(o["ok"] for o in advances)
    # every step up to scheduled lands once; marking delivered is refused (the course is still
    # to come), and a refusal writes nothing
    assert advanced == sum(FORWARD.index(s) for s in states) == 3 * (len(FORWARD) - 2)
    assert states == ["scheduled"] * 3
    assert total == before + edited + advanced
    assert all(n and n.endswith("note 3") for n in last_notes)


# ---------------------------------------------------------------- a write lock held too long

WRITES = [
    ("programme", "add", "1", "inv-peace-interviewing"),
    ("programme", "set", "1", "--title", "Locked out"),
    ("programme", "new", "Locked", "--country", "Kenya"),
    ("programme", "delete", "1", "--yes"),
    ("request", "new", "--body", "Locked Police", "--country", "Kenya"),
    ("request", "edit", "1", "--notes", "locked"),
    ("request", "advance", "1"),
    ("request", "withdraw", "1", "--reason", "locked"),
    ("advice", "set", "Kenya", "none", "--as-of", "2026-11-20"),
    ("db", "reseed"),
    ("db", "restore", "{backup}", "--yes"),
]


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def locked_db(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "0.3")
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"])
        new_request(store)
    backup = tmp_path / "backup.db"
    CliRunner().invoke(cli, ["--db", str(db_path), "db", "backup", str(backup)])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.readline()",
         str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    yield db_path, backup
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=10)


@pytest.mark.parametrize("args", WRITES, ids=[" ".join(a[:2]) for a in WRITES])
def test_a_write_lock_held_too_long_is_a_clear_busy_error(locked_db, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    db, backup = locked_db
    before = _dump(db)
    began = time.monotonic()
    result = CliRunner().invoke(cli, ["--db", str(db),
                                      *(a.replace("{backup}", str(backup)) for a in args)])
    waited = time.monotonic() - began
    assert result.exit_code == 4, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("catalogue: ") and "busy" in lines[0], lines
    assert waited >= 0.25, "gave up without waiting for the busy timeout"
    assert _dump(db) == before


def test_a_lock_released_within_the_timeout_is_waited_for(db_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOGUE_BUSY_TIMEOUT", "5")
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(0.5); "
         "c.rollback()", str(db_path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    result = CliRunner().invoke(cli, ["--db", str(db_path), "programme", "add", "1",
                                      "inv-peace-interviewing"])
    holder.wait(timeout=10)
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- backups while the app writes

WRITER = """
import sys
from catalogue.core.programmes.changes import ModuleEntry, create_programme
from catalogue.core.store import open_store

store = open_store(sys.argv[1])
modules = [ModuleEntry(m) for m in sys.argv[2].split(",")]
print("ready", flush=True)
n = 0
while True:
    n += 1
    create_programme(store, {"title": f"live {n}", "country": "KE"}, modules)
"""
LIVE_MODULES = ["cmd-decision-logs", "inv-peace-interviewing", "ldr-personal-leadership"]


def test_backups_taken_while_another_process_writes_are_consistent(db_path: Path,
                                                                   tmp_path: Path) -> None:
    from catalogue.core.backup import check_backup

    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path),
                               ",".join(LIVE_MODULES)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        seen = set()
        for attempt in range(5):
            time.sleep(0.1)
            target = tmp_path / f"live-{attempt}.db"
            result = CliRunner().invoke(cli, ["--db", str(db_path), "db", "backup", str(target)])
            assert result.exit_code == 0, result.output
            assert check_backup(target)  # integrity check passes
            conn = sqlite3.connect(target)
            counts = conn.execute(
                "SELECT count(pm.module_id) FROM programmes p LEFT JOIN programme_modules pm "
                "ON pm.programme_id = p.id WHERE p.title LIKE 'live %' GROUP BY p.id").fetchall()
            conn.close()
            assert {c for (c,) in counts} <= {len(LIVE_MODULES)}, "a half-saved programme"
            seen.add(len(counts))
        assert len(seen) > 1, "the writer made no progress between backups"
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout:
            writer.stdout.close()


def test_backup_and_restore_round_trip_through_the_cli(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"], vulnerability_notes="kept")
        new_request(store)
    backup = tmp_path / "round-trip.db"
    run = CliRunner().invoke
    assert run(cli, ["--db", str(db_path), "db", "backup", str(backup)]).exit_code == 0
    saved = _dump(db_path)
    for args in (("programme", "add", "1", "inv-peace-interviewing"),
                 ("request", "advance", "1"), ("programme", "delete", "1", "--yes"),
                 ("advice", "set", "Kenya", "none", "--as-of", "2026-11-20")):
        assert run(cli, ["--db", str(db_path), *args]).exit_code == 0, args
    assert _dump(db_path) != saved
    restored = run(cli, ["--db", str(db_path), "db", "restore", str(backup), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _dump(db_path) == saved
    check = run(cli, ["--db", str(db_path), "db", "check"])
    assert check.exit_code == 0 and check.stdout.startswith("ok")
