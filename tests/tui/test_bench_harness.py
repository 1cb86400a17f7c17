"""The benchmarks' subclasses of the app still work (they are the app's only benchmark hooks)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.start_app import StartOnce
from benchmarks.tui_probe import ProbeApp, peak_rss_kb

from tui.helpers import SIZE, ready, wait_for


async def test_the_start_up_app_quits_at_its_first_complete_screen(db_path: Path) -> None:
    app = StartOnce(str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        while app.is_running:
            await pilot.pause(0.05)
    assert app.is_ready and app.return_code in (None, 0)


async def test_the_probe_counts_frames_and_typed_results(db_path: Path) -> None:
    app = ProbeApp(str(db_path))
    async with app.run_test(size=SIZE, message_hook=app.count) as pilot:
        await ready(pilot)
        before = app.last_frame
        app.press("slash")
        await pilot.pause(0.2)
        for key in "ken":
            app.press(key)
        await wait_for(pilot, lambda: app.delivered["CountriesLoaded"] >= 2, timeout=20,
                       what="the search's page")
        assert app.screen.query_one("#search").value == "ken"  # type: ignore[attr-defined]
        assert app.delivered["CountriesLoaded"] >= 2 and app.delivered["TreeLoaded"] == 1
        assert app.last_frame > before
    assert 10_000 < peak_rss_kb() < 4_000_000
