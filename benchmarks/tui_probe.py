"""Drive the app with Pilot on one database and write what each step cost, as JSON.

    python benchmarks/tui_probe.py DB OUT.json [--headless] [--page-size N]

Run by ``benchmarks/tui.py`` in a child process on a pseudo-terminal (so the app draws every
frame for real, as for a user; ``--headless`` skips only the final write of each frame).

For each step the probe records two figures:

* ``ui_ms`` — CPU time of the UI thread (``time.thread_time()`` of the thread running the
  event loop) from the key press until the screen shows the result and the app has settled:
  every handler, layout, compositor pass and frame write the step caused. Database queries
  run in worker threads and are not counted, unless a step ran one on the UI thread. Waiting
  (for a worker, a debounce timer) costs no CPU, so it is not counted either.
* ``wall_ms`` — elapsed time from the key press to the frame that shows the result,
  including the workers' queries and, for search keystrokes, the screen's deliberate
  debounce delay.

The probe drives :class:`ProbeApp`, a subclass of the app (the app itself has no benchmark
switches). Keys are posted to the app as the terminal driver posts them (a ``Key`` event),
not with ``Pilot.press``/``Pilot.pause``: those also post a callback to every widget on the
screen and wait for each, twice, and force an extra frame. That is the harness's work, not
the app's (measured idle on the builder, 51 widgets: 3.6 ms per wait, 5.1 ms per pause), and
it grows with the screen's widget count. After the step's result is in (a worker's typed
result delivered, a detail changed), the probe waits until no frame has been written
(``post_display_hook``) for ``SETTLE`` seconds, so the frame showing the result has been
written and follow-up work is done, and counts CPU to that point.
The probe's own polling (a 2 ms sleep loop) is included; it is a small overcount.

Steps: start (app constructed → explorer ready and drawn); country detail (↓ in the
countries table → the next country's card, with its programmes and open requests, drawn);
explorer search keystrokes; board open (F4 → state counts, the first page of requests and
the first request's detail drawn); builder search keystrokes (F3, /, then "command" one key
at a time over every programme). ``peak_rss_kb`` is the process's own peak resident memory
(``VmHWM``, which starts afresh when the process is exec'd; ``getrusage`` would report the
peak of the parent it was forked from, e.g. a runner that has just generated the database).
"""

from __future__ import annotations

import asyncio
import collections
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.message import Message

from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from catalogue.tui.workers import Loaded

SIZE = (160, 50)
TIMEOUT = 60.0


SETTLE = 0.05


class Meter:
    """Wall time to the result's frame, and UI-thread CPU time to :meth:`stop`."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.thread_time()
        self.shown: float | None = None

    def stop(self) -> dict[str, float]:
        shown = self.shown if self.shown is not None else time.perf_counter()
        return {"wall_ms": (shown - self.wall) * 1000,
                "ui_ms": (time.thread_time() - self.cpu) * 1000}


class ProbeApp(CatalogueApp):
    """The app as the probe drives it: it notes when each frame is written and counts the
    typed results its workers deliver (pass :meth:`count` as ``run_test``'s message hook)."""

    def __init__(self, db: str, config: TuiConfig | None = None) -> None:
        super().__init__(db, config or TuiConfig())
        self.last_frame = time.perf_counter()
        self.delivered: collections.Counter[str] = collections.Counter()

    def post_display_hook(self) -> None:
        self.last_frame = time.perf_counter()

    def count(self, message: Message) -> None:
        if isinstance(message, Loaded):
            self.delivered[type(message).__name__] += 1

    def press(self, key: str) -> None:
        """Post a key as the terminal driver does (see the module's notes on Pilot)."""
        character = KEY_CHARACTERS.get(key, key if len(key) == 1 else None)
        self.post_message(events.Key(key, character))


KEY_CHARACTERS = {"slash": "/", "escape": "\x1b", "enter": "\r", "space": " "}


async def press(app: ProbeApp, key: str) -> None:
    app.press(key)


async def shown(app: ProbeApp, meter: Meter) -> None:
    """Once the step's result is in: wait until no frame has been written for ``SETTLE``
    seconds (longer than a frame interval, so a pending repaint has been drawn, and any
    follow-up work is counted). Wall time stops at the last frame."""
    start = time.perf_counter()
    await until(lambda: time.perf_counter() - max(app.last_frame, start) > SETTLE,
                "the app to settle")
    meter.shown = max(app.last_frame, meter.wall)


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.002)


def changed(get: Callable[[], Any], before: Any) -> Callable[[], bool]:
    """A condition: ``get()`` is set and no longer ``before``."""
    return lambda: get() not in (None, before)


def grew(app: ProbeApp, result: str) -> Callable[[], bool]:
    """A condition: a worker has delivered another ``result`` (a Loaded subclass's name)."""
    seen = app.delivered[result]
    return lambda: app.delivered[result] > seen


def peak_rss_kb() -> int:
    """This process's own peak resident memory (see the module's notes)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def probe(db: str, headless: bool, page_size: int | None = None) -> dict[str, Any]:
    steps: dict[str, list[dict[str, float]]] = {}

    def record(name: str, meter: Meter) -> None:
        steps.setdefault(name, []).append(meter.stop())

    async def step(name: str, key: str, condition: Callable[[], bool], what: str) -> None:
        """Press ``key``, wait for ``condition`` (made before the press), then for the frame
        and the app to settle; record the step under ``name``."""
        meter = Meter()
        await press(app, key)
        await until(condition, what)
        await shown(app, meter)
        record(name, meter)

    meter = Meter()
    app = ProbeApp(db, TuiConfig(page_size=page_size) if page_size else TuiConfig())
    async with app.run_test(headless=headless, size=SIZE, message_hook=app.count) as pilot:
        await until(lambda: app.is_ready, "the explorer")
        await pilot.pause()
        record("start", meter)

        explorer: Any = app.screen
        for _ in range(8):
            await step("country detail", "down",
                       changed(lambda: explorer.detail_key, explorer.detail_key),
                       "a country's detail")

        await pilot.press("slash")
        for key in "kenya":
            await step("explorer search keystroke", key, grew(app, "CountriesLoaded"),
                       "the countries table")
        await pilot.press("escape")

        def board_shown() -> bool:
            board: Any = app.screen
            return (type(board).__name__ == "BoardScreen" and board.detail is not None
                    and board.query_one("#requests").row_total > 0)

        await step("board open", "f4", board_shown,
                   "the board's counts, requests and first request")
        board: Any = app.screen
        for _ in range(5):
            await step("board next request", "down",
                       changed(lambda: board.detail["request"]["id"],
                               board.detail["request"]["id"]),
                       "the next request's detail")

        await pilot.press("f3")
        await until(lambda: type(app.screen).__name__ == "BuilderScreen", "the builder")
        builder: Any = app.screen
        await until(lambda: builder.query_one("#programmes").row_total > 0, "the programme list")
        await pilot.pause()
        await pilot.press("slash")
        for key in "command":
            await step("builder search keystroke", key, grew(app, "ListLoaded"),
                       "the programmes table")
    return {"steps": steps, "peak_rss_kb": peak_rss_kb()}


def main(argv: list[str]) -> int:
    db, out = argv[0], argv[1]
    page_size = int(argv[argv.index("--page-size") + 1]) if "--page-size" in argv else None
    result = asyncio.run(probe(db, headless="--headless" in argv, page_size=page_size))
    with open(out, "w") as handle:
        json.dump(result, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
