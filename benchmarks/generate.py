"""Generate a large synthetic catalogue database for the scale benchmarks.

    python benchmarks/generate.py                    # benchmarks/out/large.db (the issue's scale)
    python benchmarks/generate.py --small            # benchmarks/out/small.db (1/500 of it)
    python benchmarks/generate.py -o /tmp/x.db --programmes 200 --requests 200 --events 2000

The database is created and seeded by the app's own ``open_store`` (so every reference table,
migration and index is the real one), then user tables are bulk-filled with ``executemany``
in one transaction with journalling off: programmes (every country, 5–20 modules each, some
hours overridden), requests in every state with the step records each state implies and
links to programmes, the append-only audit trail in chronological order, and trainers (one per
25 programmes) with one or two on every programme. The programmes' full-text index is filled
by one FTS5 ``rebuild`` and the delivery spans by one grouped pass (their triggers are dropped
for the load and recreated from their stored SQL). WAL is restored at the end. No ANALYZE is run: the planner
sees the database exactly as a user's would be.

Deterministic: the same seed and sizes give the same rows (timestamps are relative to a
fixed reference moment, not the clock).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from catalogue.core.trainers.spans import REBUILD as REBUILD_SPANS

OUT = Path(__file__).resolve().parent / "out"
#: Timestamps are spread over the four years before this moment.
REFERENCE = datetime(2026, 1, 1, tzinfo=UTC)
SPAN_DAYS = 4 * 365

FORWARD = ("received", "scoping", "ipab-submitted", "jiph-approved", "osja-assessed",
           "embassy-consulted", "authorised", "scheduled", "delivered")
#: How requests are spread over the states (weights).
STATE_WEIGHTS = {"received": 10, "scoping": 12, "ipab-submitted": 8, "jiph-approved": 7,
                 "osja-assessed": 6, "embassy-consulted": 5, "authorised": 5, "scheduled": 7,
                 "delivered": 25, "declined": 8, "withdrawn": 7}
DECLINE_SIGNALS = ("decline-jiph-refused", "decline-staff-risk", "decline-no-skills",
                   "decline-ethics")
USERS = ("a.jones", "b.okafor", "c.singh", "d.evans", "e.mwangi", "f.hughes", "g.patel",
         "h.wright")
BODIES = ("Police Service", "National Police", "Ministry of Interior", "Police Academy",
          "Criminal Investigation Department", "Anti-Corruption Commission",
          "Counter-Terrorism Unit", "Border Police", "Prosecution Service")
KINDS = ("course", "workshop", "programme", "seminar", "masterclass", "training",
         "mentoring", "exchange")
MODES = ("uk", "in-country", "remote", "blended")
LOCATIONS = ("uk", "in-country", "remote")
DELIVERERS = ("staff", "associates", "serving-officers")
GRADES = ("low", "medium", "high")
APPROVERS = ("head-of-department", "minister")

#: The words programme notes are made of: plain ones plus deterministic made-up ones, so a
#: search can hit many programmes ("command") or very few (a rare made-up word).
PLAIN_WORDS = ("follow-up", "visit", "embassy", "request", "trainers", "agreed", "cohort",
               "dates", "venue", "interpreters", "local", "law", "curriculum", "refresher",
               "regional", "partners", "funding", "pilot", "evaluation", "mentors")


def made_up_words(rng: random.Random, count: int = 2000) -> list[str]:
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


@dataclass
class Sizes:
    programmes: int = 100_000
    requests: int = 100_000
    events: int = 1_000_000
    min_modules: int = 5
    max_modules: int = 20
    seed: int = 6


SMALL = Sizes(programmes=200, requests=200, events=2_000)


@dataclass
class Report:
    path: str
    sizes: dict[str, int]
    rows: dict[str, int]
    seconds: dict[str, float]

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


class _Clock:
    """Fast ``YYYY-MM-DDTHH:MM:SSZ`` for epoch seconds (dates cached by day)."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def stamp(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86400)
        text = self._days.get(day)
        if text is None:
            text = datetime.fromtimestamp(day * 86400, UTC).strftime("%Y-%m-%d")
            self._days[day] = text
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{text}T{hours:02d}:{minutes:02d}:{secs:02d}Z"

    def date(self, seconds: int) -> str:
        return self.stamp(seconds)[:10]


def _reference_data(conn: sqlite3.Connection) -> dict[str, Any]:
    countries = conn.execute("SELECT code, name, assisted FROM countries ORDER BY code").fetchall()
    modules = conn.execute("SELECT id, discipline_id, hours FROM modules ORDER BY id").fetchall()
    disciplines = conn.execute("SELECT id, title FROM disciplines ORDER BY position").fetchall()
    levels = [r[0] for r in conn.execute("SELECT id FROM levels ORDER BY rank")]
    return {"countries": countries, "modules": modules, "disciplines": disciplines,
            "levels": levels}


