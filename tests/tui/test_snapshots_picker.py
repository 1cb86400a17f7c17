"""Snapshot of the module picker at 80x24 with two modules marked (reviewed by eye before
acceptance): the filters, the marks' order numbers, the count and the hint must all fit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.config import TuiConfig
from catalogue.tui.dialogs.module_picker import ModulePickerDialog
from tui.helpers import ready, settle, wait_for


def test_module_picker_with_marks(snap_compare: Any, db_path: Path, store: Store) -> None:
    programme_id = create_programme(store, {"title": "CT", "country": "Kenya"})
    add_modules(store, programme_id, ["ct-prevent"])

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await ready(pilot)
        app.open_builder(programme_id=programme_id)
        await wait_for(pilot, lambda: getattr(app.screen, "outline", None) is not None,
                       what="outline")
        await pilot.press("a", *"terror", "down", "space", "space")
        await wait_for(pilot, lambda: isinstance(app.screen, ModulePickerDialog)
                       and len(app.screen.marked) == 2, what="two marked")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(CatalogueApp(db_path, TuiConfig()), terminal_size=(80, 24),
                        run_before=run_before)
