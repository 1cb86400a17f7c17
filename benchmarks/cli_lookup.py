"""Quick lookup and listing against `python -c "import click, sqlite3"`."""

from __future__ import annotations

import os
import shutil
import tempfile

from benchmarks.paired import Figure, bench_env, paired, python, run_once

TARGETS = {"country exact (Kenya)": ("country", "Kenya"),
           "country fuzzy (Kenia)": ("country", "Kenia"),
           "countries --region Africa --json": ("countries", "--region", "Africa", "--json")}
LIMITS = {"country exact (Kenya)": 1.3, "country fuzzy (Kenia)": 2.0,
          "countries --region Africa --json": 1.5}
BASELINE = [python(), "-c", "import click, sqlite3"]
#: The same lookup run through the command group directly, not the console script's ``run()``:
#: what the path itself costs without the exit's ``gc.freeze`` (see docs/performance.md).
WITHOUT_EXIT_FREEZE = "country exact (Kenya), without the exit freeze"
_DIRECT = ("import sys; from catalogue.cli.main import cli; "
           "sys.exit(cli.main(['country', 'Kenya'], 'catalogue'))")


def catalogue_command() -> list[str]:
    script = shutil.which("catalogue", path=os.path.dirname(python()))
    return [script] if script else [python(), "-m", "catalogue"]


def run(rounds: int = 25) -> list[Figure]:
    """Time each lookup against the baseline on a seeded database in the default location."""
    with tempfile.TemporaryDirectory() as home:
        env = bench_env()
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        env.pop("CATALOGUE_DB", None)
        command = catalogue_command()
        run_once([*command, "db", "init"], env)
        targets = {name: [*command, *args] for name, args in TARGETS.items()}
        targets[WITHOUT_EXIT_FREEZE] = [python(), "-c", _DIRECT]
        timings = paired(BASELINE, targets, rounds=rounds, env=env)
    return [Figure.from_timing(t, LIMITS.get(t.name),
                               "info: the path alone" if t.name == WITHOUT_EXIT_FREEZE else "")
            for t in timings]
