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
        from textual.widgets import Checkbox, Label

        from tui.helpers import plain

        words = [plain(label) for label in dialog.query(Label)]
        words += [str(box.label) for box in dialog.query(Checkbox)]
        assert words and not [w for w in words if "--" in w]  # no CLI options in the app


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
        assert "\n# Open me\n" in written.read_text(encoding="utf-8")
        assert folder.stat().st_mode & 0o777 == 0o700
        open_button = dialog.query_one("#open-file", Button)
        assert open_button.display and app.focused is open_button
        await pilot.press("enter")
        await settle(pilot)
        assert opened == [written.resolve().as_uri()]


async def test_the_app_words_errors_for_its_users_not_with_cli_options(
        make_app, store: Store, tmp_path: Path, invoke) -> None:
    """The core names the field; the app says how to give it here, the CLI with its option."""
    from textual.widgets import Static

    from catalogue.core.requests.register import create_request
    from catalogue.core.rules.scope import build_scope
    from catalogue.tui.dialogs.steps import ExitDialog
    from tui.helpers import plain, show_request

    programme_id = create_programme(store, {"title": "Twice", "country": "Kenya"})
    request = create_request(store, "Ministry", build_scope(store, "Jordan"), by="tester")
    taken = tmp_path / "taken.md"
    taken.write_text("mine", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _export_dialog(pilot, programme_id)
        dialog.query_one("#path", Input).value = str(taken)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: bool(plain(dialog.query_one("#dialog-error", Static))),
                       what="refusal")
        error = plain(dialog.query_one("#dialog-error", Static))
        assert "already exists" in error and "Overwrite the file if it exists" in error
        assert "--" not in error
        await pilot.press("escape")
        await settle(pilot)

        await show_request(pilot, request.id)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ExitDialog), what="decline")
        step = app.screen
        step.query_one("#reason", Input).value = "no trainers"
        step.query_one("#by", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: bool(plain(step.query_one("#dialog-error", Static))),
                       what="refusal")
        error = plain(step.query_one("#dialog-error", Static))
        assert "By" in error and "--" not in error
    assert taken.read_text(encoding="utf-8") == "mine"
    result = invoke("programme", "export", str(programme_id), "-o", str(taken))
    assert result.exit_code == 6
    assert "already exists (use --force to overwrite it)" in result.stderr


async def test_word_is_never_written_under_a_markdown_name(make_app, store: Store,
                                                           tmp_path: Path) -> None:
    """The format is chosen in a list and the name typed: a name that says another format
    is refused in the dialog, in words for the app, and nothing is written."""
    from textual.widgets import Select, Static

    from tui.helpers import plain

    programme_id = create_programme(store, {"title": "Mismatch", "country": "Kenya"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _export_dialog(pilot, programme_id)
        dialog.query_one("#format", Select).value = "docx"
        await settle(pilot)
        dialog.query_one("#path", Input).value = str(tmp_path / "outline.md")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: bool(plain(dialog.query_one("#dialog-error", Static))),
                       what="refusal")
        error = plain(dialog.query_one("#dialog-error", Static))
        assert "outline.md ends in .md, a Markdown file, but the format is Word" in error
        assert "--" not in error and dialog.written is None
    assert not (tmp_path / "outline.md").exists()
