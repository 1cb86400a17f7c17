"""The Textual app: start-up against a minimal Textual app, and Pilot timings at scale.

Start-up: ``benchmarks/start_app.py`` (``catalogue tui``'s imports and app, subclassed to quit
once the explorer's first complete screen has been drawn) and ``benchmarks/minimal_tui.py``
(one DataTable, quits after its first frame) run as paired processes on a 160×50
pseudo-terminal.

Pilot timings: ``benchmarks/tui_probe.py`` drives the app on the small and the large
database alternately, each run in its own process on a pseudo-terminal; see that module for
what each step measures. A figure is the median over runs of each run's median.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from typing import Any

from benchmarks.large import databases
from benchmarks.paired import Figure, bench_env, paired, pty_runner, python, run_in_pty

HERE = os.path.dirname(os.path.abspath(__file__))
START_LIMIT = 1.5
#: Probe step -> (limit on the large database's UI-thread milliseconds, what it is).
UI_LIMITS = {
    "board open": 120.0,
    "country detail": 250.0,
    "builder search keystroke": 35.0,
    "explorer search keystroke": 35.0,
}
MEMORY_LIMIT = 2.0


def _env(home: str) -> dict[str, str]:
    env = bench_env()
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")  # no user settings
    env.pop("CATALOGUE_CONFIG", None)
    return env


def start(rounds: int, small: str, large: str, env: dict[str, str]) -> list[Figure]:
    command = [python(), os.path.join(HERE, "start_app.py")]
    timings = paired([python(), os.path.join(HERE, "minimal_tui.py")], {
        "tui start → first complete screen": [*command, small],
        "tui start → first complete screen (large db)": [*command, large],
    }, rounds=rounds, warmup=2, env=env, runner=pty_runner)
    base, *targets = timings
    notes = {t.name: f"CPU {t.median_cpu_ms:.0f} ms vs {base.median_cpu_ms:.0f} ms" for t in targets}
    return [Figure.from_timing(targets[0], START_LIMIT, notes[targets[0].name]),
            Figure.from_timing(targets[1], None, notes[targets[1].name])]


def probe_once(db: str, env: dict[str, str], out: str) -> dict[str, Any]:
    _wall, _cpu, status, drawn = run_in_pty(
        [python(), os.path.join(HERE, "tui_probe.py"), db, out], env, timeout=300)
    if status != 0:
        raise RuntimeError(f"tui probe on {db} failed: {drawn[-1500:].decode(errors='replace')}")
    with open(out) as handle:
        result: dict[str, Any] = json.load(handle)
    return result


def _median_of_medians(runs: list[dict[str, Any]], step: str, key: str) -> float:
    return statistics.median(statistics.median(s[key] for s in run["steps"][step]) for run in runs)


def probes(runs: int, small: str, large: str, env: dict[str, str], tmp: str) -> list[Figure]:
    results: dict[str, list[dict[str, Any]]] = {"small": [], "large": []}
    for n in range(runs):
        for size, db in (("small", small), ("large", large)):
            results[size].append(probe_once(db, env, os.path.join(tmp, f"probe-{size}-{n}.json")))
    figures = []
    for step in results["large"][0]["steps"]:
        big = _median_of_medians(results["large"], step, "ui_ms")
        little = _median_of_medians(results["small"], step, "ui_ms")
        wall = _median_of_medians(results["large"], step, "wall_ms")
        figures.append(Figure(f"{step}: UI thread (large db)", big, big / little,
                              UI_LIMITS.get(step), "ms",
                              f"small db {little:.0f} ms; wall {wall:.0f} ms"))
    rss = {size: statistics.median(r["peak_rss_kb"] for r in runs_) / 1024
           for size, runs_ in results.items()}
    figures.append(Figure("peak memory, large db / small db", None, rss["large"] / rss["small"],
                          MEMORY_LIMIT, "x",
                          f"{rss['small']:.0f} MiB small, {rss['large']:.0f} MiB large"))
    return figures


def run(rounds: int = 25) -> list[Figure]:
    small, large = databases()
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        figures = start(rounds, small, large, env)
        figures += probes(max(3, rounds // 5), small, large, env, tmp)
    return figures
