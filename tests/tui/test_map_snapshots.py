"""Snapshot tests of the map screen (reviewed by eye before acceptance; see test_snapshots)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from catalogue.tui.screens.map import MapScreen
from tui.helpers import SIZE, ready, settle, wait_for


def _app(db_path: Path) -> CatalogueApp:
    return CatalogueApp(db_path, TuiConfig())


async def _map(pilot: Any, *keys: str) -> None:
    await ready(pilot)
    await pilot.press("f6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    await wait_for(pilot, lambda: screen.picture is not None)
    if keys:
        await pilot.press(*keys)
        await settle(pilot)
    await pilot.pause(0.2)


def test_world_map_of_countries_assisted(snap_compare: Any, db_path: Path) -> None:
    async def run_before(pilot: Any) -> None:
        await _map(pilot)

    assert snap_compare(_app(db_path), terminal_size=SIZE, run_before=run_before)


def test_map_of_regions_at_80_by_24(snap_compare: Any, db_path: Path) -> None:
    async def run_before(pilot: Any) -> None:
        await _map(pilot, "s", "down", "enter")

    assert snap_compare(_app(db_path), terminal_size=(80, 24), run_before=run_before)
