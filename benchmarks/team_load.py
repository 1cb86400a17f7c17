"""Ten app sessions on one shared register: correctness and keystroke latency under load.

    python benchmarks/team_load.py [--sessions 10] [--rounds 3] [--json OUT]

Makes a register shared with a Unix group (``db init --shared``), then runs one session
alone (the baseline) and ``--sessions`` sessions at once, each an app process
(benchmarks/team_session.py: headless, driven with Pilot through the app's own dialogs) run
as its own OS account when this runs as root (else all as the current user). Each logs and
advances requests. Afterwards every request and audit row is checked: none lost, none
duplicated, every step taken once, every audit row attributed to the OS account of the
session that made it. Prints the keystroke, save and search timings (p50 / p95 / max, ms).
See docs/performance.md ("Team load").
"""

from __future__ import annotations

import argparse
import functools
import grp
import json
import os
import pwd
import shutil
import site
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SESSION = HERE / "team_session.py"
#: System accounts every Debian host has; sessions run as them to be different people.
ACCOUNTS = ("daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp",
            "proxy", "www-data", "backup", "list", "irc", "nobody")
GROUPS = ("staff", "users", "src", "operator")


def share_group() -> str | None:
    """A group to share the register with: any of GROUPS as root, else one the user is in."""
    if os.geteuid() == 0:
        for name in GROUPS:
            try:
                grp.getgrnam(name)
                return name
            except KeyError:
                continue
    for gid in os.getgroups():
        if gid != os.getgid():
            return grp.getgrgid(gid).gr_name
    return None


def accounts(count: int) -> list[str] | None:
    """``count`` other OS accounts to run sessions as (root only), else None."""
    if os.geteuid() != 0:
        return None
    found = []
    for name in ACCOUNTS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        found.append(name)
    return found[:count] if len(found) >= count else None


@functools.cache
def interpreter_for(user: str) -> tuple[str, str] | None:
    """(python, prefix code) the account can run with this environment's packages: this
    Python when it may, else the system's Python of the same version with our site-packages
    added; None when neither works."""
    probe = "import catalogue.cli.main"
    system = f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"
    paths = site.getsitepackages()
    candidates = [(sys.executable, "")]
    if os.path.exists(system):
        candidates.append((system, f"import site; [site.addsitedir(p) for p in {paths!r}]; "))
    for python, prefix in candidates:
        try:
            done = subprocess.run([python, "-c", prefix + probe], user=user,
                                  capture_output=True, timeout=60, check=False,
                                  env={"HOME": "/tmp", "PATH": "/usr/bin:/bin"})
        except OSError:
            continue
        if done.returncode == 0:
            return python, prefix
    return None


def command_as(user: str | None, group: str | None, code: str,
               *args: str) -> tuple[list[str], dict[str, Any]]:
    """The argv and Popen keywords that run Python ``code`` as ``user`` (None: as we are)."""
    if user is None:
        return [sys.executable, "-c", code, *args], {}
    found = interpreter_for(user)
    if found is None:
        raise RuntimeError(f"no Python with this environment's packages is executable by "
                           f"{user}")
    python, prefix = found
    keywords: dict[str, Any] = {"user": user, "env": {"HOME": "/tmp", "PATH": "/usr/bin:/bin",
                                                       "LANG": "C.UTF-8"}}
    if group is not None:
        gid = grp.getgrnam(group).gr_gid
        keywords.update(group=gid, extra_groups=[gid])
    return [python, "-c", prefix + code, *args], keywords


SESSION_CODE = (f"import runpy, sys; sys.argv = [{str(SESSION)!r}, *sys.argv[1:]]; "
                f"runpy.run_path({str(SESSION)!r}, run_name='__main__')")


def make_register(folder: Path, group: str | None) -> Path:
    from catalogue.core.sharing import share
    from catalogue.core.store import open_store

    db = folder / "catalogue.db"
    with open_store(db) as store:
        if group is not None:
            share(store, group)
    return db


def run_sessions(db: Path, names: list[str], users: list[str | None], group: str | None,
                 rounds: int) -> list[dict[str, Any]]:
    """Start every session at once; their results."""
    processes = []
    for name, user in zip(names, users, strict=True):
        argv, keywords = command_as(user, group, SESSION_CODE, str(db), name, str(rounds))
        processes.append(subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True, **keywords))
    results = []
    for name, process in zip(names, processes, strict=True):
        out, err = process.communicate(timeout=900)
        try:
            result = json.loads(out.strip().splitlines()[-1])
        except (IndexError, ValueError):
            result = {"name": name, "errors": [f"exit {process.returncode}: {err[-500:]}"]}
        results.append(result)
    return results


