"""Run the benchmarks and print each figure as a ratio to its same-run baseline.

    make bench                                   # every group
    python benchmarks/run.py lookup --rounds 40  # one group
    python benchmarks/run.py large tui --json benchmarks/out/results.json

Groups: lookup (quick lookup vs `python -c "import click, sqlite3"`), large (CLI listings on
the large generated database vs the small one), tui (start-up vs a minimal Textual app;
Pilot timings and memory, large vs small), export (40-module Word export), seed (first-use
seeding), calendar (the delivery calendar and .ics feed at 100,000 programmes). Exits 1 if
any figure misses its target. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks import cli_lookup, delivery_calendar, export_seed, large, tui
from benchmarks.paired import Figure

GROUPS: dict[str, Callable[[int], list[Figure]]] = {
    "lookup": cli_lookup.run,
    "large": large.run,
    "tui": tui.run,
    "export": export_seed.run_export,
    "seed": export_seed.run_seed,
    "calendar": delivery_calendar.run,
}


def machine() -> str:
    def output(*argv: str) -> str:
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"

    memory = output("free", "-h").splitlines()
    load = os.getloadavg()
    return (f"{output('nproc')} CPUs; memory: {memory[1].split()[1] if len(memory) > 1 else '?'}; "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; Python "
            f"{platform.python_version()}; SQLite {sqlite3.sqlite_version}; {platform.platform()}")


def report(title: str, figures: list[Figure]) -> bool:
    print(f"\n## {title}\n")
    print(f"{'measure':<56} {'median':>9} {'ratio':>6} {'target':>8}  ok   note")
    ok = True
    for figure in figures:
        ok &= figure.ok
        median = f"{figure.median_ms:7.1f}ms" if figure.median_ms is not None else "-"
        ratio = f"{figure.ratio:5.2f}x" if figure.ratio is not None else "-"
        if figure.limit is None:
            target = "info"
        elif figure.unit == "x":
            target = f"≤{figure.limit:.2f}x"
        else:
            target = f"≤{figure.limit:.0f}ms"
        print(f"{figure.name:<56} {median:>9} {ratio:>6} {target:>8}  "
              f"{'yes' if figure.ok else 'NO ':<3}  {figure.note}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("groups", nargs="*", metavar="GROUP",
                        help=f"any of {', '.join(GROUPS)} (default: all)")
    parser.add_argument("--rounds", type=int, default=25, help="paired rounds per figure")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    import catalogue

    # An installed tool has bytecode caches; make sure ours exist before timing.
    compileall.compile_dir(os.path.dirname(catalogue.__file__), quiet=1)
    compileall.compile_dir(os.path.dirname(os.path.abspath(__file__)), quiet=1)
    print(f"# catalogue benchmarks, {time.strftime('%Y-%m-%d %H:%M')}\n\n{machine()}")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print("warning: the machine is busy (load average above the number of CPUs); ratios "
              "are less steady and absolute times are inflated")
    all_ok = True
    results: dict[str, list[dict[str, object]]] = {}
    for group in args.groups or list(GROUPS):
        began = time.perf_counter()
        figures = GROUPS[group](args.rounds)
        all_ok &= report(f"{group} ({time.perf_counter() - began:.0f} s)", figures)
        results[group] = [{**asdict(f), "ok": f.ok} for f in figures]
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as handle:
            json.dump({"machine": machine(), "rounds": args.rounds, "groups": results},
                      handle, indent=2)
    print("\nall targets met" if all_ok else "\nsome targets missed (NO above)")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
