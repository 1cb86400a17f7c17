"""The app as a whole: start-up, the command palette, screen switching, the CLI entry points."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.command import CommandPalette

from catalogue.core.programmes.changes import create_programme
from catalogue.core.requests.register import create_request
from catalogue.core.rules.scope import build_scope
from catalogue.core.store import Store
from catalogue.tui.app import CatalogueApp
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.screens.builder import BuilderScreen
from catalogue.tui.screens.explorer import ExplorerScreen
from tui.helpers import SIZE, ready, settle, type_text, wait_for


async def _jump(pilot: Any, text: str) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
    await type_text(pilot, text)
    await pilot.pause(0.3)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_jumps_to_a_country_a_programme_and_a_request(make_app,
                                                                    store: Store) -> None:
    programme_id = create_programme(store, {"title": "Zanzibar [b]harbour[/b]",
                                            "country": "Tanzania"})
    request = create_request(store, "Quetzal Police", build_scope(store, "Guatemala"),
                             by="tester")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _jump(pilot, "Ghan")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen)
                       and app.screen.detail_key == ("country", "GH"), what="Ghana")

        await _jump(pilot, "Zanz")
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.programme_id == programme_id, what="programme")

        await _jump(pilot, "Quetz")
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen)
                       and app.screen.detail is not None
                       and app.screen.detail["request"]["id"] == request.id, what="request")


async def test_function_keys_switch_screens_and_database_work_runs_in_threads(
        make_app) -> None:
    import threading

    from textual.worker import Worker

    started: list[Worker[Any]] = []
    on_ui_thread: list[str] = []

    def hook(message: Any) -> None:
        if isinstance(message, Worker.StateChanged):
            started.append(message.worker)

    app = make_app()
    call = app.backend.call

    def call_in_a_thread(fn: Any, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_ui_thread.append(fn.__name__)
        return call(fn, *args, **kwargs)

    app.backend.call = call_in_a_thread  # type: ignore[method-assign]
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await ready(pilot)
        for key, screen in (("f3", BuilderScreen), ("f4", BoardScreen),
                            ("f2", ExplorerScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen)
    groups = {w.group for w in started}
    assert {"open", "countries", "tree", "list", "requests"} <= groups  # board: counts with its list
    assert on_ui_thread == []


async def test_layout_holds_at_80_by_24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#countries")
        assert table.size.width >= 40 and table.size.height >= 5
        assert app.screen.has_class("-narrow")
        await pilot.press("f4")
        await settle(pilot)
        assert app.screen.query_one("#requests").size.height >= 5


def test_a_foreign_database_is_reported_and_the_app_exits_4(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    app = CatalogueApp(path)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.5)

    import asyncio

    asyncio.run(run())
    assert app.startup_error is not None
    assert "not a catalogue database" in str(app.startup_error)
    assert app.return_code == 4


# ------------------------------------------------------------------ the CLI


def test_no_command_and_tui_open_the_app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue.cli.main import cli

    opened: list[Any] = []

    def fake_run(self: CatalogueApp, **kwargs: Any) -> None:
        opened.append((self.backend.db_path, self.config))

    monkeypatch.setattr(CatalogueApp, "run", fake_run)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path)]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(db_path), "tui"]).exit_code == 0
    assert [o[0] for o in opened] == [db_path, db_path]


def test_a_bad_config_file_is_a_message_not_a_traceback(db_path: Path, tmp_path: Path) -> None:
    from catalogue.cli.main import cli

    bad = tmp_path / "config.toml"
    bad.write_text("[keymap]\n'nope.nothing' = 'x'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "tui", "--config", str(bad)])
    assert result.exit_code == 2
    assert "no binding with id 'nope.nothing'" in result.output
    assert "Traceback" not in result.output
    import gc

    assert gc.isenabled()  # collection is off only while a starting app builds its screen


async def test_garbage_collection_is_back_on_once_the_first_screen_is_shown(make_app) -> None:
    import gc

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert gc.isenabled()
    assert gc.isenabled()


def test_textual_is_imported_only_when_the_app_opens(db_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from catalogue.cli.main import cli\n"
        f"cli.main(['--db', {str(db_path)!r}, 'country', 'Kenya'], standalone_mode=False)\n"
        f"cli.main(['--db', {str(db_path)!r}, 'tui', '--help'], standalone_mode=False)\n"
        "before = 'textual' in sys.modules\n"
        "import catalogue.tui.config\n"
        "print(json.dumps([before, 'textual' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, False]


def test_the_app_carries_no_benchmark_switches() -> None:
    """Benchmarks subclass the app (benchmarks/start_app.py, tui_probe.py); the app and its
    command have no option or environment variable of their own for them."""
    from catalogue.cli.tui import tui

    assert [p.name for p in tui.params if p.name != "help"] == ["config_file"]
    assert "exit_after_ready" not in inspect.signature(CatalogueApp.__init__).parameters


async def test_the_board_is_built_unseen_while_the_explorer_is_in_use(make_app,
                                                                      store: Store) -> None:
    create_request(store, "Quetzal Police", build_scope(store, "Guatemala"), by="tester")
    app = make_app()

    def board_built() -> bool:
        try:
            return bool(app.get_screen_stack("board"))
        except KeyError:  # the mode has no screen yet
            return False

    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await wait_for(pilot, board_built, what="the board")
        assert isinstance(app.screen, ExplorerScreen) and app.current_mode == "explorer"
        assert app.focused is app.screen.query_one("#search")  # focus stays where it was
        board = app.get_screen_stack("board")[0]
        await wait_for(pilot, lambda: board.query_one("#requests").row_total == 1,
                       what="the board's first page")
        await pilot.press("f4")
        assert app.screen is board
