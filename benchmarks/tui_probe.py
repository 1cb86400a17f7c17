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

Keys are posted to the app the way the terminal driver posts them (``App._press_keys``),
not with ``Pilot.press``/``Pilot.pause``: those also post a callback to every widget on the
screen and wait for each, twice, and force an extra frame. That is the harness's work, not
the app's (measured idle on the builder, 51 widgets: 3.6 ms per wait, 5.1 ms per pause), and
it grows with the screen's widget count. After the step's result is in (a worker's callback
ran, a detail changed), the probe waits until no frame has been written for ``SETTLE``
seconds, so the frame showing the result has been written and follow-up work is done, and
counts CPU to that point.
The probe's own polling (a 2 ms sleep loop) is included; it is a small overcount.

Steps: start (app constructed → explorer ready and drawn); country detail (↓ in the
countries table → the next country's card, with its programmes and open requests, drawn);
explorer search keystrokes; board open (F4 → state counts, the first page of requests and
the first request's detail drawn); builder search keystrokes (F3, /, then "command" one key
at a time over every programme). ``peak_rss_kb`` is the process's peak resident memory.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

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


class Frames:
    """When the app last wrote a frame to the terminal (wrapping ``App._display``)."""

    def __init__(self, app: Any) -> None:
        self.last = time.perf_counter()
        original = app._display

        def display(*args: Any, **kwargs: Any) -> Any:
            self.last = time.perf_counter()
            return original(*args, **kwargs)

        app._display = display


async def press(app: Any, key: str) -> None:
    """Post a key as the terminal driver does (see the module's notes on Pilot)."""
    await app._press_keys([key])


async def shown(frames: Frames, meter: Meter) -> None:
    """Once the step's result is in: wait until no frame has been written for ``SETTLE``
    seconds (longer than a frame interval, so a pending repaint has been drawn, and any
    follow-up work is counted). Wall time stops at the last frame."""
    start = time.perf_counter()
    await until(lambda: time.perf_counter() - max(frames.last, start) > SETTLE,
                "the app to settle")
    meter.shown = max(frames.last, meter.wall)


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.002)


def changed(get: Callable[[], Any], before: Any) -> Callable[[], bool]:
    """A condition: ``get()`` is set and no longer ``before``."""
    return lambda: get() not in (None, before)


def grew(counter: Counter) -> Callable[[], bool]:
    """A condition: the counter has counted another call since now."""
    seen = counter.calls
    return lambda: counter.calls > seen


class Counter:
    """Counts calls of a screen's ``show_NAME`` worker callback (wrapping the instance)."""

    def __init__(self, screen: Any, name: str) -> None:
        self.calls = 0
        original = getattr(screen, name)

        def counted(result: Any) -> None:
            original(result)
            self.calls += 1

        setattr(screen, name, counted)


async def probe(db: str, headless: bool, page_size: int | None = None) -> dict[str, Any]:
    from catalogue.tui.app import CatalogueApp
    from catalogue.tui.config import TuiConfig

    steps: dict[str, list[dict[str, float]]] = {}

    def record(name: str, meter: Meter) -> None:
        steps.setdefault(name, []).append(meter.stop())

    async def step(name: str, key: str, condition: Callable[[], bool], what: str) -> None:
        """Press ``key``, wait for ``condition`` (made before the press), then for the frame
        and the app to settle; record the step under ``name``."""
        meter = Meter()
        await press(app, key)
        await until(condition, what)
        await shown(frames, meter)
        record(name, meter)

    meter = Meter()
    app = CatalogueApp(db, TuiConfig(page_size=page_size) if page_size else TuiConfig())
    frames = Frames(app)
    async with app.run_test(headless=headless, size=SIZE) as pilot:
        await until(lambda: app.is_ready, "the explorer")
        await pilot.pause()
        record("start", meter)

        explorer: Any = app.screen
        for _ in range(8):
            await step("country detail", "down",
                       changed(lambda: explorer.detail_key, explorer.detail_key),
                       "a country's detail")

        await pilot.press("slash")
        countries = Counter(explorer, "show_countries")
        for key in "kenya":
            await step("explorer search keystroke", key, grew(countries), "the countries table")
        await pilot.press("escape")

        def board_shown() -> bool:
            board: Any = app.screen
            return (type(board).__name__ == "BoardScreen"
                    and {"counts", "requests"} <= board._loaded and board.detail is not None)

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
        programmes = Counter(builder, "show_list")
        await until(lambda: builder.query_one("#programmes").row_total > 0, "the programme list")
        await pilot.pause()
        await pilot.press("slash")
        for key in "command":
            await step("builder search keystroke", key, grew(programmes),
                       "the programmes table")
    return {"steps": steps, "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def main(argv: list[str]) -> int:
    db, out = argv[0], argv[1]
    page_size = int(argv[argv.index("--page-size") + 1]) if "--page-size" in argv else None
    result = asyncio.run(probe(db, headless="--headless" in argv, page_size=page_size))
    with open(out, "w") as handle:
        json.dump(result, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
