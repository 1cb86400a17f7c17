"""Run the benchmarks and print each figure as a ratio to its same-run baseline.

    make bench              # all groups
    python benchmarks/run.py lookup --rounds 40
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks import cli_lookup
from benchmarks.paired import Timing

GROUPS = {"lookup": cli_lookup.run}


def report(title: str, rows: list[tuple[Timing, float | None]]) -> bool:
    print(f"\n## {title}\n")
    print(f"{'measure':<40} {'median':>10} {'ratio':>7} {'target':>8}  ok")
    ok = True
    for timing, limit in rows:
        good = limit is None or timing.ratio <= limit
        ok &= good
        target = f"≤{limit:.2f}x" if limit else "baseline"
        print(f"{timing.name:<40} {timing.median_ms:8.1f}ms {timing.ratio:6.2f}x {target:>8}  "
              f"{'yes' if good else 'NO'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("groups", nargs="*", default=list(GROUPS), choices=list(GROUPS))
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    import catalogue

    # An installed tool has bytecode caches; make sure ours exist before timing.
    compileall.compile_dir(os.path.dirname(catalogue.__file__), quiet=1)
    all_ok = True
    for group in args.groups:
        all_ok &= report(group, GROUPS[group](args.rounds))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
