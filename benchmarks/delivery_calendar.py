"""The delivery calendar at 100,000 programmes (issue 16).

In-process (what the app's worker does): ``month_calendar`` for a busy month of the large
database (about 4,000 deliveries and their trainers and clashes) and for a trainer's month,
and a trainer's twelve-month .ics feed, each the median of several runs against an absolute
limit. Then the whole ``catalogue calendar --month`` command on the large database paired
with the same command on the small one: the ratio shows what 500 times the programmes cost
(the large month prints about 4,000 deliveries, the small one about ten).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.cli_lookup import catalogue_command
from benchmarks.large import databases
from benchmarks.paired import Figure, bench_env, paired

MONTH = "2025-03"  # inside the generated programmes' busiest stretch
MONTH_LIMIT_MS = 250.0
FEED_LIMIT_MS = 500.0
CLI_LIMIT = 10.0


def _median_ms(call: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    result = call()  # warm the page cache once
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def run(rounds: int = 25) -> list[Figure]:
    from catalogue.core.store import open_store
    from catalogue.core.trainers.calendar import month_calendar
    from catalogue.core.trainers.ical import build_feed

    small, large = databases()
    figures = []
    with open_store(large) as store:
        ms, month = _median_ms(lambda: month_calendar(store, MONTH), rounds)
        figures.append(Figure(f"month_calendar {MONTH} (large db, all deliveries)", ms, None,
                              MONTH_LIMIT_MS, "ms",
                              f"{len(month.entries)} deliveries, {month.clash_count} with "
                              "clashes"))
        ms, mine = _median_ms(lambda: month_calendar(store, MONTH, trainer_id=1), rounds)
        figures.append(Figure(f"month_calendar {MONTH} --trainer 1 (large db)", ms, None,
                              MONTH_LIMIT_MS, "ms", f"{len(mine.entries)} deliveries"))
        ms, feed = _median_ms(lambda: build_feed(store, "2025-01", 12, trainer_id=1),
                              max(3, rounds // 5))
        figures.append(Figure("12-month .ics feed for trainer 1 (large db)", ms, None,
                              FEED_LIMIT_MS, "ms", f"{feed.events} events"))
    command = catalogue_command()
    args = ["calendar", "--month", MONTH]
    base, target = paired([*command, "--db", small, *args],
                          {f"catalogue calendar --month {MONTH} (large)":
                           [*command, "--db", large, *args]},
                          rounds=max(5, rounds // 3), env=bench_env())
    figures.append(Figure.from_timing(target, CLI_LIMIT, f"small database: "
                                                         f"{base.median_ms:.0f} ms"))
    return figures
