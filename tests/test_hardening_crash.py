"""SIGKILL at random moments while saving programmes, advancing requests and exporting.

Two worker processes loop over the three operations on one database, each killed at a random
time (seeded); after every round the database must pass ``PRAGMA integrity_check``, every
operation must be wholly there or wholly absent, and no export may be partial. The next round
runs on what the killed round left, so recovery is exercised too. (Killing the first seed is
tests/test_seed_crash_and_concurrency.py.)
"""

from __future__ import annotations

import io
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest

from catalogue.core.exports.render import export_programme, save_export
from catalogue.core.requests.model import STEP_COLUMNS
from catalogue.core.requests.states import FORWARD
from catalogue.core.store import open_store
from programme_helpers import make_programme

pytestmark = pytest.mark.slow

FIRST = ["cmd-national-decision-model", "cmd-decision-logs", "cmd-firearms-command"]
SECOND = ["inv-peace-interviewing", "inv-disclosure-cpia"]
ROUNDS = 8
TIME_LIMIT = 9.0  # seconds of killing, at most

WORKER = f"""
import os, sys
from datetime import date, timedelta
from pathlib import Path

import docx  # imported before "ready" so the kills land in the loop, not in start-up
from catalogue.core.exports.render import save_export
from catalogue.core.osja.record import AssessmentInput, record_assessment
from catalogue.core.osja.view import osja_overview
from catalogue.core.programmes.changes import add_modules, create_programme, update_programme
from catalogue.core.programmes.model import ModuleEntry
from catalogue.core.requests.guards import StepInput
from catalogue.core.requests.register import create_request
from catalogue.core.requests.states import next_state
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.scope import Scope
from catalogue.core.store import open_store

db, out, export_id = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
start = date.today() + timedelta(days=200)
store = open_store(db)

def step(target):
    if target == "authorised":
        return StepInput(authoriser="A. Minister", authoriser_level="minister")
    return StepInput(reference="REF-" + target)

print("ready", flush=True)
n = 0
while True:
    n += 1
    pid = create_programme(store, {{"title": f"crash {{os.getpid()}} {{n}}", "country": "KE",
                                    "notes": "rev 0", "language_notes": "rev 0"}},
                           [ModuleEntry(m) for m in {FIRST!r}])
    add_modules(store, pid, {SECOND!r})
    update_programme(store, pid, {{"notes": f"rev {{n}}", "language_notes": f"rev {{n}}"}})
    request = create_request(store, "Crash Police", Scope("KE", disciplines=["leadership"],
                             start=start, end=start + timedelta(days=9)), by="crash")
    while (target := next_state(request.state)) is not None:
        if target == "osja-assessed":
            prompts = osja_overview(store, request.id)["prompts"]
            record_assessment(store, request.id, AssessmentInput(
                author="crash", assessed_on=date.today(), stage1_reference="BHC 1",
                stage1_date=date.today(), serious_risk="no", ihl="does-not-apply",
                decided_level="minister", decided_reason="crash test",
                answers={{p["id"]: "unclear" for p in prompts}},
                consulted=[("BHC", date.today())]), by="crash")
        request = advance(store, request.id, by="crash", step=step(target),
                          today=start if target == "delivered" else None)
    save_export(store, export_id, "md", out / "outline.md", force=True)
    save_export(store, export_id, "docx", out / "outline.docx", force=True)
"""

TEMP = re.compile(r"^\.outline\.(md|docx)\.(\d+)\.\w+\.tmp$")


def _start(db: Path, out: Path, export_id: int, count: int) -> list[subprocess.Popen[str]]:
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(db), str(out), str(export_id)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(count)]
    for proc in procs:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line == "ready\n", (line, proc.stderr.read() if proc.stderr else "")
    return procs


