"""Paired timing of whole processes: each target run is timed next to its baseline.

Absolute times on a shared machine are noise; the ratio of a target to a baseline measured in
the same moment is not. Each round runs the baseline and every target once, in a rotating
order, and the reported figure is the median of the per-round ratios.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Timing:
    name: str
    seconds: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios) if self.ratios else 1.0


def bench_env() -> dict[str, str]:
    """The environment for timed processes: bytecode caches allowed, as for an installed tool."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {result.stderr.decode()[-300:]}")
    return elapsed


def paired(baseline: Sequence[str], targets: dict[str, Sequence[str]], rounds: int = 25,
           warmup: int = 3, env: dict[str, str] | None = None) -> list[Timing]:
    env = env or bench_env()
    names = ["baseline", *targets]
    commands = {"baseline": baseline, **targets}
    for _ in range(warmup):
        for name in names:
            run_once(commands[name], env)
    timings = {name: Timing(name) for name in names}
    for round_no in range(rounds):
        order = names[round_no % len(names):] + names[: round_no % len(names)]
        took = {name: run_once(commands[name], env) for name in order}
        for name in names:
            timings[name].seconds.append(took[name])
            timings[name].ratios.append(took[name] / took["baseline"])
    return list(timings.values())


def python() -> str:
    return sys.executable