def _country_picker(rng: random.Random, countries: list[tuple[str, str, int]]
                    ) -> Iterator[tuple[str, str]]:
    """Every country appears; assisted countries four times as often as the rest."""
    weights = [4 if assisted else 1 for _code, _name, assisted in countries]
    pairs = [(code, name) for code, name, _assisted in countries]
    yield from pairs  # each country at least once
    while True:
        yield from rng.choices(pairs, weights=weights, k=4096)


def _programme_rows(rng: random.Random, ref: dict[str, Any], sizes: Sizes, clock: _Clock,
                    links: dict[int, int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    words = made_up_words(rng)
    countries = _country_picker(rng, ref["countries"])
    modules = ref["modules"]
    titles = [t for _id, t in ref["disciplines"]]
    levels = ref["levels"]
    end = int(REFERENCE.timestamp())
    start = end - SPAN_DAYS * 86400
    programmes: list[tuple[Any, ...]] = []
    entries: list[tuple[Any, ...]] = []
    for pid in range(1, sizes.programmes + 1):
        code, name = next(countries)
        topic = rng.choice(titles)
        title = f"{name} {topic} {rng.choice(KINDS)} {rng.randint(2022, 2027)}"
        notes = None
        if rng.random() < 0.7:
            notes = " ".join([*rng.sample(PLAIN_WORDS, 3), rng.choice(words),
                              rng.choice(words)]).capitalize()
        created = rng.randint(start, end - 86400)
        updated = rng.randint(created, end)
        begins = clock.date(created + rng.randint(30, 400) * 86400)
        programmes.append((
            pid, title, code, links.get(pid), rng.choice(MODES), begins, rng.choice(levels),
            rng.randint(8, 40), "Interpreters needed" if rng.random() < 0.1 else None, notes,
            "Venue security to confirm" if rng.random() < 0.05 else None,
            "Cost shared with partners" if rng.random() < 0.05 else None,
            rng.randint(1, 4), rng.choice((None, *GRADES)), rng.choice((None, 6.0, 7.0)),
            clock.stamp(created), clock.stamp(updated)))
        count = rng.randint(sizes.min_modules, min(sizes.max_modules, len(modules)))
        for position, (module_id, _discipline, hours) in enumerate(rng.sample(modules, count), 1):
            override = round(hours * rng.choice((0.5, 1.5, 2.0)), 1) if rng.random() < 0.2 else None
            note = "Adapt to local law" if rng.random() < 0.1 else None
            entries.append((pid, position, module_id, override, note))
    return programmes, entries


def _request_rows(rng: random.Random, ref: dict[str, Any], sizes: Sizes, clock: _Clock,
                  links: dict[int, int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Requests in every state, and their audit rows in chronological order."""
    countries = _country_picker(rng, ref["countries"])
    discipline_ids = [d for d, _t in ref["disciplines"]]
    module_ids = [m for m, _d, _h in ref["modules"]]
    levels = ref["levels"]
    states = list(STATE_WEIGHTS)
    weights = list(STATE_WEIGHTS.values())
    end = int(REFERENCE.timestamp())
    start = end - SPAN_DAYS * 86400
    requests: list[tuple[Any, ...]] = []
    timeline: list[tuple[int, int, int, str, str | None, str | None, str, str | None, str]] = []
    for rid in range(1, sizes.requests + 1):
        code, name = next(countries)
        state = rng.choices(states, weights=weights)[0]
        if state in FORWARD:
            path = list(FORWARD[:FORWARD.index(state) + 1])
        else:  # declined / withdrawn from some state before delivery
            path = [*FORWARD[:rng.randint(1, len(FORWARD) - 1)], state]
        created = rng.randint(start, end - 86400)
        step = max(60, min(20 * 86400, (end - created) // (len(path) + 2)))
        moments = [created]
        for _ in path[1:]:
            moments.append(moments[-1] + rng.randint(step // 4, step))
        if state == "delivered":  # a day at least between scheduling and delivery
            moments[-1] = max(moments[-1], (moments[-2] // 86400 + 1) * 86400 + 3600)
        who = rng.choice(USERS)
        timeline.append((created, rid, 0, "created", None, "received", who, None, "{}"))
        for seq, (before, after) in enumerate(itertools.pairwise(path), 1):
            action = "advanced" if after in FORWARD else after
            timeline.append((moments[seq], rid, seq, action, before, after, rng.choice(USERS),
                             None, "{}"))
        reached = {s for s in path if s in FORWARD}
        grade = rng.choice(GRADES) if "osja-assessed" in reached else None
        begins = created + rng.randint(60, 500) * 86400
        if state == "delivered":  # the course starts after the day it was scheduled, and is
            # marked delivered on or after its first day
            first_day, last_day = moments[-2] // 86400 + 1, moments[-1] // 86400
            begins = max(first_day, last_day - rng.randint(0, 10)) * 86400
        requests.append((
            rid, f"{name} {rng.choice(BODIES)}", code,
            json.dumps(rng.sample(discipline_ids, rng.randint(1, 3))),
            json.dumps(rng.sample(module_ids, rng.randint(0, 4))),
            rng.choice(LOCATIONS), json.dumps(rng.sample(levels, rng.randint(1, 2))),
            rng.randint(6, 40), clock.date(begins), clock.date(begins + rng.randint(3, 20) * 86400),
            json.dumps(rng.sample(DELIVERERS, rng.randint(1, 2))),
            "Follow-up to an earlier visit" if rng.random() < 0.3 else None, "[]", state,
            f"IPAB-{rid:06d}" if "ipab-submitted" in reached else None,
            f"JIPH-{rid:06d}" if "jiph-approved" in reached else None,
            grade, grade,
            f"British Embassy ({name})" if "embassy-consulted" in reached else None,
            rng.choice(USERS) if "authorised" in reached else None,
            rng.choice(APPROVERS) if "authorised" in reached else None,
            None, rng.choice(DECLINE_SIGNALS) if state == "declined" else None,
            links.get(rid), clock.stamp(created), who, clock.stamp(moments[-1]),
            clock.stamp(moments[-1])))
    # Edits fill the trail up to the wanted number of audit rows.
    spare = max(0, sizes.events - len(timeline))
    last = {rid: created for created, rid, *_rest in timeline}
    for _ in range(spare):
        rid = rng.randint(1, sizes.requests)
        at = min(end, last[rid] + rng.randint(3600, 30 * 86400))
        timeline.append((at, rid, 99, "edited", None, None, rng.choice(USERS),
                         "Dates agreed by phone", '{"changed": {"start": ["2026-03-02", "2026-03-09"]}}'))
    timeline.sort(key=lambda e: (e[0], e[1], e[2]))
    events = [(i, rid, clock.stamp(at), who, action, before, after, note, details)
              for i, (at, rid, _seq, action, before, after, who, note, details)
              in enumerate(timeline, 1)]
    return requests, events


PROGRAMME_COLUMNS = ("id, title, country, request_id, delivery_mode, start_date, audience_level, "
                     "cohort_size, language_notes, notes, vulnerability_notes, commercial_terms, "
                     "trainers, osja_grade, hours_per_day, created_at, updated_at")
REQUEST_COLUMNS = ('id, requesting_body, country, disciplines, modules, location, audience, '
                   'cohort, start, "end", delivered_by, notes, ethics_concerns, state, '
                   'ipab_reference, jiph_reference, osja_grade, osja_computed_grade, mission, '
                   'authoriser, authoriser_level, s26_reference, decline_signal, programme_id, '
                   'created_at, created_by, updated_at, state_changed_at')
EVENT_COLUMNS = 'id, request_id, at, "by", action, from_state, to_state, note, details'
TRAINER_COLUMNS = "id, name, kind, force, languages, notes, created_at, updated_at"
ASSIGNMENT_COLUMNS = "trainer_id, programme_id, role, assigned_at, assigned_by"
#: One trainer for every 25 programmes, each programme with one or two of them: about seven
#: deliveries a trainer a year, so clashes are there but not on every delivery.
PROGRAMMES_PER_TRAINER = 25


def _trainer_rows(rng: random.Random, sizes: Sizes, clock: _Clock
                  ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    count = max(2, sizes.programmes // PROGRAMMES_PER_TRAINER)
    at = clock.stamp(int(REFERENCE.timestamp()) - 86400)
    kinds = ("staff", "associate", "serving-officer")
    trainers = []
    for tid in range(1, count + 1):
        kind = rng.choice(kinds)
        trainers.append((tid, f"Trainer {tid:04d}", kind,
                         "Kent Police" if kind == "serving-officer" else None, '["English"]',
                         None, at, at))
    assignments = []
    for pid in range(1, sizes.programmes + 1):
        for role, tid in zip(("lead", "trainer"), rng.sample(range(1, count + 1),
                                                             rng.randint(1, 2)), strict=False):
            assignments.append((tid, pid, role, at, rng.choice(USERS)))
    return trainers, assignments


def _insert(conn: sqlite3.Connection, table: str, columns: str,
            rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" * (columns.count(",") + 1))
    conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def generate(path: str | os.PathLike[str], sizes: Sizes | None = None, *,
             data_root: str | os.PathLike[str] | None = None) -> Report:
    """Create ``path`` afresh (replacing it) and fill it; returns counts and timings."""
    from catalogue.core.requests import chain
    from catalogue.core.store import open_store

    sizes = sizes or Sizes()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    seconds: dict[str, float] = {}
    began = time.perf_counter()
    open_store(target, data_root=data_root).close()
    seconds["seed"] = time.perf_counter() - began

    began = time.perf_counter()
    rng = random.Random(sizes.seed)
    clock = _Clock()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")  # 256 MiB
    conn.execute("PRAGMA temp_store=MEMORY")
    ref = _reference_data(conn)
    # Every third programme is linked both ways to the request with the same number.
    linked = range(3, min(sizes.programmes, sizes.requests) + 1, 3)
    programme_links = {pid: pid for pid in linked}
    programmes, entries = _programme_rows(rng, ref, sizes, clock, programme_links)
    requests, events = _request_rows(rng, ref, sizes, clock, programme_links)
    seconds["make rows"] = time.perf_counter() - began

    began = time.perf_counter()
    conn.execute("BEGIN")
    # The full-text and delivery-span triggers are dropped for the load, recreated from their
    # stored SQL, and their tables filled in one pass each.
    loaded = "tbl_name IN ('programmes', 'programme_modules')"
    triggers = [r[0] for r in conn.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND {loaded}")]
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                f"AND {loaded}").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    _insert(conn, "programmes", PROGRAMME_COLUMNS, programmes)
    _insert(conn, "programme_modules", "programme_id, position, module_id, hours, notes", entries)
    _insert(conn, "requests", REQUEST_COLUMNS, requests)
    _insert(conn, "request_events", EVENT_COLUMNS, events)
    chain.rebuild(conn)  # the audit trail's hash chain, as the tool would have written it
    trainers, assignments = _trainer_rows(rng, sizes, clock)
    _insert(conn, "trainers", TRAINER_COLUMNS, trainers)
    _insert(conn, "trainer_assignments", ASSIGNMENT_COLUMNS, assignments)
    seconds["insert"] = time.perf_counter() - began
    began = time.perf_counter()
    conn.execute("INSERT INTO programmes_fts (programmes_fts) VALUES ('rebuild')")
    for sql in triggers:
        conn.execute(sql)
    for statement in filter(None, (part.strip() for part in REBUILD_SPANS.split(";"))):
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    seconds["fts and commit"] = time.perf_counter() - began
    report = Report(str(target), asdict(sizes),
                    {"programmes": len(programmes), "programme_modules": len(entries),
                     "requests": len(requests), "request_events": len(events),
                     "trainers": len(trainers), "trainer_assignments": len(assignments)},
                    seconds)
    Path(f"{target}.json").write_text(json.dumps(_fingerprint(sizes)) + "\n")
    return report


def _fingerprint(sizes: Sizes) -> dict[str, Any]:
    """What a generated database depends on: the sizes and the schema (migrations)."""
    from catalogue.core.migrations import expected_names

    return {"sizes": asdict(sizes), "schema": expected_names()}


def ensure(path: Path, sizes: Sizes) -> Report | None:
    """Generate ``path`` unless it already holds these sizes on the current schema (a sidecar
    file records both)."""
    return None if is_current(path, sizes) else generate(path, sizes)


def is_current(path: Path, sizes: Sizes) -> bool:
    """Whether ``path`` holds these sizes on the current schema (its sidecar file says)."""
    sidecar = Path(f"{path}.json")
    if path.exists() and sidecar.exists():
        try:
            return bool(json.loads(sidecar.read_text()) == _fingerprint(sizes))
        except ValueError:
            return False
    return False


def describe(report: Report) -> str:
    rows = ", ".join(f"{n:,} {table}" for table, n in report.rows.items())
    steps = ", ".join(f"{name} {s:.1f} s" for name, s in report.seconds.items())
    return f"generated {report.path}: {rows} in {report.total_seconds:.1f} s ({steps})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, help="database file to (re)create")
    parser.add_argument("--small", action="store_true", help="the small comparison database")
    parser.add_argument("--programmes", type=int)
    parser.add_argument("--requests", type=int)
    parser.add_argument("--events", type=int)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    base = SMALL if args.small else Sizes()
    sizes = Sizes(**{**asdict(base), **{k: v for k, v in vars(args).items()
                                        if k in asdict(base) and v is not None}})
    output = args.output or OUT / ("small.db" if args.small else "large.db")
    print(describe(generate(output, sizes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
