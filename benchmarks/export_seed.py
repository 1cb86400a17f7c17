"""Whole-command times with absolute targets: a 40-module Word export, and first-use seeding.

Both are timed as the user meets them (a fresh ``catalogue`` process, interpreter start-up
included) and checked against 500 ms of wall time. The baseline ``python -c "import click,
sqlite3"`` runs in the same rounds, so the ratio shows how loaded the machine was, and the
note gives the command's CPU time, which load inflates much less.
"""

from __future__ import annotations

import itertools
import os
import tempfile

from benchmarks.cli_lookup import BASELINE, catalogue_command
from benchmarks.paired import Figure, bench_env, paired, run_once

LIMIT_MS = 500.0
MODULES = 40


def make_programme(db: str, modules: int = MODULES) -> int:
    """A programme with ``modules`` library modules spread over every discipline; its id."""
    from catalogue.core.programmes.changes import create_programme
    from catalogue.core.programmes.model import ModuleEntry
    from catalogue.core.store import open_store

    with open_store(db) as store:
        ids = [r[0] for r in store.query(
            "SELECT m.id FROM modules m JOIN disciplines d ON d.id = m.discipline_id "
            "ORDER BY d.position, m.position")]
        chosen = [ids[i * len(ids) // modules] for i in range(modules)]
        return create_programme(store, {
            "title": "Kenya command and investigation course", "country": "Kenya",
            "start_date": "2027-01-11", "audience_level": "inspector", "cohort_size": 20,
            "trainers": 2, "delivery_mode": "in-country", "osja_grade": "medium",
            "notes": "Benchmark programme", "commercial_terms": "Shared costs",
            "vulnerability_notes": "Venue to confirm"}, [ModuleEntry(m) for m in chosen])


def run_export(rounds: int = 25) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env()
        command = catalogue_command()
        db = os.path.join(tmp, "catalogue.db")
        run_once([*command, "--db", db, "db", "init"], env)
        programme = make_programme(db)
        out = os.path.join(tmp, "outline.docx")
        _base, export = paired(BASELINE, {
            f"programme export ({MODULES} modules) --format docx":
                [*command, "--db", db, "programme", "export", str(programme), "--format",
                 "docx", "-o", out, "--force"]}, rounds=rounds, env=env)
        size = os.path.getsize(out)
    return [Figure(export.name, export.median_ms, export.ratio, LIMIT_MS, "ms",
                   f"{size // 1024} KiB file; CPU {export.median_cpu_ms:.0f} ms")]


def run_seed(rounds: int = 25) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env()
        command = catalogue_command()
        counter = itertools.count()

        def fresh() -> list[str]:
            return [*command, "--db", os.path.join(tmp, f"seed-{next(counter)}.db"), "db", "init"]

        _base, seed = paired(BASELINE, {"db init (create and seed a fresh database)": fresh},
                             rounds=rounds, env=env)
    return [Figure(seed.name, seed.median_ms, seed.ratio, LIMIT_MS, "ms",
                   f"CPU {seed.median_cpu_ms:.0f} ms")]