def _check_database(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO programmes_fts(programmes_fts) VALUES('integrity-check')")
        programmes = conn.execute("SELECT * FROM programmes WHERE title LIKE 'crash %'").fetchall()
        for p in programmes:
            modules = [r[0] for r in conn.execute(
                "SELECT module_id FROM programme_modules WHERE programme_id = ? ORDER BY position",
                (p["id"],))]
            positions = [r[0] for r in conn.execute(
                "SELECT position FROM programme_modules WHERE programme_id = ? ORDER BY position",
                (p["id"],))]
            assert modules in (FIRST, FIRST + SECOND), (p["title"], modules)
            assert positions == list(range(1, len(modules) + 1))
            assert p["notes"] == p["language_notes"], dict(p)  # set in one transaction
            if p["notes"] != "rev 0":
                assert modules == FIRST + SECOND  # the edit came after the add
        requests = conn.execute("SELECT * FROM requests WHERE requesting_body = 'Crash Police'"
                                ).fetchall()
        for r in requests:
            events = conn.execute("SELECT * FROM request_events WHERE request_id = ? AND "
                                  "action != 'osja-recorded' ORDER BY id", (r["id"],)).fetchall()
            versions = conn.execute("SELECT count(*) FROM osja_assessments WHERE request_id = ?",
                                    (r["id"],)).fetchone()[0]
            recorded = conn.execute("SELECT count(*) FROM request_events WHERE request_id = ? "
                                    "AND action = 'osja-recorded'", (r["id"],)).fetchone()[0]
            assert versions == recorded <= 1, r["id"]  # a version and its audit row, together
            assert events and events[0]["action"] == "created", r["id"]
            assert [e["action"] for e in events[1:]] == ["advanced"] * (len(events) - 1)
            walked = [e["to_state"] for e in events]
            assert walked == list(FORWARD[:len(walked)]), walked
            assert all(e["from_state"] == prev["to_state"] for prev, e in pairwise(events))
            assert r["state"] == walked[-1]
            assert r["updated_at"] == r["state_changed_at"] == events[-1]["at"]
            if "osja-assessed" in walked:
                assert versions == 1
            for step, columns in STEP_COLUMNS.items():
                reached = step in walked
                assert all((r[c] is not None) == reached for c in columns
                           if c not in {"s26_reference", "osja_grade", "osja_computed_grade"}),\
                    (r["id"], step)
        from catalogue.core.requests.chain import verify

        assert verify(conn) == {}  # every audit trail's hash chain is whole
        return {"programmes": len(programmes), "requests": len(requests)}
    finally:
        conn.close()


def _check_exports(out: Path, expected_md: bytes, title: str) -> None:
    from docx import Document

    md = out / "outline.md"
    if md.exists():
        assert md.read_bytes() == expected_md, "partial Markdown export"
    word = out / "outline.docx"
    if word.exists():
        assert Document(io.BytesIO(word.read_bytes())).core_properties.title == title
    strays = [p.name for p in out.iterdir() if p.name not in {"outline.md", "outline.docx"}]
    assert all(TEMP.match(name) for name in strays), strays


def test_sigkill_at_random_points_leaves_every_operation_whole(db_path: Path,
                                                               tmp_path: Path) -> None:
    rng = random.Random(20261126)
    out = tmp_path / "exports"
    out.mkdir()
    with open_store(db_path) as store:
        export_id = make_programme(store, ["cmd-decision-logs", "inv-peace-interviewing"],
                                   title="Export under fire")
        expected_md = export_programme(store, export_id, "md")
    began = time.monotonic()
    rounds = 0
    seen = {"programmes": 0, "requests": 0}
    while rounds < ROUNDS and time.monotonic() - began < TIME_LIMIT:
        rounds += 1
        workers = _start(db_path, out, export_id, 2)
        delays = sorted(rng.uniform(0.02, 0.7) for _ in workers)
        t0 = time.monotonic()
        for proc, delay in zip(workers, delays, strict=True):
            time.sleep(max(0.0, t0 + delay - time.monotonic()))
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        for proc in workers:
            for stream in (proc.stdout, proc.stderr):
                if stream:
                    stream.close()
        seen = _check_database(db_path)
        _check_exports(out, expected_md, "Export under fire")
    assert rounds >= 4 and seen["programmes"] > 0 and seen["requests"] > 0, (rounds, seen)
    # The next export to the same files removes what the killed processes left behind.
    with open_store(db_path) as store:
        for fmt in ("md", "docx"):
            save_export(store, export_id, fmt, out / f"outline.{fmt}", force=True)
    assert sorted(p.name for p in out.iterdir()) == ["outline.docx", "outline.md"]
    assert (out / "outline.md").read_bytes() == expected_md


def test_a_temporary_file_of_a_live_process_is_left_alone(tmp_path: Path) -> None:
    from catalogue.core.exports.atomic import sweep_stale, write_atomic

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".out.md.{dead}.abc123.tmp"
    live = tmp_path / f".out.md.{1}.abc123.tmp"  # pid 1 always exists
    other = tmp_path / ".notes.md.12345678.x.tmp"  # another target's: not ours to judge
    odd = tmp_path / ".out.md.².x.tmp"  # not a pid (and int() of it would raise)
    for path in (stale, live, other, odd):
        path.write_text("x")
    write_atomic(tmp_path / "out.md", b"done\n")
    assert not stale.exists() and live.exists() and other.exists() and odd.exists()
    assert sweep_stale(tmp_path, ".out.md.", ".tmp") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [live.name, other.name, odd.name, "out.md"])


BACKUP_WORKER = """
import sys
from catalogue.core.backup import backup
from catalogue.core.store import open_store

store = open_store(sys.argv[1])
print("ready", flush=True)
while True:
    backup(store, sys.argv[2], force=True)
"""
BACKUP_TEMP = re.compile(r"^\.catalogue-backup-(\d+)\.\w+\.db(-journal|-wal|-shm)?$")


def test_sigkill_during_backups_never_leaves_a_partial_backup(db_path: Path,
                                                             tmp_path: Path) -> None:
    from catalogue.core.backup import backup, check_backup

    rng = random.Random(7)
    out = tmp_path / "backups"
    out.mkdir()
    target = out / "catalogue-backup.db"
    with open_store(db_path) as store:
        make_programme(store, ["cmd-decision-logs"], notes="x" * 3000)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", BACKUP_WORKER, str(db_path), str(target)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        if target.exists():
            assert check_backup(target)["data_hash"]  # complete, healthy, a catalogue
        strays = [p.name for p in out.iterdir() if p != target]
        assert all(BACKUP_TEMP.match(name) for name in strays), strays
    with open_store(db_path) as store:
        backup(store, target, force=True)
    assert [p.name for p in out.iterdir()] == [target.name]
