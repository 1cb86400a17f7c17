"""Exports from the app go to a folder the user can find, and the app offers to open them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from platformdirs import user_documents_path
from textual.widgets import Button, Input

from catalogue.core.programmes.changes import add_modules, create_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.export import ExportDialog
from catalogue.tui.screens.builder import BuilderScreen
from tui.helpers import SIZE, ready, settle, wait_for


async def _export_dialog(pilot: Any, programme_id: int) -> ExportDialog:
    app = pilot.app
    await ready(pilot)
    app.open_builder(programme_id=programme_id)
    await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                   and app.screen.outline is not None, what="outline")
    await pilot.press("ctrl+e")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), what="export")
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def test_by_default_exports_go_to_the_documents_folder(make_app, store: Store) -> None:
    programme_id = create_programme(store, {"title": "Docs", "country": "Kenya"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _export_dialog(pilot, programme_id)
        path = Path(dialog.query_one("#path", Input).value)
        assert path.parent == user_documents_path()
        assert path.name == f"programme-{programme_id}.md"


async def test_a_configured_folder_is_used_created_and_the_file_offered(
        make_app, store: Store, tmp_path: Path) -> None:
    programme_id = create_programme(store, {"title": "Open me", "country": "Kenya"})
    add_modules(store, programme_id, ["cmd-national-decision-model"])
    folder = tmp_path / "exports"  # not there yet
    opened: list[str] = []
    app = make_app(export_dir=folder)
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _export_dialog(pilot, programme_id)
        assert dialog.query_one("#path", Input).value == str(folder / f"programme-{programme_id}.md")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        written = folder / f"programme-{programme_id}.md"
        assert written.read_text(encoding="utf-8").startswith("# Open me")
        assert folder.stat().st_mode & 0o777 == 0o700
        open_button = dialog.query_one("#open-file", Button)
        assert open_button.display and app.focused is open_button
        await pilot.press("enter")
        await settle(pilot)
        assert opened == [written.resolve().as_uri()]
