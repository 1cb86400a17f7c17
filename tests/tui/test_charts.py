"""The charts screen (F7): figures from one worker, drawn by textual-plotext; and a snapshot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Static, TabbedContent
from textual_plotext import PlotextPlot

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from catalogue.tui.screens.charts import ChartsScreen
from request_helpers import new_request, walk_to
from tui.helpers import SIZE, ready, settle, wait_for


def _programmes(store: Store) -> None:
    first = create_programme(store, {"title": "A", "country": "Kenya"})
    add_modules(store, first, ["cmd-national-decision-model", "cmd-decision-logs",
                               "inv-peace-interviewing"])
    second = create_programme(store, {"title": "B", "country": "Ghana"})
    add_modules(store, second, ["cmd-decision-logs"])


async def _charts(pilot: Any) -> ChartsScreen:
    await ready(pilot)
    await pilot.press("f7")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ChartsScreen)
    await wait_for(pilot, lambda: screen.data is not None)
    return screen


async def test_charts_show_every_figure_and_toggle_delivered_only(
        make_app: Callable[..., CatalogueApp], store: Store) -> None:
    _programmes(store)
    walk_to(store, new_request(store, "KE", disciplines=["command"]), "delivered")
    new_request(store, "GH")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _charts(pilot)
        data = screen.data
        assert data is not None and not data.delivered_only
        command = next(d for d in data.workload if d.discipline == "command")
        assert command.programmes == 2
        assert data.regions.counts == {"Africa": [1]}
        assert data.states.counts["received"][-1] == 1
        assert "local practice" in str(screen.query_one("#overdue", Static).render())
        plot = screen.query_one("#plot-workload", PlotextPlot)
        assert "Command (2)" in str(plot.render())
        for tab in ("tab-states", "tab-steps", "tab-regions"):
            screen.query_one(TabbedContent).active = tab
            await pilot.pause()
        assert "Africa" in str(screen.query_one("#plot-regions", PlotextPlot).render())
        await pilot.press("t")
        await wait_for(pilot, lambda: screen.data is not None and screen.data.delivered_only)
        assert all(d.programmes == 0 for d in screen.data.workload)  # none linked to delivery


def test_workload_chart(snap_compare: Any, db_path: Path, store: Store) -> None:
    _programmes(store)

    async def run_before(pilot: Any) -> None:
        await _charts(pilot)
        await pilot.pause(0.2)

    assert snap_compare(CatalogueApp(db_path, TuiConfig()), terminal_size=SIZE,
                        run_before=run_before)
