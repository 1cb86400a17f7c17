"""Key O on the board writes the request's OSJA assessment as a marked document."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static

from catalogue.core.store import Store
from catalogue.tui.dialogs.osja_export import OsjaExportDialog
from osja_helpers import assessed_twice
from programme_helpers import docx_text
from request_helpers import new_request
from tui.helpers import SIZE, plain, ready, settle, show_request, wait_for


async def test_key_o_writes_the_document_where_it_says(make_app, store: Store,
                                                        tmp_path: Path) -> None:
    rid = assessed_twice(store)
    app = make_app(export_dir=tmp_path, user="J. Smith")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        board = await show_request(pilot, rid)
        assert board.check_action("osja_document", ()) is True
        await pilot.press("O")
        await wait_for(pilot, lambda: isinstance(app.screen, OsjaExportDialog), what="dialog")
        dialog = app.screen
        path = dialog.query_one("#path", Input)
        assert path.value == str(tmp_path / f"osja-request-{rid}.docx")
        dialog.query_one("#format", Select).value = "md"
        await settle(pilot)
        assert path.value == str(tmp_path / f"osja-request-{rid}.md")
        dialog.query_one("#format", Select).value = "docx"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        assert str(tmp_path / f"osja-request-{rid}.docx") in plain(
            dialog.query_one("#export-done", Static))
        text = docx_text((tmp_path / f"osja-request-{rid}.docx").read_bytes())
        assert "Version history" in text and "J. Smith" in text


async def test_a_request_with_no_assessment_says_so_in_the_dialog(make_app, store: Store,
                                                                  tmp_path: Path) -> None:
    rid = new_request(store, "KE").id
    folder = tmp_path / "exports"
    app = make_app(export_dir=folder)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, rid)
        await pilot.press("O")
        await wait_for(pilot, lambda: isinstance(app.screen, OsjaExportDialog), what="dialog")
        dialog = app.screen
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "no OSJA assessment recorded yet" in plain(
            dialog.query_one("#dialog-error", Static)), what="refusal")
        assert dialog.written is None and not list(folder.glob("*"))
