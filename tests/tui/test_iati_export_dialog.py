"""IATI from the app: the builder's export dialog (Ctrl+E) offers IATI 2.03 XML, always the
public version, for the programme or for every delivered one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select, Static

from catalogue.core.requests.register import link_programme
from catalogue.core.store import Store
from catalogue.tui.dialogs.export import ExportDialog
from catalogue.tui.screens.builder import BuilderScreen
from iati_helpers import configure, parse_valid, values
from programme_helpers import make_programme
from request_helpers import START, new_request, walk_to
from tui.helpers import SIZE, plain, ready, settle, wait_for


async def _dialog(pilot: Any, programme_id: int) -> ExportDialog:
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


async def test_iati_is_public_and_says_what_went_in(make_app, store: Store,
                                                     tmp_path: Path) -> None:
    configure(store)
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01",
                         delivery_mode="uk", title="Working [b]title[/b]")
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog(pilot, pid)
        redact = dialog.query_one("#redact", Checkbox)
        delivered = dialog.query_one("#delivered", Checkbox)
        assert not redact.value and not delivered.display
        dialog.query_one("#format", Select).value = "iati"
        await settle(pilot)
        assert redact.value and redact.disabled and delivered.display
        path = dialog.query_one("#path", Input)
        assert path.value == str(tmp_path / f"programme-{pid}-iati.xml")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        done = plain(dialog.query_one("#export-done", Static))
        assert f"GB-GOV-99-programme-{pid}: Pipeline/identification" in done
        assert "DAC purpose codes (updated 2023-02-23)" in done  # the lists' dates
        root = parse_valid((tmp_path / f"programme-{pid}-iati.xml").read_bytes())
        assert values(root, "//title/narrative/text()") == ["Training programme for Kenya"]


async def test_every_delivered_programme_from_the_app(make_app, store: Store,
                                                      tmp_path: Path) -> None:
    configure(store)
    pid = make_programme(store, ["ldr-personal-leadership"], start_date=START.isoformat(),
                         delivery_mode="uk")
    request = new_request(store, "KE", location="uk")
    link_programme(store, request.id, pid, by="tester")
    walk_to(store, request, "delivered")
    other = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog(pilot, other)  # from any programme's builder
        dialog.query_one("#format", Select).value = "iati"
        await settle(pilot)
        dialog.query_one("#delivered", Checkbox).value = True
        await settle(pilot)
        target = tmp_path / "delivered-programmes-iati.xml"
        assert dialog.query_one("#path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.written is not None, what="written")
        root = parse_valid(target.read_bytes())
        assert values(root, "//iati-identifier/text()") == [f"GB-GOV-99-programme-{pid}"]


async def test_a_missing_identifier_is_shown_in_the_dialog(make_app, store: Store,
                                                           tmp_path: Path) -> None:
    pid = make_programme(store, ["cmd-decision-logs"], start_date="2027-03-01")
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog(pilot, pid)
        dialog.query_one("#format", Select).value = "iati"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "iati.toml" in plain(
            dialog.query_one("#dialog-error", Static)), what="error")
        assert "no IATI organisation identifier" in plain(dialog.query_one("#dialog-error",
                                                                           Static))
        assert dialog.written is None and not list(tmp_path.glob("*.xml"))
