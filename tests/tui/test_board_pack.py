"""Pilot: the board's `p` writes the selected request's IPAB submission draft in a worker,
says where it went and how much is missing; a wrong suffix is shown, nothing written; the
funder and partners are fields of the request forms."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static

from catalogue.core.requests.register import create_request, get_request
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.dialogs.edit_request import EditRequestDialog
from catalogue.tui.dialogs.pack import PackDialog
from catalogue.tui.screens.board import BoardScreen
from programme_helpers import docx_text
from tui.helpers import SIZE, plain, ready, record_notices, settle, show_request, wait_for


def _request(store: Store) -> int:
    scope = build_scope(store, "Kenya", disciplines=["investigation"], audience=["inspector"],
                        cohort=20, delivered_by=["serving-officers"])
    return create_request(store, "Kenya Police Service", scope, by="tester",
                          funder="Kenya Police Service").id


async def test_p_writes_the_draft_into_the_exports_folder(make_app, store: Store,
                                                          tmp_path: Path) -> None:
    request_id = _request(store)
    folder = tmp_path / "exports"
    app = make_app(export_dir=folder)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PackDialog), what="dialog")
        dialog = app.screen
        path = dialog.query_one("#path", Input)
        assert path.value == str(folder / f"ipab-request-{request_id}.docx")
        dialog.query_one("#path", Input).value = str(folder / "draft.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert ".docx (Word) or .md" in plain(dialog.query_one("#dialog-error", Static))
        assert not folder.exists()  # refused before anything was made
        path.value = str(folder / "draft.md")  # the format chosen is still Word
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "draft.md ends in .md, a Markdown file, but the format "
                       "is Word" in plain(dialog.query_one("#dialog-error", Static)),
                       what="the mismatch refused")
        assert not folder.exists()
        dialog.query_one("#format", Select).value = "md"
        path.value = str(folder / f"ipab-request-{request_id}.docx")
        dialog.query_one("#format", Select).value = "docx"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        done = plain(dialog.query_one("#pack-done", Static))
        target = folder / f"ipab-request-{request_id}.docx"
        assert str(target) in done and "to complete, listed on its first page" in done
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        assert any(f"IPAB submission draft written to {target}" in n for n in notices)
    text = docx_text(target.read_bytes())
    assert "Kenya Police Service" in text and "Police Act 1996 s.26 authority" in text


async def test_the_edit_form_sets_the_funder_and_partners(make_app, store: Store) -> None:
    request_id = _request(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await show_request(pilot, request_id)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EditRequestDialog), what="dialog")
        dialog = app.screen
        assert dialog.query_one("#funder", Input).value == "Kenya Police Service"
        dialog.query_one("#partners", Input).value = "UNODC"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        await settle(pilot)
    assert get_request(store, request_id).partners == "UNODC"