def verify(db: Path, results: list[dict[str, Any]], logins: dict[str, str]) -> list[str]:
    """Everything wrong with the register after the sessions (empty: all writes kept once,
    every audit row attributed to its session's OS account)."""
    problems = [f"{r['name']}: {e}" for r in results for e in r.get("errors", [])]
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity check failed")
    from catalogue.core.requests.chain import verify as verify_chain

    for request_id, wrong in verify_chain(conn).items():  # the audit trail's hash chain
        problems.append(f"request {request_id}: {'; '.join(wrong)}")
    logged = [rid for r in results for rid in r.get("logged", [])]
    if len(logged) != len(set(logged)):
        problems.append("two sessions saw the same new request id")
    rows = {r["id"]: r for r in conn.execute("SELECT id, requesting_body, state FROM requests")}
    if set(rows) != set(logged):
        problems.append(f"{len(rows)} requests stored, {len(logged)} logged")
    for result in results:
        name, login = result["name"], logins[result["name"]]
        for rid in result.get("logged", []):
            request = rows.get(rid)
            if request is None or not request["requesting_body"].startswith(f"{name} "):
                problems.append(f"request {rid} of {name} is missing or not its own")
                continue
            events = conn.execute("SELECT action, to_state, login FROM request_events "
                                  "WHERE request_id = ? ORDER BY id", (rid,)).fetchall()
            steps = [(e["action"], e["to_state"]) for e in events]
            if steps != [("created", "received"), ("advanced", "scoping"),
                         ("advanced", "ipab-submitted")] and not result.get("errors"):
                problems.append(f"request {rid}: audit trail {steps}")
            done = [target for logged_id, target in result.get("advanced", [])
                    if logged_id == rid]
            if request["state"] != "ipab-submitted":
                problems.append(f"request {rid} is {request['state']} (the session saw it "
                                f"reach {done or 'nothing'})")
            wrong = {e["login"] for e in events} - {login}
            if wrong:
                problems.append(f"request {rid} of {name} ({login}) has rows by {wrong}")
    conn.close()
    return problems


WRITER_CODE = """
import json, sys, time
from datetime import date, timedelta
from catalogue.core.store import open_store
from catalogue.core.requests.register import create_request
from catalogue.core.requests.workflow import advance
from catalogue.core.requests.guards import StepInput
from catalogue.core.rules.scope import Scope
db, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
start = date.today() + timedelta(days=200)
scope = Scope("KE", disciplines=["leadership"], start=start, end=start + timedelta(days=9))
done, latencies, errors = 0, [], []
with open_store(db) as store:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        began = time.perf_counter()
        try:
            made = create_request(store, name + " writer", scope, by=name)
            advance(store, made.id, by=name)
            advance(store, made.id, by=name, step=StepInput(reference="IPAB-" + name))
        except Exception as exc:
            errors.append(type(exc).__name__ + ": " + str(exc))
            continue
        latencies.append((time.perf_counter() - began) * 1000)
        done += 1
print(json.dumps({"name": name, "requests": done, "ms": latencies, "errors": errors[:5]}))
"""


def write_rate(processes: int, seconds: float, group: str | None,
               users: list[str | None]) -> dict[str, Any]:
    """Requests logged and advanced twice per second by ``processes`` writers at once (the
    CLI's core calls, no app), each as its own OS account."""
    folder = Path(tempfile.mkdtemp(prefix="catalogue-team-writes-"))
    folder.chmod(0o755)
    try:
        (folder / "db").mkdir()
        db = make_register(folder / "db", group)
        running = []
        for index, user in enumerate(users[:processes]):
            argv, keywords = command_as(user, group, WRITER_CODE, str(db), f"w{index:02d}",
                                        str(seconds))
            running.append(subprocess.Popen(argv, stdout=subprocess.PIPE, text=True,
                                            stderr=subprocess.PIPE, **keywords))
        results = [json.loads(p.communicate(timeout=600)[0].strip().splitlines()[-1])
                   for p in running]
        conn = sqlite3.connect(db)
        stored = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM request_events").fetchone()[0]
        conn.close()
        total = sum(r["requests"] for r in results)
        return {"processes": processes, "seconds": seconds, "requests": total,
                "stored": stored, "events": events,
                "requests_per_second": round(total / seconds, 1),
                "per_request_ms": summary([v for r in results for v in r["ms"]]),
                "errors": [e for r in results for e in r["errors"]]}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "p50": round(statistics.median(ordered), 1),
            "p95": round(p95, 1), "max": round(ordered[-1], 1)}


def timings(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    return {key: summary([v for r in results for v in r.get(key, [])])
            for key in ("keystroke_ms", "save_ms", "search_ms")}


def run(sessions: int, rounds: int, baseline: bool = True,
        writes: float = 20) -> dict[str, Any]:
    group = share_group()
    users: list[str | None] = list(accounts(sessions) or [None] * sessions)
    if group is None or (users[0] is not None and interpreter_for(users[0]) is None):
        users = [None] * sessions  # as the current user: no group, or no Python they can run
    from catalogue.core.identity import os_login

    names = [f"s{index:02d}" for index in range(1, sessions + 1)]
    logins = {name: user or os_login() for name, user in zip(names, users, strict=True)}
    folder = Path(tempfile.mkdtemp(prefix="catalogue-team-load-"))
    folder.chmod(0o755)  # the sessions pass through it; each register folder is the group's
    try:
        report: dict[str, Any] = {"sessions": sessions, "rounds": rounds, "group": group,
                                  "accounts": sorted(set(logins.values())),
                                  "cpus": os.cpu_count()}
        if baseline:
            alone = folder / "alone"
            alone.mkdir()
            db = make_register(alone, group)
            solo = run_sessions(db, ["solo"], users[:1], group, rounds)
            report["alone"] = timings(solo)
            report["alone_problems"] = verify(db, solo, {"solo": logins[names[0]]})
        shared = folder / "shared"
        shared.mkdir()
        db = make_register(shared, group)
        began = time.monotonic()
        results = run_sessions(db, names, users, group, rounds)
        report["load_seconds"] = round(time.monotonic() - began, 1)
        report["load"] = timings(results)
        report["problems"] = verify(db, results, logins)
        report["requests"] = sum(len(r.get("logged", [])) for r in results)
        report["board_moved_away"] = sum(r.get("reopened", 0) for r in results)
        if writes:
            report["writes"] = write_rate(sessions, writes, group, users)
        return report
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = run(args.sessions, args.rounds)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    sys.exit(1 if report["problems"] else 0)


if __name__ == "__main__":
    main()
