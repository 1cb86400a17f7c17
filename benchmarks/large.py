"""CLI listings on the large database against the same command on the small one.

Both databases come from :mod:`benchmarks.generate` (same generator, same seed): the large
one at the issue's scale, the small one at 1/500 of it. Each round runs the command on the
small database (the baseline) and on the large one; the figure is the median ratio.
"""

from __future__ import annotations

import random
import subprocess
import sys

from benchmarks import generate
from benchmarks.cli_lookup import catalogue_command
from benchmarks.paired import Figure, bench_env, paired

LIMIT = 3.0


def databases() -> tuple[str, str]:
    """(small, large) database paths, generated first when missing or of other sizes. The
    generator runs in a process of its own, so this one (the parent of every measured
    process) never grows to the generator's size."""
    paths = []
    for name, sizes, flags in (("small.db", generate.SMALL, ["--small"]),
                               ("large.db", generate.Sizes(), [])):
        path = generate.OUT / name
        if not generate.is_current(path, sizes):
            subprocess.run([sys.executable, generate.__file__, *flags], check=True)
        paths.append(str(path))
    return paths[0], paths[1]


def rare_word() -> str:
    """A made-up word in about 70 of the large database's programme notes."""
    return generate.made_up_words(random.Random(generate.Sizes().seed))[0]


def commands() -> dict[str, list[str]]:
    return {
        "request list --country KE --state scoping --json":
            ["request", "list", "--country", "KE", "--state", "scoping", "--json"],
        "programme list --search command": ["programme", "list", "--search", "command"],
        f"programme list --search {rare_word()} (rare)":
            ["programme", "list", "--search", rare_word()],
        "programme list --search c (one letter)": ["programme", "list", "--search", "c"],
    }


def run(rounds: int = 25) -> list[Figure]:
    small, large = databases()
    command = catalogue_command()
    env = bench_env()
    figures = []
    for name, args in commands().items():
        base, target = paired([*command, "--db", small, *args],
                              {f"{name} (large)": [*command, "--db", large, *args]},
                              rounds=rounds, env=env)
        figures.append(Figure.from_timing(target, LIMIT, f"small database: {base.median_ms:.0f} ms"))
    return figures
