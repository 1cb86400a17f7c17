"""Bad input to every CLI command: a documented exit code, a one-line ``catalogue:`` error, no
escape sequence from the input on the terminal, and an unchanged database when it fails.

Every command of the click group is walked (a new command fails here until it has a baseline
invocation below). Each parameter that takes a value is fed a sample of the corpus while the
other parameters keep their valid baseline values, so the bad value is what the command sees.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from catalogue.cli.main import cli
from catalogue.core.osja.registers import record_incident, set_conflict
from catalogue.core.requests.workflow import advance
from catalogue.core.rules.advice import set_advice
from catalogue.core.store import Store, open_store
from programme_helpers import make_programme
from request_helpers import new_request, record_osja

#: The bad-input corpus. Arguments reach a process as str; non-UTF-8 bytes in argv arrive as
#: lone surrogates (Python's surrogateescape), which is what the last entries simulate.
CORPUS: dict[str, str] = {
    "empty": "",
    "blank": "   ",
    "long": "x" * 10_000,
    "long-words": "Kenya " * 1_700,
    "long-digits": "9" * 10_000,
    "controls": "a\x00b\x07c\x08d\x7fe",
    "newlines": "line one\nline two\r\n",
    "ansi-colour": "\x1b[31mred\x1b[0m",
    "ansi-clear": "\x1b[2J\x1b[Hgone",
    "osc-link": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "c1-csi": "\x9b31mred",
    "rich-bold": "[bold]loud[/bold]",
    "rich-close": "[/]",
    "rich-link": "[link=https://evil.example]click[/link]",
    "sql-drop": "'; DROP TABLE programmes; --",
    "sql-or": "1 OR 1=1",
    "sql-like": "%_\\",
    "fts-quote": '"',
    "fts-star": "*",
    "fts-near": "NEAR(kenya police, 2)",
    "fts-and": "AND",
    "fts-column": "title:kenya OR ^notes",
    "bad-date": "2026-02-30",
    "zero-date": "0000-00-00",
    "negative": "-1",
    "huge-number": "99999999999999999999999",
    "unicode-digit": "²",
    "not-finite": "nan",
    "non-utf8": "Holl\udce4nd\udcff",
    "bidi": "\u202egnp.exe",
    "emoji": "🇰🇪 Kenya",
}
#: Always tried on every parameter; the rest are sampled (seeded) to keep the run short.
ALWAYS = ("empty", "long", "long-digits", "unicode-digit", "ansi-colour", "c1-csi", "non-utf8",
          "controls")
SAMPLE = 3

DOCUMENTED_CODES = {0, 1, 2, 3, 4, 5, 6, 130}
ESCAPES = ("\x1b", "\x9b")  # ESC and the one-byte CSI: what a terminal would obey

#: A valid invocation of every command: positional values in order, then options.
#: ``{backup}`` is replaced by a valid backup file.
BASELINES: dict[str, tuple[list[str], dict[str, str | list[str]]]] = {
    "advice clear": (["Kenya"], {}),
    "advice list": ([], {}),
    "advice set": (["Kenya", "none"], {"--as-of": "2026-11-20"}),
    "areas": ([], {}),
    "check": ([], {"--country": "Kenya"}),
    "map": ([], {"--width": "40"}),
    "stats disciplines": ([], {}),
    "stats states": ([], {}),
    "stats steps": ([], {}),
    "stats regions": ([], {}),
    "facets": ([], {}),
    "conflict clear": (["Kenya"], {}),
    "conflict list": ([], {}),
    "conflict set": (["Kenya"], {"--as-of": "2026-11-20"}),
    "countries": ([], {}),
    "country": (["Kenya"], {}),
    "db backup": (["copy.db"], {}),
    "db check": ([], {}),
    "db init": ([], {}),
    "db path": ([], {}),
    "db reseed": ([], {}),
    "db restore": (["{backup}"], {"--yes": ""}),
    "discipline": (["command"], {}),
    "disciplines": ([], {}),
    "module": (["cmd-decision-logs"], {}),
    "ethics": ([], {"--edition": "2014"}),
    "osja export": (["2"], {"--format": "md"}),
    "osja history": (["1"], {}),
    "osja incident": (["Kenya"], {"--on": "2026-11-20", "--note": "reported"}),
    "osja incidents": ([], {}),
    "osja questions": ([], {}),
    "osja record": (["1"], {
        "--author": "A. Assessor", "--stage1-ref": "BHC 1", "--stage1-date": "2026-10-01",
        "--serious-risk": "no", "--ihl": "does-not-apply", "--level": "minister",
        "--level-reason": "low risk", "--consulted": "BHC, 2026-11-20",
        "--answer": [f"{p}=unclear" for p in ("serious-risk", "stage1-situation",
                                              "instability", "ihl-applies", "reputation",
                                              "export-controls")]}),
    "osja show": (["1"], {}),
    "programme add": (["1", "inv-peace-interviewing"], {}),
    "programme clone": (["1"], {"--country": "Ghana"}),
    "programme delete": (["1"], {"--yes": ""}),
    "programme export": (["1"], {"--format": "md"}),
    "programme list": ([], {}),
    "programme move": (["1", "cmd-decision-logs", "1"], {}),
    "programme new": (["Title"], {"--country": "Kenya"}),
    "programme remove": (["1", "cmd-decision-logs"], {}),
    "programme set": (["1"], {"--title": "New title"}),
    "programme show": (["1"], {}),
    "regions": ([], {}),
    "request advance": (["1"], {}),
    "request decline": (["1"], {"--reason": "no"}),
    "request edit": (["1"], {"--notes": "changed"}),
    "request history": (["1"], {}),
    "request link": (["1", "1"], {}),
    "request list": ([], {}),
    "request pack": (["1"], {"--output": "pack.md"}),
    "request new": ([], {"--body": "Kenya Police Service", "--country": "Kenya"}),
    "request reset": (["2"], {"--to": "received", "--reason": "again"}),
    "request show": (["1"], {}),
    "request withdraw": (["1"], {"--reason": "no"}),
    "trainer accredit": (["1"], {"--discipline": "command", "--on": "2026-01-10"}),
    "trainer add": (["A. Name"], {"--kind": "staff"}),
    "trainer assign": (["1", "1"], {}),
    "trainer available": (["1", "1"], {}),
    "trainer edit": (["1"], {"--name": "New name"}),
    "trainer history": (["1"], {}),
    "trainer list": ([], {}),
    "trainer show": (["1"], {}),
    "trainer subject": (["1"], {"--discipline": "command"}),
    "trainer team": (["1"], {}),
    "trainer unassign": (["2", "1"], {}),
    "trainer unavailable": (["1"], {"--from": "2027-05-01", "--to": "2027-05-02"}),
    "calendar": ([], {"--month": "2027-03"}),
    "delivery cohort": (["2"], {"--group": "inspector:1:1"}),
    "delivery evaluate": (["2"], {"--level": "reaction", "--score": "4"}),
    "delivery show": (["2"], {}),
}
#: Not run here: ``tui`` opens the full-screen app (its inputs are tested in tests/tui).
# The servers run until stopped; their options are tested in tests/test_web_serve.py and
# tests/test_web_publish.py.
SKIPPED = {"tui", "serve", "publish"}


def _walk(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from _walk(command, path)
        else:
            yield " ".join(path), command


LEAVES = dict(_walk(cli))


def _takes_value(param: click.Parameter) -> bool:
    if isinstance(param, click.Option):
        return not param.is_flag and not param.count and param.name != "help" and not param.hidden
    return isinstance(param, click.Argument)


def _long_name(option: click.Option) -> str:
    return max(option.opts, key=len)


def _invocation(path: str, command: click.Command, target: click.Parameter | None,
                value: str, backup: str) -> list[str]:
    positional, options = BASELINES[path]
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    values = [v.replace("{backup}", backup) for v in positional]
    args: list[str] = []
    for name, option_value in options.items():
        if target is not None and isinstance(target, click.Option) and _long_name(target) == name:
            continue
        if isinstance(option_value, list):
            args += [f"{name}={v}" for v in option_value]
        else:
            args += [name] if option_value == "" else [f"{name}={option_value}"]
    if isinstance(target, click.Option):
        args.append(f"{_long_name(target)}={value}")
    if isinstance(target, click.Argument):
        index = arguments.index(target)
        values += [""] * (index + 1 - len(values))
        values[index] = value
    return [*path.split(), *args, *(["--", *values] if values else [])]


def _user_state(db: Path) -> str:
    """A digest of every user table and of ``_meta`` (which records any reseed)."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(db)
    try:
        for table in ("_meta", "travel_advice", "requests", "request_events", "programmes",
                      "programme_modules", "trainers", "trainer_subjects",
                      "trainer_unavailable", "trainer_assignments", "delivery_cohorts",
                      "delivery_results", "delivery_evaluations", "trainer_events",
                      "osja_assessments", "osja_answers", "osja_incidents",
                      "conflict_register"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(tuple(row)).encode("utf-8", "backslashreplace"))
    finally:
        conn.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def hardening_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded database with programme 1 (two modules), request 1 (received), request 2
    (scoping, with an OSJA assessment version), travel advice and an armed-conflict entry for
    Kenya, for the baselines."""
    target = tmp_path_factory.mktemp("hardening") / "catalogue.db"
    shutil.copyfile(seeded_template, target)
    with open_store(target) as store:
        make_programme(store, ["cmd-national-decision-model", "cmd-decision-logs"])
        new_request(store)
        second = new_request(store)
        advance(store, second.id, by="tester")
        record_osja(store, second.id)
        set_advice(store, "KE", "none", date(2026, 11, 20), by="tester")
        _trainers(store)
        set_conflict(store, "KE", date(2026, 11, 20), by="tester", part="the north-east")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return target


def _trainers(store: Store) -> None:
    """Trainer 1 (unavailable period 1), trainer 2 on programme 1, and programme 2 (started
    2026-10-05, cohort 30) for the trainer, calendar and delivery baselines."""
    from catalogue.core.trainers import roster
    from catalogue.core.trainers.assignments import assign

    make_programme(store, ["cmd-national-decision-model"], start_date="2026-10-05",
                   cohort_size="30")
    first = roster.add_trainer(store, "A. Okafor", "associate", by="tester")
    roster.set_unavailable(store, first, "2027-04-01", "2027-04-02", by="tester")
    assign(store, roster.add_trainer(store, "B. Jones", "staff", by="tester"), 1, by="tester")


def _restore(template: Path, db: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, db)


def _samples(path: str, param: click.Parameter) -> list[str]:
    rng = random.Random(f"{path}:{param.name}")
    others = sorted(set(CORPUS) - set(ALWAYS))
    return [*ALWAYS, *rng.sample(others, SAMPLE)]


def test_every_command_has_a_baseline() -> None:
    assert set(LEAVES) - SKIPPED == set(BASELINES), "add a baseline invocation for new commands"


def _problems(result, args: list[str], changed: bool) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    shown = [a if len(a) < 40 else a[:37] + "..." for a in args]
    if result.exit_code not in DOCUMENTED_CODES:
        found.append(f"{shown}: exit {result.exit_code}: {result.stderr.strip()[:200]}")
    if "Traceback" in result.output:
        found.append(f"{shown}: traceback")
    if any(esc in result.output for esc in ESCAPES):
        found.append(f"{shown}: raw escape sequence in the output")
    if result.exit_code != 0:
        lines = result.stderr.splitlines()
        if len(lines) != 1 or not lines[0].startswith("catalogue: "):
            found.append(f"{shown}: exit {result.exit_code} but stderr is {result.stderr[:200]!r}")
        if changed:
            found.append(f"{shown}: failed (exit {result.exit_code}) but changed the database")
    return found


@pytest.mark.parametrize("path", sorted(BASELINES))
def test_bad_input_to_every_parameter(path: str, hardening_template: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative file names in the corpus land here
    db = tmp_path / "catalogue.db"
    backup = tmp_path / "backup.db"
    shutil.copyfile(hardening_template, backup)
    _restore(hardening_template, db)
    command = LEAVES[path]
    runner = CliRunner()

    baseline = runner.invoke(cli, ["--db", str(db), *_invocation(path, command, None, "",
                                                                  str(backup))])
    assert baseline.exit_code == 0, (path, baseline.output)
    _restore(hardening_template, db)

    problems: list[str] = []
    for param in [p for p in command.params if _takes_value(p)]:
        for key in _samples(path, param):
            args = _invocation(path, command, param, CORPUS[key], str(backup))
            before = _user_state(db)
            result = runner.invoke(cli, ["--db", str(db), *args])
            after = _user_state(db)
            problems += [f"[{key}] {p}" for p in _problems(result, args, before != after)]
            if after != before:
                _restore(hardening_template, db)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("key", sorted(CORPUS))
def test_bad_database_path(key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--db`` itself: anything but a traceback or an undocumented code."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--db", CORPUS[key], "country", "Kenya"])
    assert _problems(result, ["--db", CORPUS[key]], changed=False) == []


HOSTILE = "\x1b[2J\x1b]8;;https://evil.example\x07[bold]x[/]\x9b31m\x07"
READ_COMMANDS = [
    "programme list", "programme list --json", "programme list --csv", "programme show 1",
    "programme show 1 --json", "programme export 1", "programme export 1 --format json",
    "programme export 1 --format csv", "programme export 1 --redact",
    "request list", "request list --json", "request list --csv", "request show 1",
    "request show 1 --json", "request history 1", "request history 1 --json",
    "request history 1 --csv", "request history --all", "request history --all --json",
    "advice list", "advice list --json", "advice list --csv", "country Kenya",
    "country Kenya --json", "check --country Kenya", "osja show 1", "osja show 1 --json",
    "osja history 1", "osja history 1 --json", "osja incidents", "conflict list",
]


def _hostile_osja(store: Any, request_id: int) -> None:
    """An OSJA assessment version with escape sequences in every free-text field."""
    from catalogue.core.osja.record import AssessmentInput, record_assessment
    from catalogue.core.osja.view import osja_overview

    prompts = osja_overview(store, request_id)["prompts"]
    record_assessment(store, request_id, AssessmentInput(
        author=HOSTILE, assessed_on=date.today(), stage1_reference=HOSTILE,
        stage1_date=date.today(), serious_risk="no", ihl="does-not-apply",
        decided_level="minister", decided_reason=HOSTILE, mitigations=HOSTILE,
        answers={p["id"]: "unclear" for p in prompts}, notes={p["id"]: HOSTILE for p in prompts},
        consulted=[(HOSTILE, date.today())]), by=HOSTILE)


def test_stored_hostile_text_is_shown_literally_in_every_format(db_path: Path) -> None:
    """Text saved earlier (by the TUI, an import, an older version) with escape sequences in
    every free-text field comes out escaped in tables, JSON and CSV alike."""
    from catalogue.core.requests.register import edit_request

    with open_store(db_path) as store:
        make_programme(store, [("cmd-decision-logs", None, HOSTILE)], title=f"T{HOSTILE}",
                       notes=HOSTILE, language_notes=HOSTILE, vulnerability_notes=HOSTILE,
                       commercial_terms=HOSTILE)
        request = new_request(store, ethics_concerns=[HOSTILE])
        edit_request(store, request.id, {"notes": HOSTILE, "requesting_body": f"B{HOSTILE}"},
                     by=f"U{HOSTILE}", note=HOSTILE)
        set_advice(store, "KE", "against-all-but-essential", date(2026, 11, 20), by=HOSTILE,
                   part=HOSTILE, note=HOSTILE)
        set_conflict(store, "KE", date(2026, 11, 20), by=HOSTILE, part=HOSTILE, note=HOSTILE)
        record_incident(store, "KE", date(2026, 11, 20), HOSTILE, by=HOSTILE)
        _hostile_osja(store, 1)
    runner = CliRunner()
    leaks = []
    for command in READ_COMMANDS:
        result = runner.invoke(cli, ["--db", str(db_path), *command.split()])
        assert result.exit_code == 0, (command, result.output)
        if any(esc in result.output for esc in ESCAPES):
            leaks.append(command)
    assert leaks == []
